/**
 * Small helpers over model positions and ranges (0-based line, UTF-16 character).
 */
import type { Position, Range } from '../model';

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
  let start = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const raw = end < 0 ? text.slice(start) : text.slice(start, end);
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}

/** The text with non-overlapping edits applied (any order); positions are those of the original text. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (position: Position): number => Math.min(text.length, (lineStarts[position.line] ?? text.length) + position.character);
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
