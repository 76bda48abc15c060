/**
 * Findings of two versions matched by rule and item, not by line: moving a step with its
 * text moves its findings along, so they are neither new nor fixed. Within one rule and
 * item, equal messages pair first, then the rest in order (a renamed step's finding
 * names the new title but is the same finding).
 */
import type { BlueprintDocument, Diagnostic, Item } from '../model';
import type { FindingChange } from './types';
import type { Matching } from './match';
import type { Snapshot } from './snapshot';

interface Keyed {
  diagnostic: Diagnostic;
  item: string;
}

/**
 * Finds the item whose lines hold a line, among items that do not overlap: the last one
 * starting at or before the line (a binary search over the items in line order), if it
 * reaches that line. One lookup per finding, so many findings on many steps stay linear.
 */
function itemFinder(items: readonly Item[]): (line: number) => Item | undefined {
  const sorted = [...items].sort((a, b) => a.range.start.line - b.range.start.line);
  return (line) => {
    let [low, high] = [0, sorted.length - 1];
    let found: Item | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = sorted[middle] as Item;
      if (item.range.start.line <= line) {
        found = item;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found && line <= found.range.end.line ? found : undefined;
  };
}

/** The innermost item whose lines hold a finding's start: step, stage, then personas and stories. */
function itemKeys(doc: BlueprintDocument, keyOf: (item: Item) => string): (diagnostic: Diagnostic) => string {
  const finders = [doc.steps, doc.stages, doc.personas, doc.stories].map(itemFinder);
  return (diagnostic) => {
    const line = diagnostic.range.start.line;
    for (const find of finders) {
      const found = find(line);
      if (found) return keyOf(found);
    }
    return 'document';
  };
}

function keyed(snapshot: Snapshot, diagnostics: readonly Diagnostic[], rename: (kind: string, key: string) => string): Keyed[] {
  const doc = snapshot.doc;
  if (!doc) return [];
  const stepKey = new Map(snapshot.steps.map((facts) => [facts.step as Item, facts.key]));
  const stageKey = new Map(snapshot.stages.map((facts) => [facts.stage as Item, facts.key]));
  const keyOf = (item: Item): string => {
    const key = stepKey.get(item) ?? stageKey.get(item) ?? item.id;
    return `${item.kind}:${rename(item.kind, key)}`;
  };
  const itemOf = itemKeys(doc, keyOf);
  return diagnostics.filter((d) => d.uri === doc.uri).map((diagnostic) => ({ diagnostic, item: itemOf(diagnostic) }));
}

function toChange(kind: FindingChange['kind'], { diagnostic, item }: Keyed): FindingChange {
  return {
    kind, rule: diagnostic.rule, severity: diagnostic.severity, message: diagnostic.message, item,
    line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1,
  };
}

function groupBy(findings: readonly Keyed[]): Map<string, Keyed[]> {
  const groups = new Map<string, Keyed[]>();
  for (const finding of findings) {
    const key = `${finding.diagnostic.rule}\u0000${finding.item}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return groups;
}

/**
 * Pairs two groups: a head finding takes the first base finding left with the same
 * message (a queue per message, so a group of thousands of findings stays linear); what
 * is left over on each side then pairs in order.
 */
function unpaired(base: Keyed[], head: Keyed[]): { fixed: Keyed[]; fresh: Keyed[] } {
  const queues = new Map<string, { indices: number[]; next: number }>();
  base.forEach((finding, i) => {
    const queue = queues.get(finding.diagnostic.message);
    if (queue) queue.indices.push(i);
    else queues.set(finding.diagnostic.message, { indices: [i], next: 0 });
  });
  const taken = new Set<number>();
  const fresh: Keyed[] = [];
  for (const finding of head) {
    const queue = queues.get(finding.diagnostic.message);
    if (queue && queue.next < queue.indices.length) taken.add(queue.indices[queue.next++] as number);
    else fresh.push(finding);
  }
  const leftBase = base.filter((_, i) => !taken.has(i));
  const pairs = Math.min(leftBase.length, fresh.length);
  return { fixed: leftBase.slice(pairs), fresh: fresh.slice(pairs) };
}

export interface FindingDiff {
  fresh: FindingChange[];
  fixed: FindingChange[];
  /** Head findings that were there before. */
  existing: number;
}

/** New and fixed findings between two versions. */
export function diffFindings(
  base: Snapshot, baseDiagnostics: readonly Diagnostic[],
  head: Snapshot, headDiagnostics: readonly Diagnostic[],
  matching: Matching,
): FindingDiff {
  const rename = (kind: string, key: string): string =>
    (kind === 'step' ? matching.renamedSteps.get(key) : kind === 'stage' ? matching.stages.get(key) : undefined) ?? key;
  const baseGroups = groupBy(keyed(base, baseDiagnostics, rename));
  const headKeyed = keyed(head, headDiagnostics, (_kind, key) => key);
  const headGroups = groupBy(headKeyed);
  const fresh: FindingChange[] = [];
  const fixed: FindingChange[] = [];
  for (const [key, group] of headGroups) {
    const result = unpaired(baseGroups.get(key) ?? [], group);
    // Loops, not push(...): a group can hold more findings than a call takes arguments.
    for (const f of result.fresh) fresh.push(toChange('finding-new', f));
    for (const f of result.fixed) fixed.push(toChange('finding-fixed', f));
    baseGroups.delete(key);
  }
  for (const group of baseGroups.values()) for (const f of group) fixed.push(toChange('finding-fixed', f));
  return { fresh, fixed, existing: headKeyed.length - fresh.length };
}
