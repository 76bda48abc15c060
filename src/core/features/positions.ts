/**
 * Small helpers over model positions and ranges (0-based line, UTF-16 character).
 */
import type { Position, Range } from '../model';
import { LineIndex, lineIndexOf } from '../parse/text';

/** Negative when `a` comes before `b`, zero when equal. */
export function comparePositions(a: Position, b: Position): number {
  return a.line === b.line ? a.character - b.character : a.line - b.line;
}

/** True when `position` lies inside `range`, both ends included (a cursor right after a word still touches it). */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/**
 * True when two ranges share at least one character, or are the same insertion point:
 * edits like that cannot both be applied in one pass.
 */
export function rangesOverlap(a: Range, b: Range): boolean {
  if (comparePositions(a.start, b.start) === 0) return true;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/** Shorthand for building ranges in code and tests. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The text of one line (without its line break), or '' past the end. */
export function lineAt(text: string, line: number): string {
  return lineIndexOf(text).lineText(line) ?? '';
}

/** The text with non-overlapping edits applied (any order); positions are those of the original text. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + result.slice(lines.offsetAt(edit.range.end));
  return result;
}
