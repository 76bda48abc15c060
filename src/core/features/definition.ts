/**
 * Go to definition: from a reference (`@maria`, `#story`, a link) or a front-matter
 * `personas:` path to the heading or file it names.
 */
import type { Position } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import { referenceAt, type Location } from './lookup';
import { range, rangeContains } from './positions';

/** Where the thing under the cursor is defined; empty when nothing resolves. */
export function definition(index: WorkspaceIndex, uri: string, position: Position): Location[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const reference = referenceAt(doc, position);
  if (reference) {
    const target = index.resolve(uri, reference);
    return target ? [{ uri: target.uri, range: target.item.headingRange }] : [];
  }
  const file = doc.frontMatter?.personaFiles.find((entry) => rangeContains(entry.range, position));
  if (file) {
    const target = index.resolvePath(uri, file.path);
    return index.exists(target) ? [{ uri: target, range: range(0, 0, 0, 0) }] : [];
  }
  return [];
}
