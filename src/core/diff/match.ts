/**
 * Pairs the steps and stages of two versions: by id first; then a step whose title
 * changed but whose content is mostly the same is the same step renamed, and a stage
 * whose steps mostly went to one new stage is that stage renamed.
 */
import { wordsOf, type Snapshot, type StageFacts, type StepFacts } from './snapshot';

/** Content this alike (Dice coefficient of the words) makes a rename rather than a replacement. */
export const RENAME_SIMILARITY = 0.6;
/** Above this many candidate pairs, renames are not looked for (a rewrite, not an edit). */
const MAX_RENAME_PAIRS = 250_000;
/**
 * Nor above this many word look-ups (each pair costs the base step's words): 500 by 500
 * steps of 300 words each took 6 s beyond the check of both versions. About 2 s at most.
 */
const MAX_RENAME_WORK = 25_000_000;

export interface Matching {
  /** Base step -> head step. */
  steps: Map<StepFacts, StepFacts>;
  /** Base step key -> head step key, for steps matched by rename. */
  renamedSteps: Map<string, string>;
  /** Base stage key -> head stage key, for every matched stage. */
  stages: Map<string, string>;
  renamedStages: Map<StageFacts, StageFacts>;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function matchRenamedSteps(base: StepFacts[], head: StepFacts[], matching: Matching): void {
  if (base.length === 0 || head.length === 0 || base.length * head.length > MAX_RENAME_PAIRS) return;
  const baseWords = base.map(wordsOf);
  if (baseWords.reduce((work, words) => work + words.size * head.length, 0) > MAX_RENAME_WORK) return;
  const pairs: Array<{ b: StepFacts; h: StepFacts; score: number }> = [];
  const headWords = head.map(wordsOf);
  for (const [j, b] of base.entries()) {
    const words = baseWords[j] as Set<string>;
    for (const [i, h] of head.entries()) {
      const score = similarity(words, headWords[i] as Set<string>);
      if (score >= RENAME_SIMILARITY) pairs.push({ b, h, score });
    }
  }
  // Best pairs first; ties go to the nearer position so reordered twins pair in order.
  pairs.sort((x, y) => y.score - x.score || Math.abs(x.b.line - x.h.line) - Math.abs(y.b.line - y.h.line));
  const usedHead = new Set<StepFacts>();
  for (const { b, h } of pairs) {
    if (matching.steps.has(b) || usedHead.has(h)) continue;
    matching.steps.set(b, h);
    matching.renamedSteps.set(b.key, h.key);
    usedHead.add(h);
  }
}

/**
 * A base stage not found by id is renamed to the head stage most of its steps went to.
 * Steps are grouped by stage once, so thousands of renamed stages stay linear.
 */
function matchRenamedStages(base: Snapshot, head: Snapshot, matching: Matching): void {
  const matchedHead = new Set(matching.stages.values());
  const headStages = new Map<string, StageFacts>();
  for (const stage of head.stages) if (!matchedHead.has(stage.key) && !headStages.has(stage.key)) headStages.set(stage.key, stage);
  const stepsOf = new Map<string, StepFacts[]>();
  for (const step of base.steps) {
    if (step.stage === null) continue;
    const list = stepsOf.get(step.stage);
    if (list) list.push(step);
    else stepsOf.set(step.stage, [step]);
  }
  for (const stage of base.stages) {
    if (matching.stages.has(stage.key)) continue;
    const own = stepsOf.get(stage.stage.id) ?? [];
    const votes = new Map<string, number>();
    for (const step of own) {
      const to = matching.steps.get(step)?.stage;
      if (to && headStages.has(to)) votes.set(to, (votes.get(to) ?? 0) + 1);
    }
    const [best] = [...votes].sort((x, y) => y[1] - x[1]);
    if (!best || best[1] * 2 < own.length) continue;
    matching.stages.set(stage.key, best[0]);
    const headStage = headStages.get(best[0]);
    headStages.delete(best[0]);
    if (headStage) matching.renamedStages.set(stage, headStage);
  }
}

export function matchVersions(base: Snapshot, head: Snapshot): Matching {
  const matching: Matching = { steps: new Map(), renamedSteps: new Map(), stages: new Map(), renamedStages: new Map() };
  const headSteps = new Map(head.steps.map((step) => [step.key, step]));
  const unmatchedBase: StepFacts[] = [];
  for (const step of base.steps) {
    const same = headSteps.get(step.key);
    if (same) {
      matching.steps.set(step, same);
      headSteps.delete(step.key);
    } else {
      unmatchedBase.push(step);
    }
  }
  matchRenamedSteps(unmatchedBase, [...headSteps.values()], matching);
  const headStageKeys = new Set(head.stages.map((stage) => stage.key));
  for (const stage of base.stages) if (headStageKeys.has(stage.key)) matching.stages.set(stage.key, stage.key);
  matchRenamedStages(base, head, matching);
  return matching;
}
