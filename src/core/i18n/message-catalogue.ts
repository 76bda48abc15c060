/**
 * The message catalogue: every user-facing string of the core, in English and Dutch.
 * Rules, the parser, the CLI and the editor all format through `formatMessage`, so a
 * finding reads the same everywhere. Placeholders are `{name}`; a test checks that both
 * languages use the same placeholders for every key.
 */
import type { Lang } from '../model';
import { ruleMessages } from '../rules/docs.generated';

export type MessageArgs = Record<string, string | number>;

interface Translations {
  en: string;
  nl: string;
}

/** All messages. Keys are grouped: `rule.*` findings, `parse.*` parser problems, `fix.*` quick-fix titles. */
export const messages = {
  // --- rule findings: from the rules' doc sources (src/core/rules/<id>.md) -------------
  ...ruleMessages,

  // --- item kinds, for use inside other messages -----------------------------------------
  'kind.persona': { en: 'persona', nl: 'persona' },
  'kind.story': { en: 'story', nl: 'verhaal' },
  'kind.stage': { en: 'stage', nl: 'fase' },
  'kind.step': { en: 'step', nl: 'stap' },

  // --- parser problems -----------------------------------------------------------------
  'parse.invalidFrontMatter': {
    en: 'The front matter is not valid YAML: {detail}',
    nl: 'De front matter is geen geldige YAML: {detail}',
  },
  'parse.frontMatterAlias': {
    en: "The front matter uses the YAML alias '{alias}': aliases are not supported here, write the value out.",
    nl: "De front matter gebruikt de YAML-alias '{alias}': aliassen worden hier niet ondersteund, schrijf de waarde uit.",
  },
  'parse.frontMatterNotMapping': {
    en: "The front matter must be a list of 'key: value' pairs.",
    nl: "De front matter moet bestaan uit 'sleutel: waarde'-paren.",
  },
  'parse.unknownLang': {
    en: "Unknown language '{value}': use 'en' or 'nl'.",
    nl: "Onbekende taal '{value}': gebruik 'en' of 'nl'.",
  },
  'parse.langNotText': {
    en: "'lang' must be one word, 'en' or 'nl', not a list or a number.",
    nl: "'lang' moet één woord zijn, 'en' of 'nl', geen lijst of getal.",
  },
  'parse.unknownStatus': {
    en: "Unknown status '{value}': use draft, review, tested or live.",
    nl: "Onbekende status '{value}': gebruik concept, review, getest of live.",
  },
  'parse.invalidPersonaFiles': {
    en: "'personas' must be a file path or a list of file paths.",
    nl: "'personas' moet een bestandspad of een lijst van bestandspaden zijn.",
  },
  'parse.emptyReference': {
    en: "'{text}' names no persona, story or step.",
    nl: "'{text}' noemt geen persona, verhaal of stap.",
  },
  'parse.emptyHeading': {
    en: 'This heading has no text, so the item has no id.',
    nl: 'Deze kop heeft geen tekst, dus het item heeft geen id.',
  },
  'parse.tooComplex': {
    en: 'This section is too complex to read as Markdown: it is read as plain text, and only its heading counts.',
    nl: 'Deze sectie is te complex om als Markdown te lezen: ze wordt als platte tekst gelezen en alleen de kop telt mee.',
  },
  'parse.tooComplexNesting': {
    en: 'Quotes or lists nested {count} deep on one line (at most {limit}): this section is read as plain text, and only its heading counts.',
    nl: 'Citaten of lijsten {count} diep genest op één regel (hoogstens {limit}): deze sectie wordt als platte tekst gelezen en alleen de kop telt mee.',
  },
  'parse.tooComplexMarkers': {
    en: '{count} emphasis or link markers (*, _, ~, [, ]) in one paragraph (at most {limit} here): this section is read as plain text, and only its heading counts.',
    nl: '{count} nadruk- of linktekens (*, _, ~, [, ]) in één alinea (hier hoogstens {limit}): deze sectie wordt als platte tekst gelezen en alleen de kop telt mee.',
  },
  'parse.tooComplexTable': {
    en: 'A table of {count} cells (at most {limit} here): this section is read as plain text, and only its heading counts.',
    nl: 'Een tabel van {count} cellen (hier hoogstens {limit}): deze sectie wordt als platte tekst gelezen en alleen de kop telt mee.',
  },
  'parse.unreadableFile': {
    en: "File '{path}' could not be read.",
    nl: "Bestand '{path}' kon niet worden gelezen.",
  },
  'parse.filePermission': {
    en: "File '{path}' cannot be read: permission denied.",
    nl: "Bestand '{path}' kan niet worden gelezen: geen toegang.",
  },
  'parse.fileIsFolder': {
    en: "'{path}' is a folder, not a file.",
    nl: "'{path}' is een map, geen bestand.",
  },
  'parse.fileNotRegular': {
    en: "'{path}' is not a regular file (but a device, pipe or socket) and is not read.",
    nl: "'{path}' is geen gewoon bestand (maar een apparaat, pipe of socket) en wordt niet gelezen.",
  },
  'parse.fileTooLarge': {
    en: "File '{path}' is larger than {limit} MB and is not read.",
    nl: "Bestand '{path}' is groter dan {limit} MB en wordt niet gelezen.",
  },
  'parse.fileNotUtf8': {
    en: "File '{path}' is not UTF-8 text and is not read.",
    nl: "Bestand '{path}' is geen UTF-8-tekst en wordt niet gelezen.",
  },
  'parse.fileOutsideProject': {
    en: "'{path}' lies outside the project folder; files there are not read.",
    nl: "'{path}' ligt buiten de projectmap; bestanden daar worden niet gelezen.",
  },
  'parse.fileSymlink': {
    en: "'{path}' is a symbolic link whose target cannot be checked here (in the editor, or stored in a commit), so it is not followed; the command line follows links on disk that stay inside the project.",
    nl: "'{path}' is een symbolische koppeling waarvan het doel hier niet na te gaan is (in de editor, of opgeslagen in een commit), dus wordt hij niet gevolgd; de opdrachtregel volgt koppelingen op schijf die binnen het project blijven.",
  },
  'parse.notUtf8': {
    en: 'This file is not UTF-8 text: the bytes here are not valid UTF-8 (shown as �).',
    nl: 'Dit bestand is geen UTF-8-tekst: de bytes hier zijn geen geldige UTF-8 (getoond als �).',
  },

  // --- quick-fix titles ----------------------------------------------------------------
  'fix.addPersona': { en: 'Add persona {persona}', nl: 'Voeg persona {persona} toe' },
  'fix.changeTo': { en: "Change to '{suggestion}'", nl: "Wijzig in '{suggestion}'" },
  'fix.createPersona': { en: "Create persona '{name}'", nl: "Maak persona '{name}' aan" },
  'fix.createStory': { en: "Create story '{name}'", nl: "Maak verhaal '{name}' aan" },
  'fix.addHeard': { en: "Add '{key}:'", nl: "Voeg '{key}:' toe" },

  // --- semantic diff (blueprint diff, job summary, Compare with…) ------------------------
  'diff.stepAdded': { en: 'step added', nl: 'stap toegevoegd' },
  'diff.stepRemoved': { en: 'step removed', nl: 'stap verwijderd' },
  'diff.stepMoved': { en: 'moved from {from} to {to}', nl: 'verplaatst van {from} naar {to}' },
  'diff.stepRenamed': { en: "renamed from '{from}'", nl: "hernoemd van '{from}'" },
  'diff.laneChanged': { en: '{lane}: {from} → {to}', nl: '{lane}: {from} → {to}' },
  'diff.personaAdded': { en: 'persona @{persona} added', nl: 'persona @{persona} toegevoegd' },
  'diff.personaAddedInherited': { en: 'persona @{persona} added (inherited)', nl: 'persona @{persona} toegevoegd (geërfd)' },
  'diff.personaRemoved': { en: 'persona @{persona} removed', nl: 'persona @{persona} verwijderd' },
  'diff.personaRemovedInherited': { en: 'persona @{persona} removed (was inherited)', nl: 'persona @{persona} verwijderd (was geërfd)' },
  'diff.emotionChanged': { en: 'emotion{who}: {from} → {to}', nl: 'emotie{who}: {from} → {to}' },
  'diff.storyLinked': { en: 'story #{story} linked', nl: 'verhaal #{story} gekoppeld' },
  'diff.storyUnlinked': { en: 'story #{story} unlinked', nl: 'verhaal #{story} ontkoppeld' },
  'diff.stageAdded': { en: "stage '{name}' added", nl: "fase '{name}' toegevoegd" },
  'diff.stageRemoved': { en: "stage '{name}' removed", nl: "fase '{name}' verwijderd" },
  'diff.stageRenamed': { en: "stage '{from}' renamed to '{to}'", nl: "fase '{from}' hernoemd naar '{to}'" },
  'diff.personaDefined': { en: "persona '{name}' defined", nl: "persona '{name}' beschreven" },
  'diff.personaDeleted': { en: "persona '{name}' deleted", nl: "persona '{name}' verwijderd" },
  'diff.storyDefined': { en: "story '{name}' defined", nl: "verhaal '{name}' beschreven" },
  'diff.storyDeleted': { en: "story '{name}' deleted", nl: "verhaal '{name}' verwijderd" },
  'diff.findingNew': { en: 'new {severity}: {message}', nl: 'nieuwe {severity}: {message}' },
  'diff.findingFixed': { en: 'fixed {severity}: {message}', nl: 'opgeloste {severity}: {message}' },
  'diff.none': { en: '(none)', nl: '(geen)' },
  'diff.noStage': { en: '(no stage)', nl: '(geen fase)' },
  'diff.noChanges': { en: 'No journey changes.', nl: 'Geen wijzigingen in de klantreis.' },
  'diff.count.stepsAdded': { en: '{count} added', nl: '{count} toegevoegd' },
  'diff.count.stepsRemoved': { en: '{count} removed', nl: '{count} verwijderd' },
  'diff.count.stepsMoved': { en: '{count} moved', nl: '{count} verplaatst' },
  'diff.count.stepsRenamed': { en: '{count} renamed', nl: '{count} hernoemd' },
  'diff.count.stepsChanged': { en: '{count} changed', nl: '{count} gewijzigd' },
  'diff.count.steps': { en: 'Steps', nl: 'Stappen' },
  'diff.count.stages': { en: 'Stages', nl: 'Fases' },
  'diff.count.findings': { en: 'Findings: {new} new, {fixed} fixed', nl: 'Bevindingen: {new} nieuw, {fixed} opgelost' },
  'diff.attention.stepLostPersona': { en: "step '{name}' lost its persona (now inherits {inherits})", nl: "stap '{name}' verloor zijn persona (erft nu {inherits})" },
  'diff.attention.stepWithoutPersona': { en: "step '{name}' has no persona", nl: "stap '{name}' heeft geen persona" },
  'diff.attention.vulnerablePersonaLostSteps': { en: 'vulnerable persona @{persona} takes {from} → {to} steps', nl: 'kwetsbare persona @{persona} zet {from} → {to} stappen' },
  'diff.attention.emotionDropped': { en: "emotion{who} in '{name}' dropped: {from} → {to}", nl: "emotie{who} in '{name}' daalde: {from} → {to}" },
  'diff.attention.newError': { en: 'new error: {message}', nl: 'nieuwe fout: {message}' },
  'diff.attention.count': { en: '⚠ {count} to look at', nl: '⚠ {count} om naar te kijken' },
} as const satisfies Record<string, Translations>;

export type MessageKey = keyof typeof messages;

/** Every key, for tests and tooling. */
export const messageKeys = Object.keys(messages) as MessageKey[];

const PLACEHOLDER = /\{(\w+)\}/g;

/** Placeholder names used by a template, sorted and unique. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/**
 * Format a message in a locale. A placeholder without an argument is left as `{name}`,
 * so a missing argument is visible rather than silently empty.
 */
export function formatMessage(locale: Lang, key: MessageKey, args: MessageArgs = {}): string {
  const template: string = messages[key][locale];
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}
