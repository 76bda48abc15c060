/**
 * Find all references and document highlights: every `@ref`, `#ref` and link that
 * resolves to the item under the cursor, across all loaded files.
 */
import type { Position, Range } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import { locationsOf, symbolAt, type Location } from './lookup';

/** All places that name the item under the cursor. */
export function references(index: WorkspaceIndex, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(index, uri, position);
  return symbol ? locationsOf(index, symbol.target, includeDeclaration) : [];
}

/** A highlight in the current file: the heading is where the item is written, references read it. */
export interface DocumentHighlight {
  range: Range;
  kind: 'write' | 'read';
}

/** The heading and references of the item under the cursor that lie in this file. */
export function documentHighlights(index: WorkspaceIndex, uri: string, position: Position): DocumentHighlight[] {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return [];
  const { target } = symbol;
  const highlights: DocumentHighlight[] = target.uri === uri ? [{ range: target.item.nameRange, kind: 'write' }] : [];
  for (const found of index.referencesTo(target.uri, target.item.id, target.item.kind)) {
    if (found.uri === uri) highlights.push({ range: found.ref.range, kind: 'read' });
  }
  return highlights;
}
