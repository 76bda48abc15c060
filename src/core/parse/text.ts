/**
 * Offset ↔ position conversion for one piece of text (a whole document or a chunk).
 * A line ends at LF, CRLF or a lone CR (classic Mac), as in VS Code and the LSP.
 */
import type { Position, Range } from '../model';

/**
 * Positions and ranges the parser makes, as class instances rather than object literals
 * (the same plain data: two numbers, two positions). V8 tracks every object literal's
 * allocation site and, once most objects of a site outlive a minor collection (an open
 * document's model does), allocates all later objects of that site straight in the old
 * space; the models the background index parses and drops (issue 13) then became
 * old-space garbage that only a full collection frees, and the editor's memory grew by
 * hundreds of megabytes. Objects made by a constructor have no such site.
 */
export class ParsedPosition implements Position {
  constructor(
    public line: number,
    public character: number,
  ) {}
}

export class ParsedRange implements Range {
  constructor(
    public start: Position,
    public end: Position,
  ) {}
}

const NO_ELEMENTS: readonly never[] = [];

/** A new empty array made by a builtin, not an array literal (see `ParsedPosition`: a literal's site can be pretenured too). */
export function newList<T>(): T[] {
  return NO_ELEMENTS.slice();
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The line `positionAt` found last (a hint only: the answers do not depend on it). */
  private lastLine = 0;

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) starts.push(i + 1);
        else if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a CRLF is the end of the line, not a place in it.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const starts = this.lineStarts;
    // The parser asks in text order, and a range's end is mostly on its start's line: the
    // line found last is tried before searching.
    let low = this.lastLine;
    if (!(starts[low] <= clamped && (low + 1 === starts.length || starts[low + 1] > clamped))) {
      low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= clamped) low = mid;
        else high = mid - 1;
      }
      this.lastLine = low;
    }
    return new ParsedPosition(low, clamped - starts[low]);
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's text (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  range(startOffset: number, endOffset: number): Range {
    return new ParsedRange(this.positionAt(startOffset), this.positionAt(endOffset));
  }

  /** The text of a line without its line break, or undefined past the end. */
  lineText(line: number): string | undefined {
    if (line < 0 || line >= this.lineStarts.length) return undefined;
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
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

/**
 * The position moved by `lines`; the same object when `lines` is 0 (a first parse builds
 * every item at shift 0, and positions are never changed in place, so sharing is safe and
 * saves an object per position).
 */
export function shiftPosition(position: Position, lines: number): Position {
  return lines === 0 ? position : new ParsedPosition(position.line + lines, position.character);
}

/** The range moved by `lines`; the same object when `lines` is 0 (see `shiftPosition`). */
export function shiftRange(range: Range, lines: number): Range {
  return lines === 0 ? range : new ParsedRange(shiftPosition(range.start, lines), shiftPosition(range.end, lines));
}

/**
 * The text with each lone CR (classic Mac line ending) made an LF. Same length, same
 * lines and characters, so every offset and position stays valid for the original; the
 * Markdown and YAML readers then see only LF and CRLF, which they handle.
 */
export function withoutLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The text a document's model is read from: a leading byte-order mark dropped, as the
 * editor and the command line drop it when they read a file (so the front matter after
 * it counts), and lone CRs made LF. micromark skips a leading BOM itself but counts every
 * offset after it one short, which misplaced a whole document's fields when it was read
 * in one piece (the fuzz test's incremental-equals-fresh property found it).
 */
export function modelText(source: string): string {
  return withoutLoneCr(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
}
