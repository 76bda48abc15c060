/**
 * What a reviewer should look at first: a step that lost its personas (and now silently
 * inherits its stage's, or has nobody), a vulnerable persona that takes fewer steps, an
 * emotion that dropped, and new error findings.
 */
import type { Matching } from './match';
import type { BlueprintVersion, Snapshot, StepFacts } from './snapshot';
import type { Attention, Change } from './types';

interface AttentionInput {
  before: Snapshot;
  after: Snapshot;
  matching: Matching;
  changes: readonly Change[];
  head: BlueprintVersion | undefined;
}

function stepAttention(base: StepFacts | undefined, head: StepFacts): Attention | undefined {
  const at = { step: head.key, name: head.step.name, line: head.line };
  if (head.personas.size === 0 && (base === undefined || base.personas.size > 0)) return { kind: 'step-without-persona', ...at };
  if (base && base.ownPersonas > 0 && head.ownPersonas === 0) return { kind: 'step-lost-persona', ...at, inherits: [...head.personas.keys()] };
  return undefined;
}

/** Steps per persona slug in one version. */
function stepsPerPersona(snapshot: Snapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const step of snapshot.steps) for (const slug of step.personas.keys()) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return counts;
}

function vulnerablePersonas(head: BlueprintVersion | undefined): Map<string, number> {
  const found = new Map<string, number>();
  if (!head) return found;
  for (const { item } of head.index.personasInScope(head.uri)) {
    if (item.vulnerable) found.set(item.id, item.headingRange.start.line + 1);
  }
  return found;
}

export function attentionOf({ before, after, matching, changes, head }: AttentionInput): Attention[] {
  const out: Attention[] = [];
  const baseOf = new Map([...matching.steps].map(([b, h]) => [h, b]));
  for (const step of after.steps) {
    const found = stepAttention(baseOf.get(step), step);
    if (found) out.push(found);
  }
  const [countsBefore, countsAfter] = [stepsPerPersona(before), stepsPerPersona(after)];
  for (const [persona, line] of vulnerablePersonas(head)) {
    const [from, to] = [countsBefore.get(persona) ?? 0, countsAfter.get(persona) ?? 0];
    if (to < from) out.push({ kind: 'vulnerable-persona-lost-steps', persona, from, to, line });
  }
  for (const change of changes) {
    if (change.kind === 'emotion-changed' && change.from !== null && change.to !== null && change.to < change.from) {
      out.push({ kind: 'emotion-dropped', step: change.step, name: change.name, persona: change.persona, from: change.from, to: change.to, line: change.line });
    }
    if (change.kind === 'finding-new' && change.severity === 'error') {
      out.push({ kind: 'new-error', rule: change.rule, message: change.message, line: change.line });
    }
  }
  return out;
}
