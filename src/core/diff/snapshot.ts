/**
 * One version of a blueprint reduced to the facts the diff compares: per step its stage,
 * lanes (whitespace-normalised), effective personas (own or inherited), emotions and
 * stories; the stages; the personas and stories it defines. Built once per version.
 */
import { parseEmotion } from '../emotion';
import type { BlueprintDocument, Diagnostic, Item, Stage, Step } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';

/** Fields with a change kind of their own; every other known step field is a lane. */
const NOT_LANES = new Set(['persona', 'story', 'emotion']);

export interface StepFacts {
  step: Step;
  /** Id made unique within the version (`id`, then `id~2`, … for duplicates). */
  key: string;
  stage: string | null;
  line: number;
  lanes: Map<string, string>;
  /** Effective persona slug -> true when inherited from the stage or the front matter. */
  personas: Map<string, boolean>;
  ownPersonas: number;
  /** Persona slug ('' for everyone) -> score, null when unreadable. */
  emotions: Map<string, number | null>;
  stories: Set<string>;
}

export interface StageFacts {
  stage: Stage;
  key: string;
  line: number;
}

export interface Snapshot {
  doc: BlueprintDocument | undefined;
  steps: StepFacts[];
  stages: StageFacts[];
}

/** The diff's input: one version of a file inside the workspace it was loaded with. */
export interface BlueprintVersion {
  index: WorkspaceIndex;
  uri: string;
  /** The version's findings (`workspace.diagnostics(uri)`). */
  diagnostics: readonly Diagnostic[];
}

/** Whitespace that normalising would change: a run, a tab or newline, or at either end. */
const UNNORMAL_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Runs of whitespace as one space, trimmed (most lanes already are, and are returned as they are). */
export const normalise = (text: string): string => (UNNORMAL_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text);

/** Unique keys for items whose ids repeat (a duplicate-id finding is reported elsewhere). */
export function uniqueKeys<T extends Item>(items: readonly T[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    return count === 1 ? item.id : `${item.id}~${count}`;
  });
}

function stepFacts(version: BlueprintVersion, step: Step, key: string): StepFacts {
  const lanes = new Map<string, string>();
  const emotions = new Map<string, number | null>();
  for (const field of step.fields) {
    if (!field.known) continue;
    if (field.key === 'emotion') {
      const parsed = parseEmotion(field.value);
      if (parsed.overall !== undefined || parsed.errors.length > 0) emotions.set('', parsed.overall ?? null);
      for (const entry of parsed.perPersona) emotions.set(entry.slug, entry.score);
    } else if (!NOT_LANES.has(field.key)) {
      const value = normalise(field.value);
      const before = lanes.get(field.key);
      lanes.set(field.key, before === undefined ? value : `${before}; ${value}`);
    }
  }
  const own = step.references.filter((ref) => ref.kind === 'persona' && ref.field === 'persona');
  const effective = own.length > 0 ? own : version.index.effectivePersonas(version.uri, step);
  const personas = new Map<string, boolean>();
  for (const ref of effective) personas.set(ref.slug, own.length === 0);
  const stories = new Set(step.references.filter((ref) => ref.kind === 'story').map((ref) => ref.slug));
  return {
    step, key, stage: step.stage ?? null, line: step.headingRange.start.line + 1,
    lanes, personas, ownPersonas: own.length, emotions, stories,
  };
}

/**
 * Words of a step's content (not the title), for telling a rename from a replacement.
 * Only steps not matched by id need them, so they are made on demand.
 */
export function wordsOf(facts: StepFacts): Set<string> {
  const words = new Set<string>();
  const addWords = (text: string): void => {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}@#-]+/u)) if (word) words.add(word);
  };
  for (const [lane, value] of facts.lanes) addWords(`${lane} ${value}`);
  for (const slug of facts.personas.keys()) words.add(`@${slug}`);
  for (const slug of facts.stories) words.add(`#${slug}`);
  for (const [persona, score] of facts.emotions) words.add(`emotion:${persona}:${score}`);
  return words;
}

/** The facts of one version, or an empty snapshot for a file that does not exist there. */
export function snapshotOf(version: BlueprintVersion | undefined): Snapshot {
  const doc = version ? version.index.get(version.uri) : undefined;
  if (!version || !doc) return { doc: undefined, steps: [], stages: [] };
  const stepKeys = uniqueKeys(doc.steps);
  const stageKeys = uniqueKeys(doc.stages);
  return {
    doc,
    steps: doc.steps.map((step, i) => stepFacts(version, step, stepKeys[i] as string)),
    stages: doc.stages.map((stage, i) => ({ stage, key: stageKeys[i] as string, line: stage.headingRange.start.line + 1 })),
  };
}
