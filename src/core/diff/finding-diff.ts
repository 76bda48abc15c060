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

/** The innermost item whose lines hold the finding's start: step, stage, then personas and stories. */
function itemKeyOf(doc: BlueprintDocument, diagnostic: Diagnostic, keyOf: (item: Item) => string): string {
  const line = diagnostic.range.start.line;
  const inside = (item: Item): boolean => item.range.start.line <= line && line <= item.range.end.line;
  const found = doc.steps.find(inside) ?? doc.stages.find(inside) ?? doc.personas.find(inside) ?? doc.stories.find(inside);
  return found ? keyOf(found) : 'document';
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
  return diagnostics.filter((d) => d.uri === doc.uri).map((diagnostic) => ({ diagnostic, item: itemKeyOf(doc, diagnostic, keyOf) }));
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

/** Pairs two groups; what is left over on each side. */
function unpaired(base: Keyed[], head: Keyed[]): { fixed: Keyed[]; fresh: Keyed[] } {
  const leftBase = [...base];
  const fresh: Keyed[] = [];
  for (const finding of head) {
    const same = leftBase.findIndex((other) => other.diagnostic.message === finding.diagnostic.message);
    if (same >= 0) leftBase.splice(same, 1);
    else fresh.push(finding);
  }
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
    fresh.push(...result.fresh.map((f) => toChange('finding-new', f)));
    fixed.push(...result.fixed.map((f) => toChange('finding-fixed', f)));
    baseGroups.delete(key);
  }
  for (const group of baseGroups.values()) fixed.push(...group.map((f) => toChange('finding-fixed', f)));
  return { fresh, fixed, existing: headKeyed.length - fresh.length };
}
