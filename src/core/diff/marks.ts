/** How each step of the head version changed, for colouring: added, moved or changed. */
import type { Change } from './types';

export type StepMark = 'added' | 'moved' | 'changed';

const CHANGED_KINDS = new Set<Change['kind']>(['step-renamed', 'lane-changed', 'persona-added', 'persona-removed', 'emotion-changed', 'story-linked', 'story-unlinked']);

/** Head step id -> its mark; `added` wins over `moved`, `moved` over `changed`. */
export function stepMarks(changes: readonly Change[]): Map<string, StepMark> {
  const marks = new Map<string, StepMark>();
  for (const change of changes) {
    if (!('step' in change)) continue;
    const mark: StepMark | undefined = change.kind === 'step-added' ? 'added' : change.kind === 'step-moved' ? 'moved' : CHANGED_KINDS.has(change.kind) ? 'changed' : undefined;
    if (!mark) continue;
    const known = marks.get(change.step);
    if (!known || mark === 'added' || (mark === 'moved' && known === 'changed')) marks.set(change.step, mark);
  }
  return marks;
}

/** Removed steps: id, title and the stage they were in (base). */
export function removedSteps(changes: readonly Change[]): Array<{ step: string; name: string; stage: string | null; line: number }> {
  return changes.flatMap((change) => (change.kind === 'step-removed' ? [{ step: change.step, name: change.name, stage: change.stage, line: change.line }] : []));
}
