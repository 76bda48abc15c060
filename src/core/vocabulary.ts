/**
 * The vocabulary of the language in one table: sections, heading prefixes and field keys
 * in English and Dutch. The parser, the rules (did-you-mean), completion and the preview
 * all read it, so a new keyword is added here once.
 */
import type { ItemKind, Lang, SectionKind } from './model';

export interface FieldSpec {
  /** Canonical English key. */
  key: string;
  /** Dutch keys (the English key is accepted in Dutch files too). */
  nl: readonly string[];
  /** Other English spellings accepted. */
  enAliases?: readonly string[];
  /** Item kinds the field belongs to. */
  kinds: readonly ItemKind[];
  /** One-line meaning, English and Dutch, for completion and docs. */
  doc: { en: string; nl: string };
  /** Whether the value holds references, and to what. */
  references?: 'persona' | 'story';
}

const JOURNEY: readonly ItemKind[] = ['step', 'stage'];
const STEP_ONLY: readonly ItemKind[] = ['step'];

/** Every known field, in blueprint (lane) order for steps. */
export const FIELD_SPECS: readonly FieldSpec[] = [
  { key: 'persona', nl: ['persona', "persona's"], enAliases: ['personas'], kinds: ['step', 'stage', 'story'], references: 'persona',
    doc: { en: 'Who takes this step (persona references).', nl: 'Wie deze stap zet (verwijzingen naar persona\'s).' } },
  { key: 'story', nl: ['verhaal', 'verhalen'], enAliases: ['stories'], kinds: JOURNEY, references: 'story',
    doc: { en: 'The customer stories this step answers.', nl: 'De klantverhalen waar deze stap op antwoordt.' } },
  { key: 'evidence', nl: ['bewijs'], kinds: STEP_ONLY,
    doc: { en: 'What the customer sees or holds: a letter, a screen.', nl: 'Wat de klant ziet of in handen heeft: een brief, een scherm.' } },
  { key: 'customer', nl: ['klant'], kinds: STEP_ONLY,
    doc: { en: 'What the customer does.', nl: 'Wat de klant doet.' } },
  { key: 'frontstage', nl: ['voorkant', 'frontstage'], kinds: STEP_ONLY,
    doc: { en: 'What staff or systems do in sight of the customer.', nl: 'Wat medewerkers of systemen doen in het zicht van de klant.' } },
  { key: 'backstage', nl: ['achterkant', 'backstage'], kinds: STEP_ONLY,
    doc: { en: 'What staff do out of sight.', nl: 'Wat medewerkers buiten het zicht doen.' } },
  { key: 'support', nl: ['ondersteuning'], kinds: STEP_ONLY,
    doc: { en: 'Systems, partners and rules that support the step.', nl: 'Systemen, partners en regels die de stap ondersteunen.' } },
  { key: 'channel', nl: ['kanaal'], kinds: STEP_ONLY,
    doc: { en: 'Phone, desk, web, post, home visit.', nl: 'Telefoon, balie, web, post, huisbezoek.' } },
  { key: 'emotion', nl: ['emotie'], kinds: STEP_ONLY,
    doc: { en: 'How the customer feels, -2..2 or 😞..😀; per persona: `@maria -2; @ahmed 1`.', nl: 'Hoe de klant zich voelt, -2..2 of 😞..😀; per persona: `@maria -2; @ahmed 1`.' } },
  { key: 'pain', nl: ['pijnpunt', 'pijnpunten'], enAliases: ['pains', 'pain point', 'pain points'], kinds: STEP_ONLY,
    doc: { en: 'Pain points.', nl: 'Pijnpunten.' } },
  { key: 'idea', nl: ['idee', 'ideeën', 'kans', 'kansen'], enAliases: ['ideas', 'opportunity'], kinds: STEP_ONLY,
    doc: { en: 'Opportunities and improvements.', nl: 'Kansen en verbeteringen.' } },
  { key: 'quote', nl: ['citaat'], kinds: ['step', 'persona'],
    doc: { en: "A customer's own words.", nl: 'De woorden van een klant.' } },
  { key: 'duration', nl: ['duur'], kinds: STEP_ONLY,
    doc: { en: 'How long the step takes.', nl: 'Hoe lang de stap duurt.' } },
  { key: 'metric', nl: ['meting'], kinds: STEP_ONLY,
    doc: { en: 'A KPI for the step.', nl: 'Een KPI voor de stap.' } },
  { key: 'tested', nl: ['getest'], kinds: STEP_ONLY,
    doc: { en: 'When and with whom the step was tested.', nl: 'Wanneer en met wie de stap is getest.' } },
  { key: 'basis', nl: ['basis'], kinds: STEP_ONLY,
    doc: { en: 'What the step rests on: heard, assumed, proposed.', nl: 'Waar de stap op rust: gehoord, aangenomen, voorstel.' } },
  { key: 'owner', nl: ['eigenaar'], kinds: JOURNEY,
    doc: { en: 'Who in the organisation owns the step.', nl: 'Wie in de organisatie eigenaar is van de stap.' } },
  { key: 'vulnerable', nl: ['kwetsbaar'], kinds: ['persona'],
    doc: { en: 'yes or no: is this citizen in a vulnerable position?', nl: 'ja of nee: is deze burger kwetsbaar?' } },
  { key: 'heard', nl: ['gehoord'], kinds: ['persona', 'story'],
    doc: { en: 'The conversations it rests on: date, how, by whom.', nl: 'De gesprekken waar het op rust: datum, hoe, door wie.' } },
  { key: 'needs', nl: ['behoeften', 'behoefte'], kinds: ['persona'],
    doc: { en: 'What this person needs from the service.', nl: 'Wat deze persoon van de dienst nodig heeft.' } },
  { key: 'age', nl: ['leeftijd'], kinds: ['persona'],
    doc: { en: 'Age or age range.', nl: 'Leeftijd of leeftijdsgroep.' } },
  { key: 'role', nl: ['rol'], kinds: ['persona'],
    doc: { en: 'Role or situation.', nl: 'Rol of situatie.' } },
];

const specByWord = new Map<string, FieldSpec>();
for (const spec of FIELD_SPECS) {
  for (const word of [spec.key, ...spec.nl, ...(spec.enAliases ?? [])]) specByWord.set(word, spec);
}

/** Look up a field key as written (case-insensitive, either language). */
export function fieldSpec(rawKey: string): FieldSpec | undefined {
  return specByWord.get(rawKey.trim().toLowerCase());
}

/** Keys to offer for an item kind in a language (for completion and did-you-mean). */
export function fieldKeysFor(kind: ItemKind, lang: Lang): Array<{ word: string; spec: FieldSpec }> {
  const result: Array<{ word: string; spec: FieldSpec }> = [];
  for (const spec of FIELD_SPECS) {
    if (!spec.kinds.includes(kind)) continue;
    result.push({ word: lang === 'nl' ? spec.nl[0] : spec.key, spec });
  }
  return result;
}

/** Every spelling of every key, for did-you-mean over typos in either language. */
export function allFieldWords(): string[] {
  return [...specByWord.keys()];
}

/** Section heading words. */
export const SECTION_WORDS: Readonly<Record<SectionKind, { en: string; nl: string; all: readonly string[] }>> = {
  personas: { en: 'Personas', nl: "Persona's", all: ['personas', "persona's", 'persona’s'] },
  stories: { en: 'Stories', nl: 'Verhalen', all: ['stories', 'customer stories', 'verhalen', 'klantverhalen'] },
  journey: { en: 'Journey', nl: 'Klantreis', all: ['journey', 'customer journey', 'klantreis', 'reis'] },
};

export function sectionKindOf(headingText: string): SectionKind | undefined {
  const text = headingText.trim().toLowerCase();
  for (const kind of Object.keys(SECTION_WORDS) as SectionKind[]) {
    if (SECTION_WORDS[kind].all.includes(text)) return kind;
  }
  return undefined;
}

/** Heading prefixes: `Stage:` / `Fase:` and `Step:` / `Stap:`. */
export const PREFIXES: Readonly<Record<'stage' | 'step', { en: string; nl: string; all: readonly string[] }>> = {
  stage: { en: 'Stage', nl: 'Fase', all: ['stage', 'fase', 'phase'] },
  step: { en: 'Step', nl: 'Stap', all: ['step', 'stap'] },
};

/** Yes/no words for `vulnerable`. */
export const YES_WORDS = ['yes', 'y', 'true', 'ja', 'j'];
export const NO_WORDS = ['no', 'n', 'false', 'nee'];

/** Front-matter status values, with Dutch synonyms mapped to English. */
export const STATUS_WORDS: Readonly<Record<string, 'draft' | 'review' | 'tested' | 'live'>> = {
  draft: 'draft', concept: 'draft', review: 'review', tested: 'tested', getest: 'tested', live: 'live',
};

/** Channel values offered by completion. */
export const CHANNEL_VALUES: Readonly<Record<Lang, readonly string[]>> = {
  en: ['phone', 'desk', 'web', 'email', 'post', 'home visit', 'app', 'chat'],
  nl: ['telefoon', 'balie', 'web', 'e-mail', 'post', 'huisbezoek', 'app', 'chat'],
};
