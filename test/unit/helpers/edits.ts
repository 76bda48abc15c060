/**
 * Applying the core's text edits in tests, written once: quick fixes, rename and
 * "fix all" are checked by applying their edits and reading the result again.
 */
import type { TextEdit } from '../../../src/core/model';
import { applyTextEdits } from '../../../src/core/features/positions';

/** Applies edits for one file (any order, non-overlapping) to its text: the core's own edit application. */
export const applyEdits: (text: string, edits: readonly TextEdit[]) => string = applyTextEdits;

/**
 * Applies edits that may touch several files (path -> text); `uriOf` gives each path's URI.
 * An edit for a file not among them is a test error.
 */
export function applyEditsToFiles(files: Record<string, string>, edits: readonly TextEdit[], uriOf: (path: string) => string): Record<string, string> {
  const pathOf = new Map(Object.keys(files).map((path) => [uriOf(path), path]));
  const perFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const path = pathOf.get(edit.uri);
    if (!path) throw new Error(`edit for unknown file ${edit.uri}`);
    perFile.set(path, [...(perFile.get(path) ?? []), edit]);
  }
  const result = { ...files };
  for (const [path, fileEdits] of perFile) result[path] = applyEdits(result[path], fileEdits);
  return result;
}
