/**
 * The semantic diff against checking: two versions of the 1000-step blueprint, diffed
 * (both loaded and checked, then compared) beside the full check of both versions.
 * Goal: the diff costs at most 25 % more than checking the two versions. Measured in CPU
 * time, alternating the two, since wall time on a shared machine swings by more than that.
 */
import { createBlueprintService, diffVersions } from '../src/core';
import { cpuTime, median, ms } from './stats';

export const DIFF_RATIO_GOAL = 1.25;

const BASE_URI = 'file:///bench/base/generated.blueprint.md';
const HEAD_URI = 'file:///bench/head/generated.blueprint.md';

/** A reviewed change: steps moved, renamed, removed and added, lanes, personas and emotions edited. */
export function changedVersion(text: string): string {
  // Parts: the front (personas, stories), then one per stage heading and one per step.
  const parts = text.split(/(?=^#{3,4} (?:Stage|Step): )/m);
  const isStep = (part: string): boolean => part.startsWith('#### Step: ');
  let n = 0;
  const edited = parts.map((part) => {
    if (!isStep(part)) return part;
    const i = n++;
    if (i % 97 === 5) return part.replace(/^#### Step: (.*)$/m, '#### Step: $1, renamed');
    if (i % 89 === 7) return part.replace(/^- channel: .*$/m, '- channel: web, phone');
    if (i % 83 === 11) return part.replace(/^- persona: .*\n/m, '');
    if (i % 79 === 13) return part.replace(/^- emotion: .*$/m, '- emotion: -2');
    if (i % 211 === 3) return '';
    return part;
  });
  // Six steps moved 25 places on, which is into the next stage (20 steps a stage).
  for (let k = 0; k < 6; k++) {
    let from = 30 + k * 150;
    while (!isStep(edited[from] ?? '#### Step: ')) from++;
    const [step] = edited.splice(from, 1);
    edited.splice(from + 25, 0, step as string);
  }
  edited.push('#### Step: A step added in review\n- persona: @maria\n- customer: reads the new letter\n\n');
  return edited.join('');
}

export interface DiffFigures {
  checkBoth: number;
  diff: number;
  changes: number;
}

export function measureDiff(base: string, runs = 7): DiffFigures {
  const head = changedVersion(base);
  const host = { readFile: async (): Promise<string | undefined> => undefined };
  const checkBoth = (): void => {
    const before = createBlueprintService(host);
    before.setText(BASE_URI, base);
    before.diagnostics(BASE_URI);
    const after = createBlueprintService(host);
    after.setText(HEAD_URI, head);
    after.diagnostics(HEAD_URI);
  };
  let changes = 0;
  const diff = (): void => {
    const before = createBlueprintService(host);
    before.setText(BASE_URI, base);
    const after = createBlueprintService(host);
    after.setText(HEAD_URI, head);
    const result = diffVersions(
      { index: before.index, uri: BASE_URI, diagnostics: before.diagnostics(BASE_URI) },
      { index: after.index, uri: HEAD_URI, diagnostics: after.diagnostics(HEAD_URI) },
    );
    changes = result.changes.length;
  };
  // Warm both paths, then alternate them and count CPU time, so load from other processes
  // on the machine stretches neither side.
  checkBoth();
  diff();
  const [checkTimes, diffTimes]: [number[], number[]] = [[], []];
  // A collection before each run, so neither side pays for the other's garbage (the bench runs with --expose-gc).
  const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
  for (let run = 0; run < runs; run++) {
    collect();
    checkTimes.push(cpuTime(checkBoth));
    collect();
    diffTimes.push(cpuTime(diff));
  }
  return { checkBoth: median(checkTimes), diff: median(diffTimes), changes };
}

/** Prints the diff against the check of both versions, with the goal. */
export function printDiff(base: string): void {
  console.log('\nSemantic diff of two versions of the 1000-step blueprint (CPU time, median of 7 alternating runs)\n');
  const diff = measureDiff(base);
  const ratio = diff.diff / diff.checkBoth;
  console.log(`full check of both versions:            ${ms(diff.checkBoth)}`);
  console.log(`diff (both versions checked + compared): ${ms(diff.diff)} (${diff.changes} changes)`);
  console.log(`ratio: ${ratio.toFixed(2)}x (goal at most ${DIFF_RATIO_GOAL}x): ${ratio <= DIFF_RATIO_GOAL ? 'met' : 'NOT met'}`);
}
