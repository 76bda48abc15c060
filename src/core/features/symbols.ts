/**
 * Outline (document symbols) and workspace symbols: personas, stories, stages with
 * their steps, grouped under the section they sit in.
 */
import { allItems, type BlueprintDocument, type Item, type Range, type SectionKind } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';

/** Kind of an outline entry; adapters map it to their symbol icons. */
export type SymbolKind = SectionKind | Item['kind'];

/** One outline entry. */
export interface DocumentSymbol {
  name: string;
  kind: SymbolKind;
  /** Short extra text: the customer lane of a step, the persona's description. */
  detail: string;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** The outline of a blueprint: each section with its items; stages hold their steps. */
export function documentSymbols(doc: BlueprintDocument): DocumentSymbol[] {
  const steppedUnderStage = new Set(doc.stages.flatMap((stage) => stage.steps));
  const itemsBySection: Record<SectionKind, Item[]> = {
    personas: doc.personas,
    stories: doc.stories,
    journey: [...doc.stages, ...doc.steps.filter((step) => !steppedUnderStage.has(step))]
      .sort((a, b) => a.headingRange.start.line - b.headingRange.start.line),
  };
  return doc.sections.map((section) => ({
    name: sectionTitle(doc, section.headingRange),
    kind: section.kind,
    detail: '',
    range: section.range,
    selectionRange: section.headingRange,
    children: itemsBySection[section.kind]
      .filter((item) => item.range.start.line >= section.range.start.line && item.range.start.line <= section.range.end.line)
      .map(itemSymbol),
  }));
}

function itemSymbol(item: Item): DocumentSymbol {
  return {
    name: item.name,
    kind: item.kind,
    detail: itemDetail(item),
    range: item.range,
    selectionRange: item.nameRange,
    children: item.kind === 'stage' ? item.steps.map(itemSymbol) : [],
  };
}

function itemDetail(item: Item): string {
  const field = item.fields.find((candidate) => candidate.key === (item.kind === 'step' ? 'customer' : 'persona'));
  return field?.value ?? '';
}

function sectionTitle(doc: BlueprintDocument, headingRange: Range): string {
  const line = doc.text.split('\n', headingRange.start.line + 1)[headingRange.start.line] ?? '';
  return line.replace(/^\s*#+\s*/, '').replace(/\s*#*\s*$/, '').trim();
}

/** A symbol found by workspace symbol search. */
export interface WorkspaceSymbol {
  name: string;
  kind: Item['kind'];
  /** The blueprint's title, or its file name. */
  containerName: string;
  uri: string;
  range: Range;
}

/** Items of every loaded blueprint whose name or id contains the query's characters in order. */
export function workspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: WorkspaceSymbol[] = [];
  for (const doc of index.documents()) {
    const containerName = doc.title ?? doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
    for (const item of allItems(doc)) {
      if (matchesInOrder(item.name.toLowerCase(), wanted) || matchesInOrder(item.id, wanted)) {
        symbols.push({ name: item.name, kind: item.kind, containerName, uri: doc.uri, range: item.nameRange });
      }
    }
  }
  return symbols;
}

/** True when every character of `query` occurs in `text` in the same order (fuzzy match). */
function matchesInOrder(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
