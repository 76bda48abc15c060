/**
 * A guard in front of the Markdown tokenizer (micromark, under remark). Some shapes cost
 * it time quadratic in their size: containers nested on one line (`- - - … a`,
 * `>>>…`, `> - > - …`), long runs of emphasis markers that never pair (`*a_*a_…`) and
 * brackets nested or chained in one paragraph (`[[[…]]]`). Blueprints are read from pull
 * requests, and every check reads the files around the one being checked, so one such
 * file would stall every check in its folder and the editor's extension host.
 *
 * This one linear pass over the text finds those shapes before anything is tokenized.
 * A text that has one is read as plain text and reported (`parse.tooComplex*`); every
 * other text is parsed exactly as before. The limits are far beyond what a blueprint
 * needs and keep the tokenizer's quadratic part below its linear part. See
 * `docs/security.md` for the causes in micromark and the figures.
 */

/** Containers (quotes, list items) open on one line. Real text nests a handful. */
export const MAX_LINE_NESTING = 16;

/**
 * Emphasis and bracket markers allowed in one block of lines (between blank lines): a
 * fixed allowance plus one that grows with the square root of the block's length, so
 * the markers' quadratic cost stays within a constant times the block's length.
 */
export const MARKER_ALLOWANCE = 200;
export const MARKER_ALLOWANCE_PER_SQRT_CHAR = 2;

/** What was found: nesting on one line, markers in one paragraph, or cells in one table. */
export interface Complexity {
  kind: 'nesting' | 'markers' | 'table';
  /** Offset of the line where the shape starts. */
  offset: number;
  count: number;
  limit: number;
}

const SPACE = 32;
const TAB = 9;
const GT = 62;
const LF = 10;
const CR = 13;

function isWhitespace(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isEndOfLine(code: number): boolean {
  return code === LF || code === CR || Number.isNaN(code);
}

/** Column of the first non-blank character of the line at `start` (tabs to the next multiple of 4). */
function indentOf(text: string, start: number): { column: number; at: number } {
  let column = 0;
  let at = start;
  for (;; at++) {
    const code = text.charCodeAt(at);
    if (code === SPACE) column++;
    else if (code === TAB) column += 4 - (column % 4);
    else return { column, at };
  }
}

/**
 * Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of the line at `start`,
 * and the content column of the last list item opened (for nesting across lines).
 */
export function lineMarkers(text: string, start: number): { count: number; contentColumn?: number } {
  let count = 0;
  let at = start;
  let contentColumn: number | undefined;
  for (;;) {
    while (isWhitespace(text.charCodeAt(at))) at++;
    const code = text.charCodeAt(at);
    if (code === GT) {
      count++;
      at++;
      continue;
    }
    let end = at;
    if (code === 45 /* - */ || code === 42 /* * */ || code === 43 /* + */) end = at + 1;
    else {
      while (end - at < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const delimiter = text.charCodeAt(end);
      end = end > at && (delimiter === 46 /* . */ || delimiter === 41 /* ) */) ? end + 1 : at;
    }
    const after = text.charCodeAt(end);
    if (end === at || !(isWhitespace(after) || isEndOfLine(after))) return { count, contentColumn };
    count++;
    contentColumn = end - start + 1;
    at = end;
  }
}

/**
 * Estimated container depth per line: the list items still open from earlier lines (by
 * their content column, as CommonMark continues them) plus the markers on the line.
 * An estimate that errs upwards: it only has to bound the tokenizer's work.
 */
class NestingTracker {
  private listColumns: number[] = [];

  depthOf(text: string, lineStart: number, blank: boolean): number {
    if (blank) return 0;
    const indent = indentOf(text, lineStart).column;
    while (this.listColumns.length > 0 && this.listColumns[this.listColumns.length - 1] > indent) this.listColumns.pop();
    const markers = lineMarkers(text, lineStart);
    const depth = this.listColumns.length + markers.count;
    if (markers.contentColumn !== undefined) this.listColumns.push(markers.contentColumn);
    return depth;
  }
}

/** Markers whose pairing micromark resolves by walking back over the paragraph: `*`, `_`, `~` runs, `[`, `]`. */
function markersIn(text: string, start: number, end: number): number {
  let count = 0;
  let previous = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 91 /* [ */ || code === 93 /* ] */) count++;
    else if ((code === 42 /* * */ || code === 95 /* _ */ || code === 126 /* ~ */) && code !== previous) count++;
    previous = code;
  }
  return count;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isWhitespace(text.charCodeAt(at)) && text.charCodeAt(at) !== CR) return false;
  return true;
}

/** The marker limit for a block of `length` characters. */
export function markerLimit(length: number): number {
  return MARKER_ALLOWANCE + Math.floor(MARKER_ALLOWANCE_PER_SQRT_CHAR * Math.sqrt(length));
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/** Cells of a table line as GFM splits them: at unescaped pipes, without the outer ones. */
function cellsOf(line: string): string[] {
  const body = line.replace(/^[\s>]*/, '').trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/);
}

/**
 * True when `line` is a GFM table delimiter row that matches `header` cell for cell. The
 * rows of a table are tokenized cell by cell, each on its own, so in a table the markers
 * are counted per row, not per block.
 */
function startsTable(header: string, line: string): boolean {
  if (!line.includes('-') || !line.includes('|') && !header.includes('|')) return false;
  const cells = cellsOf(line);
  return cells.every((cell) => DELIMITER_CELL.test(cell)) && cellsOf(header).length === cells.length;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** Marker counting per block of lines between blank lines (per row inside a table, per heading line). */
class MarkerCounter {
  private start = -1;
  private count = 0;
  private previous?: { start: number; count: number; text: string };
  /** Where the current table starts and how many cells it has, once a delimiter row was seen. */
  private table?: { start: number; cells: number };

  /** Close the block at `end` (a blank line or the end): what it holds beyond the limit. */
  close(end: number): Complexity | undefined {
    const found = this.start >= 0 ? this.check(this.start, this.count, end) : undefined;
    this.start = -1;
    this.count = 0;
    this.previous = undefined;
    this.table = undefined;
    return found;
  }

  add(text: string, lineStart: number, lineEnd: number): Complexity | undefined {
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 10000));
    const lineCount = markersIn(text, lineStart, lineEnd);
    // A heading, and each row of a table, is tokenized on its own.
    if (ATX_HEADING.test(line)) return this.close(lineStart) ?? this.check(lineStart, lineCount, lineEnd);
    if (this.table) return this.addRow(text, lineStart, lineEnd) ?? this.check(lineStart, lineCount, lineEnd);
    if (this.previous && startsTable(this.previous.text, line)) {
      // The line before is the header row; the lines before it were a paragraph.
      const paragraph = this.check(this.start, this.count - this.previous.count, this.previous.start);
      const header = this.check(this.previous.start, this.previous.count, lineStart);
      this.table = { start: this.previous.start, cells: 0 };
      return paragraph ?? header ?? this.addRow(text, this.previous.start, lineEnd);
    }
    if (this.start < 0) this.start = lineStart;
    this.count += lineCount;
    this.previous = { start: lineStart, count: lineCount, text: line };
    return undefined;
  }

  /**
   * The GFM table extension records an edit per cell in a list it searches linearly, so
   * its cost grows with the square of the table's cells (micromark-extension-gfm-table's
   * `EditMap.add`): the cells of one table are limited like markers.
   */
  private addRow(text: string, lineStart: number, lineEnd: number): Complexity | undefined {
    const table = this.table!;
    for (let at = lineStart; at < lineEnd; at++) if (text.charCodeAt(at) === 124 /* | */) table.cells++;
    const limit = markerLimit(lineEnd - table.start);
    return table.cells > limit ? { kind: 'table', offset: table.start, count: table.cells, limit } : undefined;
  }

  private check(start: number, count: number, end: number): Complexity | undefined {
    const limit = markerLimit(end - start);
    return count > limit ? { kind: 'markers', offset: start, count, limit } : undefined;
  }
}

/**
 * The first shape in `text` that would make the tokenizer super-linear, or undefined.
 * Linear in the text's length. Lines end at LF, CR or CRLF.
 */
export function findComplexity(text: string): Complexity | undefined {
  const nesting = new NestingTracker();
  const markers = new MarkerCounter();
  let lineStart = 0;
  // Without CRs a line ends at the next LF, found by indexOf rather than a loop over every character.
  const lfOnly = !text.includes('\r');
  for (;;) {
    let lineEnd = lineStart;
    if (lfOnly) {
      lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
    } else while (lineEnd < text.length && !isEndOfLine(text.charCodeAt(lineEnd))) lineEnd++;
    const blank = isBlank(text, lineStart, lineEnd);
    const depth = nesting.depthOf(text, lineStart, blank);
    if (depth > MAX_LINE_NESTING) return { kind: 'nesting', offset: lineStart, count: depth, limit: MAX_LINE_NESTING };
    const found = blank ? markers.close(lineStart) : markers.add(text, lineStart, lineEnd);
    if (found) return found;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  return markers.close(text.length);
}
