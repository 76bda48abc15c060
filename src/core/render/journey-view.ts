/**
 * The journey as the preview sees it: steps in column order with their stage, the personas
 * that apply to each (own or inherited), their stories and emotion scores. Shared by the
 * grid and the Mermaid generator so both tell the same story.
 */
import { parseEmotion } from '../emotion';
import type { BlueprintDocument, Diagnostic, Item, Lang, Persona, Reference, Stage, Step, Story } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';

/** What the renderers need: a parsed document, optionally its findings and the workspace. */
export interface RenderInput {
  doc: BlueprintDocument;
  /** Findings to show on their cells (any URI; only this document's are used). */
  diagnostics?: readonly Diagnostic[];
  /** Cross-file lookups (shared persona files); without it only the file's own items are known. */
  index?: WorkspaceIndex;
  /** Language of the labels (lanes, captions): the configured `locale`, else the file's `lang` (default). */
  locale?: Lang;
}

export interface PersonaRef {
  slug: string;
  /** Display name (the persona's heading), or the slug as written when unknown. */
  name: string;
  /** True when the persona comes from the stage or front matter, not the step itself. */
  inherited: boolean;
  /** False when no visible file defines it. */
  known: boolean;
}

export interface StoryRef {
  slug: string;
  name: string;
  known: boolean;
}

export interface StepColumn {
  step: Step;
  stage?: Stage;
  /** 1-based position in the journey. */
  number: number;
  personas: PersonaRef[];
  stories: StoryRef[];
  /** Emotion score for everyone, and per persona slug; undefined when none was given. */
  emotion?: { overall?: number; perPersona: Map<string, number>; line: number };
}

export interface StageGroup {
  /** Undefined for steps that sit under no stage. */
  stage?: Stage;
  columns: StepColumn[];
}

export interface JourneyView {
  title: string;
  columns: StepColumn[];
  groups: StageGroup[];
  /** Personas visible from the document, for the filter. */
  personas: Array<{ slug: string; name: string }>;
  /** Persona slugs that get their own emotion line (scores given per persona somewhere). */
  emotionSeries: string[];
}

/** Build the journey view of a document. Pure; never throws on odd input. */
export function buildJourneyView(input: RenderInput): JourneyView {
  const { doc, index } = input;
  const personaNames = new Map<string, string>();
  for (const persona of personasInScope(input)) {
    if (!personaNames.has(persona.id)) personaNames.set(persona.id, persona.name);
  }
  const storyNames = new Map<string, string>();
  for (const story of storiesInScope(input)) {
    if (!storyNames.has(story.id)) storyNames.set(story.id, story.name);
  }
  const stageOf = new Map<string, Stage>();
  for (const stage of doc.stages) for (const step of stage.steps) stageOf.set(keyOf(step), stage);

  // Per step only what it has: a journey of thousands of one-line steps builds a column
  // for each, and a filter, a set and a copy per step were most of the time (issue 9).
  const columns: StepColumn[] = doc.steps.map((step, i) => {
    const stage = stageOf.size === 0 ? undefined : stageOf.get(keyOf(step));
    const refs = index ? index.effectivePersonas(doc.uri, step) : fallbackPersonas(doc, step, stage);
    const personas = (refs.length < 2 ? refs : uniqueBy(refs, (r) => r.slug)).map((ref) => ({
      slug: ref.slug,
      name: personaNames.get(ref.slug) ?? ref.slug,
      inherited: !step.references.some((own) => own.kind === 'persona' && own.slug === ref.slug),
      known: personaNames.has(ref.slug),
    }));
    const stories = !step.references.some((r) => r.kind === 'story') ? [] : uniqueBy(step.references.filter((r) => r.kind === 'story'), (r) => r.slug).map((ref) => ({
      slug: ref.slug,
      name: storyNames.get(ref.slug) ?? ref.text,
      known: storyNames.has(ref.slug),
    }));
    return { step, stage, number: i + 1, personas, stories, emotion: emotionOf(step) };
  });

  const groups: StageGroup[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.stage === column.stage) last.columns.push(column);
    else groups.push({ stage: column.stage, columns: [column] });
  }

  const emotionSeries: string[] = [];
  for (const column of columns) {
    for (const slug of column.emotion?.perPersona.keys() ?? []) {
      if (!emotionSeries.includes(slug)) emotionSeries.push(slug);
    }
  }

  return {
    title: doc.title ?? doc.frontMatter?.title ?? '',
    columns,
    groups,
    personas: [...personaNames].map(([slug, name]) => ({ slug, name })),
    emotionSeries,
  };
}

/** Display name of a persona slug, as the view knows it. */
export function personaName(view: JourneyView, slug: string): string {
  return view.personas.find((p) => p.slug === slug)?.name ?? slug;
}

function personasInScope(input: RenderInput): Persona[] {
  if (input.index) return input.index.personasInScope(input.doc.uri).map((located) => located.item);
  return input.doc.personas;
}

function storiesInScope(input: RenderInput): Story[] {
  if (input.index) return input.index.storiesInScope(input.doc.uri).map((located) => located.item);
  return input.doc.stories;
}

// Steps are objects from one parse; a position key also survives structural copies.
function keyOf(item: Item): string {
  return `${item.headingRange.start.line}:${item.id}`;
}

/** Without a workspace: the step's own personas, else its stage's, else the front matter's. */
function fallbackPersonas(doc: BlueprintDocument, step: Step, stage: Stage | undefined): Reference[] {
  const own = step.references.filter((r) => r.kind === 'persona');
  if (own.length > 0) return own;
  const staged = stage ? stage.references.filter((r) => r.kind === 'persona') : [];
  if (staged.length > 0) return staged;
  return doc.frontMatter?.personaRefs ?? [];
}

function emotionOf(step: Step): StepColumn['emotion'] {
  if (!step.fields.some((f) => f.key === 'emotion')) return undefined;
  const fields = step.fields.filter((f) => f.key === 'emotion');
  if (fields.length === 0) return undefined;
  let overall: number | undefined;
  const perPersona = new Map<string, number>();
  for (const field of fields) {
    const parsed = parseEmotion(field.value);
    if (parsed.overall !== undefined) overall = parsed.overall;
    for (const entry of parsed.perPersona) perPersona.set(entry.slug, entry.score);
  }
  if (overall === undefined && perPersona.size === 0) return undefined;
  return { overall, perPersona, line: fields[0].range.start.line };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** True when `persona` takes part in the step (undefined: everyone does). */
export function stepInvolves(column: StepColumn, persona: string | undefined): boolean {
  return persona === undefined || column.personas.some((p) => p.slug === persona);
}

/**
 * One score for a step: the persona's own where a persona is chosen (else everyone's),
 * otherwise everyone's, or the mean of the per-persona scores when only those are given.
 */
export function stepScore(column: StepColumn, persona?: string): number | undefined {
  const emotion = column.emotion;
  if (!emotion) return undefined;
  if (persona !== undefined) return emotion.perPersona.get(persona) ?? emotion.overall;
  if (emotion.overall !== undefined) return emotion.overall;
  const scores = [...emotion.perPersona.values()];
  return scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined;
}
