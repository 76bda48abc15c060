/**
 * Where a finding shows in the grid: on the cell of the field it points at, on the step's
 * header, or in a list under the grid when it lies outside the journey's steps.
 */
import type { Diagnostic, Step } from '../model';
import { laneOfField } from './grid-rows';

/** The document's findings, by the grid cell that shows them. */
export interface PlacedFindings {
  /** Findings per step index, then per lane (`header` for the step's column header). */
  byStep: Map<number, Map<string, Diagnostic[]>>;
  /** Findings outside any step (personas, stories, stages, front matter). */
  outside: Diagnostic[];
}

// Some findings are about a lane that is missing, not about the line they point at: the
// badge belongs where the gap is, so the room sees an empty persona row cell flagged.
const RULE_LANE: ReadonlyMap<string, string> = new Map([
  ['step-without-persona', 'persona'],
  ['step-without-customer-action', 'customer'],
]);

/** Assign each of the document's findings to a cell or to the outside list. */
export function placeFindings(uri: string, steps: readonly Step[], diagnostics: readonly Diagnostic[]): PlacedFindings {
  const byStep = new Map<number, Map<string, Diagnostic[]>>();
  const outside: Diagnostic[] = [];
  // The rules report in source order, mostly: the step of the finding before is tried first.
  let near = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.uri !== uri) continue;
    const line = diagnostic.range.start.line;
    const stepIndex = stepAt(steps, line, near);
    if (stepIndex < 0 || line > steps[stepIndex].range.end.line) {
      outside.push(diagnostic);
      continue;
    }
    near = stepIndex;
    const lane = laneOf(steps[stepIndex], diagnostic, line);
    let lanes = byStep.get(stepIndex);
    if (!lanes) byStep.set(stepIndex, (lanes = new Map()));
    const list = lanes.get(lane);
    if (list) list.push(diagnostic);
    else lanes.set(lane, [diagnostic]);
  }
  return { byStep, outside };
}

/**
 * The index of the last step starting at or before `line` (-1 when none does): steps do
 * not nest and are in source order, so it is the only one that can hold the line. `near`
 * (or the step after it) is checked first, then a binary search: a journey of n steps with
 * a finding on each costs n log n at worst, not n², and n when the findings are in order.
 */
function stepAt(steps: readonly Step[], line: number, near: number): number {
  for (let i = near; i < near + 2 && i < steps.length; i++) {
    if (steps[i].range.start.line <= line && (i + 1 === steps.length || steps[i + 1].range.start.line > line)) return i;
  }
  let low = 0;
  let high = steps.length - 1;
  let stepIndex = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (steps[mid].range.start.line <= line) {
      stepIndex = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return stepIndex;
}

/** The lane of a step that shows a finding on `line`: the rule's own, the field's, or the header. */
function laneOf(step: Step, diagnostic: Diagnostic, line: number): string {
  const forced = RULE_LANE.get(diagnostic.rule);
  if (forced) return forced;
  const field = step.fields.find((f) => f.range.start.line <= line && line <= f.range.end.line);
  return field ? laneOfField(field) : 'header';
}
