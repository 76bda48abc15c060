/**
 * Where a finding shows in the grid: on the cell of the field it points at, on the step's
 * header, or in a list under the grid when it lies outside the journey's steps.
 */
import type { Diagnostic, Step } from '../model';
import { laneOfField } from './grid-rows';

/** The cell a finding belongs to: a step and a lane (`header` for the step's column header). */
export interface FindingPlace {
  stepIndex: number;
  lane: string;
}

/** The document's findings, by the grid cell that shows them. */
export interface PlacedFindings {
  /** Findings per step index, then per lane (`header` for the step's column header). */
  byStep: Map<number, Map<string, Diagnostic[]>>;
  /** Findings outside any step (personas, stories, stages, front matter). */
  outside: Diagnostic[];
}

// Some findings are about a lane that is missing, not about the line they point at: the
// badge belongs where the gap is, so the room sees an empty persona row cell flagged.
const RULE_LANE: Readonly<Record<string, string>> = {
  'step-without-persona': 'persona',
  'step-without-customer-action': 'customer',
};

/** Assign each of the document's findings to a cell or to the outside list. */
export function placeFindings(uri: string, steps: readonly Step[], diagnostics: readonly Diagnostic[]): PlacedFindings {
  const byStep = new Map<number, Map<string, Diagnostic[]>>();
  const outside: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.uri !== uri) continue;
    const place = findPlace(steps, diagnostic);
    if (!place) {
      outside.push(diagnostic);
      continue;
    }
    let lanes = byStep.get(place.stepIndex);
    if (!lanes) byStep.set(place.stepIndex, (lanes = new Map()));
    const list = lanes.get(place.lane);
    if (list) list.push(diagnostic);
    else lanes.set(place.lane, [diagnostic]);
  }
  return { byStep, outside };
}

function findPlace(steps: readonly Step[], diagnostic: Diagnostic): FindingPlace | undefined {
  const line = diagnostic.range.start.line;
  // Steps do not nest and are in source order: the last step starting at or before the
  // line is the only one that can hold it (a binary search, so a journey of n steps with a
  // finding on each costs n log n, not n²).
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
  if (stepIndex < 0 || line > steps[stepIndex].range.end.line) return undefined;
  const forced = RULE_LANE[diagnostic.rule];
  if (forced) return { stepIndex, lane: forced };
  const field = steps[stepIndex].fields.find((f) => f.range.start.line <= line && line <= f.range.end.line);
  return { stepIndex, lane: field ? laneOfField(field) : 'header' };
}
