/**
 * Finding what sits under the cursor: a reference, or an item's heading. Every navigation
 * feature (hover, definition, references, rename, highlights) starts here.
 */
import { allItems, type BlueprintDocument, type Item, type Position, type Range, type Reference } from '../model';
import type { Located, WorkspaceIndex } from '../workspace/index-types';
import { rangeContains } from './positions';

/** A place in a file. */
export interface Location {
  uri: string;
  range: Range;
}

/** The reference under the cursor, if any. */
export function referenceAt(doc: BlueprintDocument, position: Position): Reference | undefined {
  return doc.references.find((ref) => rangeContains(ref.range, position));
}

/** The item whose heading holds the cursor, if any. */
export function declarationAt(doc: BlueprintDocument, position: Position): Item | undefined {
  return allItems(doc).find((item) => rangeContains(item.headingRange, position));
}

/** The innermost item whose content holds the cursor (a step before its stage). */
export function itemContaining(doc: BlueprintDocument, position: Position): Item | undefined {
  const candidates: Item[] = [...doc.steps, ...doc.personas, ...doc.stories, ...doc.stages];
  return candidates.find((item) => rangeContains(item.range, position));
}

/** What the cursor designates: the item, where it is defined, and the text that named it. */
export interface SymbolAtCursor {
  /** The definition (possibly in another file). */
  target: Located;
  /** The range under the cursor that names the target: a reference's slug or the heading name. */
  originRange: Range;
  /** Set when the cursor is on a reference rather than on the heading. */
  reference?: Reference;
}

/** Resolve the cursor position to an item, from a reference or from a heading. */
export function symbolAt(index: WorkspaceIndex, uri: string, position: Position): SymbolAtCursor | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const reference = referenceAt(doc, position);
  if (reference) {
    const target = index.resolve(uri, reference);
    return target ? { target, originRange: reference.slugRange, reference } : undefined;
  }
  const item = declarationAt(doc, position);
  return item ? { target: { uri, item }, originRange: item.nameRange } : undefined;
}

/** Every reference to an item across loaded files, with the item's own heading first when asked. */
export function locationsOf(index: WorkspaceIndex, target: Located, includeDeclaration: boolean): Location[] {
  const locations: Location[] = includeDeclaration ? [{ uri: target.uri, range: target.item.nameRange }] : [];
  for (const { uri, ref } of index.referencesTo(target.uri, target.item.id, target.item.kind)) {
    locations.push({ uri, range: ref.range });
  }
  return locations;
}
