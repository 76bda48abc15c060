/**
 * Splitting a document into chunks that remark can parse on their own with the same
 * result as a whole-document parse. A chunk starts at an ATX heading in column 0:
 * such a line closes every open list item, block quote and paragraph, so only a
 * top-level fenced code or HTML block can run across it. Those cases are caught after
 * parsing (see `endsOpen`) and the chunks merged. Link reference and footnote
 * definitions reach across the whole document, so a document that has them is
 * parsed whole.
 */

export interface ChunkSpan {
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** Offset just past the chunk's last character. */
  end: number;
  /** Zero-based line of the chunk's first character. */
  startLine: number;
}

const ATX_HEADING_AT_COLUMN_0 = /^#{1,6}(?:[ \t]|\r?$)/;
const DEFINITION_LINE = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:/m;
const FRONT_MATTER_FENCE = /^---[ \t]*\r?$/;

/** True when the document has definitions that make chunked parsing unsafe. */
export function hasDocumentWideDefinitions(text: string): boolean {
  // Every definition has `]:`; most documents have none, and indexOf is far cheaper than the pattern.
  return text.includes(']:') && DEFINITION_LINE.test(text);
}

/** Candidate chunk spans: every column-0 ATX heading (outside front matter) starts one. */
export function splitChunks(text: string): ChunkSpan[] {
  if (hasDocumentWideDefinitions(text)) return [{ start: 0, end: text.length, startLine: 0 }];
  const spans: ChunkSpan[] = [];
  let chunkStart = 0;
  let chunkStartLine = 0;
  let line = 0;
  let offset = 0;
  let inFrontMatter = false;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    // Only lines starting with `#` or `-` can matter; skip the rest without slicing.
    const first = text.charCodeAt(offset);
    const lineText = first === 35 /* # */ || first === 45 /* - */ ? text.slice(offset, lineEnd) : '';
    if (line === 0 && FRONT_MATTER_FENCE.test(lineText) && hasFrontMatterEnd(text, lineEnd)) {
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (FRONT_MATTER_FENCE.test(lineText)) inFrontMatter = false;
    } else if (offset > chunkStart && first === 35 && ATX_HEADING_AT_COLUMN_0.test(lineText)) {
      spans.push({ start: chunkStart, end: offset, startLine: chunkStartLine });
      chunkStart = offset;
      chunkStartLine = line;
    }
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  spans.push({ start: chunkStart, end: text.length, startLine: chunkStartLine });
  return spans;
}

function hasFrontMatterEnd(text: string, from: number): boolean {
  return /\n---[ \t]*(?:\r?\n|$)/.test(text.slice(from));
}
