/**
 * The semantic diff of one blueprint: two versions in, the journey changes out (steps
 * added, removed, moved, renamed; lanes, personas, emotions and stories of each step;
 * stages; personas and stories defined; findings new and fixed), then what needs a
 * reviewer's attention first. Pure: the caller loads each version into a workspace.
 */
import type { Persona } from '../model';
import { diffFindings } from './finding-diff';
import { matchVersions, type Matching } from './match';
import { snapshotOf, type BlueprintVersion, type Snapshot, type StepFacts } from './snapshot';
import type { Attention, Change, DefinitionChange, FindingChange, StageChange, StepChange } from './types';
import { attentionOf } from './attention';

export interface BlueprintDiff {
  changes: Change[];
  attention: Attention[];
  /** Head findings that the base already had (left out by `check --base`). */
  existingFindings: number;
}

type StepFields = Pick<StepChange, 'step' | 'name' | 'stage' | 'line'>;
const about = (facts: StepFacts): StepFields => ({ step: facts.key, name: facts.step.name, stage: facts.stage, line: facts.line });

function compareMaps<T>(from: ReadonlyMap<string, T>, to: ReadonlyMap<string, T>, each: (key: string, a: T | undefined, b: T | undefined) => void): void {
  for (const [key, a] of from) if (!to.has(key) || to.get(key) !== a) each(key, a, to.get(key));
  for (const [key, b] of to) if (!from.has(key)) each(key, undefined, b);
}

/** Changes of one step present in both versions. */
function stepChanges(base: StepFacts, head: StepFacts, matching: Matching): StepChange[] {
  const out: StepChange[] = [];
  const at = about(head);
  if (base.step.name !== head.step.name && base.key !== head.key) {
    out.push({ kind: 'step-renamed', ...at, from: base.step.name, to: head.step.name, previous: base.key });
  }
  const baseStage = base.stage === null ? null : matching.stages.get(base.stage) ?? base.stage;
  if (baseStage !== head.stage) out.push({ kind: 'step-moved', ...at, from: base.stage, to: head.stage });
  compareMaps(base.lanes, head.lanes, (lane, from, to) => out.push({ kind: 'lane-changed', ...at, lane, from: from ?? null, to: to ?? null }));
  for (const [persona, inherited] of base.personas) {
    if (!head.personas.has(persona)) out.push({ kind: 'persona-removed', ...at, persona, inherited });
  }
  for (const [persona, inherited] of head.personas) {
    if (!base.personas.has(persona)) out.push({ kind: 'persona-added', ...at, persona, inherited });
  }
  compareMaps(base.emotions, head.emotions, (persona, from, to) =>
    out.push({ kind: 'emotion-changed', ...at, persona: persona || null, from: from ?? null, to: to ?? null }));
  for (const story of base.stories) if (!head.stories.has(story)) out.push({ kind: 'story-unlinked', ...at, story });
  for (const story of head.stories) if (!base.stories.has(story)) out.push({ kind: 'story-linked', ...at, story });
  return out;
}

function stageChanges(base: Snapshot, head: Snapshot, matching: Matching): StageChange[] {
  const out: StageChange[] = [];
  const matchedHead = new Set(matching.stages.values());
  for (const stage of base.stages) {
    if (!matching.stages.has(stage.key)) out.push({ kind: 'stage-removed', stage: stage.key, name: stage.stage.name, line: stage.line });
  }
  for (const stage of head.stages) {
    if (!matchedHead.has(stage.key)) out.push({ kind: 'stage-added', stage: stage.key, name: stage.stage.name, line: stage.line });
  }
  for (const [from, to] of matching.renamedStages) {
    out.push({ kind: 'stage-renamed', stage: to.key, previous: from.key, from: from.stage.name, to: to.stage.name, line: to.line });
  }
  return out;
}

function definitionChanges(base: Snapshot, head: Snapshot): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const ids = (items: ReadonlyArray<{ id: string }> | undefined) => new Set((items ?? []).map((item) => item.id));
  const persona = (kind: 'persona-defined' | 'persona-deleted', item: Persona): DefinitionChange =>
    ({ kind, persona: item.id, name: item.name, vulnerable: item.vulnerable === true, line: item.headingRange.start.line + 1 });
  const [basePersonas, headPersonas] = [ids(base.doc?.personas), ids(head.doc?.personas)];
  for (const item of base.doc?.personas ?? []) if (!headPersonas.has(item.id)) out.push(persona('persona-deleted', item));
  for (const item of head.doc?.personas ?? []) if (!basePersonas.has(item.id)) out.push(persona('persona-defined', item));
  const [baseStories, headStories] = [ids(base.doc?.stories), ids(head.doc?.stories)];
  for (const item of base.doc?.stories ?? []) {
    if (!headStories.has(item.id)) out.push({ kind: 'story-deleted', story: item.id, name: item.name, line: item.headingRange.start.line + 1 });
  }
  for (const item of head.doc?.stories ?? []) {
    if (!baseStories.has(item.id)) out.push({ kind: 'story-defined', story: item.id, name: item.name, line: item.headingRange.start.line + 1 });
  }
  return out;
}

/** Removals are placed by their base line; keep the report in reading order of the head. */
const byLine = (a: Change, b: Change): number => a.line - b.line;

/**
 * Compares two versions of a blueprint. A missing version (file added or removed) counts
 * as an empty blueprint.
 */
export function diffVersions(base: BlueprintVersion | undefined, head: BlueprintVersion | undefined): BlueprintDiff {
  const [before, after] = [snapshotOf(base), snapshotOf(head)];
  const matching = matchVersions(before, after);
  const matchedHead = new Set(matching.steps.values());
  const steps: StepChange[] = [];
  for (const step of before.steps) {
    const same = matching.steps.get(step);
    // A loop, not push(...changes): one step naming 100,000 personas has 200,000 changes, more than a call takes arguments.
    if (same) for (const change of stepChanges(step, same, matching)) steps.push(change);
    else steps.push({ kind: 'step-removed', ...about(step) });
  }
  for (const step of after.steps) if (!matchedHead.has(step)) steps.push({ kind: 'step-added', ...about(step) });
  const findings = diffFindings(before, base?.diagnostics ?? [], after, head?.diagnostics ?? [], matching);
  const journey: Change[] = [...stageChanges(before, after, matching), ...steps, ...definitionChanges(before, after)].sort(byLine);
  const found: FindingChange[] = [...findings.fresh, ...findings.fixed].sort(byLine);
  const changes = [...journey, ...found];
  return { changes, attention: attentionOf({ before, after, matching, changes, head }), existingFindings: findings.existing };
}
