/**
 * Offset ↔ position conversion for one piece of text (a whole document or a chunk).
 */
import type { Position, Range } from '../model';

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length + 1;
    return Math.min(start + Math.max(0, position.character), next - 1, this.text.length);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The text of a line without its line break, or undefined past the end. */
  lineText(line: number): string | undefined {
    if (line < 0 || line >= this.lineStarts.length) return undefined;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    const raw = this.text.slice(this.lineStarts[line], end);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }
}

/**
 * The line index of a text, kept for the last text asked (one module-level entry): fixes
 * and features convert positions per finding, and a 1000-step blueprint must not be
 * rescanned for each one. Safe to share: a `LineIndex` is immutable and tied to its text.
 */
let lastIndex: LineIndex | undefined;
export function lineIndexOf(text: string): LineIndex {
  if (lastIndex?.text !== text) lastIndex = new LineIndex(text);
  return lastIndex;
}

/** HTML comments are notes for authors and tools (e.g. fixture expectations), never content. */
export const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

export function stripHtmlComments(text: string): string {
  return text.replace(HTML_COMMENT, '');
}

export function shiftPosition(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}

export function shiftRange(range: Range, lines: number): Range {
  return { start: shiftPosition(range.start, lines), end: shiftPosition(range.end, lines) };
}
