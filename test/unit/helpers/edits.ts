/**
 * Applying the core's text edits in tests, written once: quick fixes, rename and
 * "fix all" are checked by applying their edits and reading the result again.
 */
import type { Position, TextEdit } from '../../../src/core/model';

/** Applies edits for one file (any order, non-overlapping) to its text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Position): number => (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

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
