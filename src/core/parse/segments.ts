/**
 * From a chunk's outline to segments: a heading and the blocks under it up to the next
 * heading. Everything here is relative to the chunk (lines from its first line), so a
 * chunk's segments can be cached by its text and reused wherever the chunk moves.
 */
import type { Position, Range } from '../model';
import { LineIndex, newList, ParsedPosition, stripHtmlComments } from './text';
import { parseOutline } from './markdown-parser';
import type { OutlineHeading, OutlineItem, OutlineList, OutlineNode, OutlineYaml } from './outline';
import { FoundField, parseFieldItem, type RawField } from './fields';
import { findComplexity, type Complexity } from './complexity';

export interface SegmentHeading {
  depth: number;
  /** Rendered heading text (HTML comments and trailing `#`s removed). */
  text: string;
  range: Range;
  /** Range of the heading's content (after `#`s, before closing `#`s or comments). */
  contentRange: Range;
  /** Source of the heading's content. */
  contentSource: string;
}

export interface Segment {
  heading?: SegmentHeading;
  /** Fields of the first bullet list that holds `key: value` items. */
  fields: RawField[];
  hasFieldList: boolean;
  /** Where a new field goes: after the last field, else under the heading. */
  fieldInsertPosition: Position;
  /** Markdown of the blocks that are not fields. */
  description: string;
  /** Text of the first block quote. */
  quote?: string;
  /** Last line with content (relative). */
  lastLine: number;
}

export interface ParsedChunk {
  segments: Segment[];
  /** Front matter (only in the first chunk). */
  frontMatter?: { value: string; range: Range; contentStartOffset: number };
  /** True when the chunk ends inside a block that could continue into the next chunk. */
  endsOpen: boolean;
  /**
   * Set when the chunk is too complex for the Markdown tokenizer (see `complexity.ts`), or
   * nests so deeply that it overflows the stack: it was read as its heading and plain text.
   * `offset` (in the chunk) and the counts say what was found; absent for a stack overflow.
   */
  tooComplex?: Complexity | { kind: 'stack' };
  lineCount: number;
}

/** A parsed chunk, made by a constructor (see `ParsedPosition` in text.ts for why); `tooComplex` is added when set. */
class FoundChunk implements ParsedChunk {
  declare tooComplex?: ParsedChunk['tooComplex'];
  constructor(
    public segments: Segment[],
    public frontMatter: ParsedChunk['frontMatter'],
    public endsOpen: boolean,
    public lineCount: number,
  ) {}
}

/** A heading as found, made by a constructor (see `ParsedPosition` in text.ts for why). */
class FoundHeading implements SegmentHeading {
  constructor(
    public depth: number,
    public text: string,
    public range: Range,
    public contentRange: Range,
    public contentSource: string,
  ) {}
}

/** A segment as found, made by a constructor (see `ParsedPosition` in text.ts for why); `heading` and `quote` are own properties, undefined or not. */
class FoundSegment implements Segment {
  constructor(
    public heading: SegmentHeading | undefined,
    public fields: RawField[],
    public hasFieldList: boolean,
    public fieldInsertPosition: Position,
    public description: string,
    public quote: string | undefined,
    public lastLine: number,
  ) {}
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The chunk's outline, or its heading and text when the Markdown tools cannot read it in linear time. */
function outlineOf(text: string): { outline: OutlineNode[]; tooComplex?: ParsedChunk['tooComplex'] } {
  const complexity = findComplexity(text);
  if (complexity) return { outline: headingAndText(text), tooComplex: complexity };
  try {
    return { outline: parseOutline(text) };
  } catch (error) {
    // A last line of defence: should a shape the guard does not know exhaust the stack of
    // the Markdown tools, the rest of the document still counts.
    if (!(error instanceof RangeError)) throw error;
    return { outline: headingAndText(text), tooComplex: { kind: 'stack' } };
  }
}

export function parseChunk(text: string): ParsedChunk {
  const { outline, tooComplex } = outlineOf(text);
  const lines = new LineIndex(text);
  const segments: Segment[] = newList();
  let frontMatter: ParsedChunk['frontMatter'];
  let current: { heading?: SegmentHeading; nodes: OutlineNode[] } = { nodes: [] };
  const flush = (): void => {
    if (current.heading || current.nodes.length > 0) segments.push(buildSegment(current.heading, current.nodes, text, lines));
  };
  for (const node of outline) {
    if (node.kind === 'yaml') {
      frontMatter = frontMatterOf(node, text, lines);
    } else if (node.kind === 'heading') {
      flush();
      current = { heading: headingOf(node, text, lines), nodes: [] };
    } else {
      current.nodes.push(node);
    }
  }
  flush();
  const parsed: ParsedChunk = new FoundChunk(segments, frontMatter, endsOpen(outline, text), lines.lineCount);
  if (tooComplex) parsed.tooComplex = tooComplex;
  return parsed;
}

/** The one range a slim field's ranges all are (nothing reads them). */
const NOWHERE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) }) as Range;
const NO_ENTRIES: RawField['entries'] = Object.freeze([]) as unknown as RawField['entries'];

/**
 * A chunk as a compact document needs it (`parseForCompactInSteps`): its segments' headings,
 * field keys and references, where fields go and where they end, a persona's `vulnerable`
 * value; no descriptions, quotes, field values (but that one) or field ranges.
 */
export function slimChunk(parsed: ParsedChunk): ParsedChunk {
  const segments = parsed.segments.map((segment): Segment => {
    const fields = segment.fields.map((field) => new FoundField(field.rawKey, field.key, field.key === 'vulnerable' ? field.value : '', '', NOWHERE, NOWHERE, NOWHERE, NO_ENTRIES, field.references));
    return new FoundSegment(segment.heading, fields, segment.hasFieldList, segment.fieldInsertPosition, '', undefined, segment.lastLine);
  });
  const slim: ParsedChunk = new FoundChunk(segments, parsed.frontMatter, parsed.endsOpen, parsed.lineCount);
  if (parsed.tooComplex) slim.tooComplex = parsed.tooComplex;
  return slim;
}

const ATX_HEADING_LINE = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\r?$/;

/** The outline of a chunk that cannot be parsed: its first line as a heading when it is one, the rest as text. */
function headingAndText(text: string): OutlineNode[] {
  const newline = text.indexOf('\n');
  const firstLineEnd = newline === -1 ? text.length : newline;
  const heading = ATX_HEADING_LINE.exec(text.slice(0, firstLineEnd));
  const nodes: OutlineNode[] = [];
  let restStart = 0;
  if (heading) {
    const content = heading[2] ?? '';
    const contentStart = content ? text.indexOf(content, heading[1].length) : heading[1].length;
    nodes.push({
      kind: 'heading',
      depth: heading[1].length,
      text: content,
      start: 0,
      end: firstLineEnd - (text.charCodeAt(firstLineEnd - 1) === 13 ? 1 : 0),
      ...(content ? { content: { start: contentStart, end: contentStart + content.length } } : {}),
    });
    restStart = Math.min(text.length, firstLineEnd + 1);
  }
  const rest = text.slice(restStart);
  const leading = rest.length - rest.trimStart().length;
  if (rest.trim()) nodes.push({ kind: 'other', start: restStart + leading, end: restStart + rest.trimEnd().length });
  return nodes;
}

function frontMatterOf(node: OutlineYaml, text: string, lines: LineIndex): ParsedChunk['frontMatter'] {
  const firstNewline = text.indexOf('\n', node.start);
  return { value: node.value, range: lines.range(node.start, node.end), contentStartOffset: firstNewline + 1 };
}

function headingOf(node: OutlineHeading, text: string, lines: LineIndex): SegmentHeading {
  const { start, end } = node;
  let contentStart: number;
  let contentEnd: number;
  if (node.content) {
    contentStart = node.content.start;
    contentEnd = node.content.end;
  } else {
    // An empty heading: point just after the `#`s.
    const hashes = /^ {0,3}#*[ \t]*/.exec(text.slice(start, end));
    contentStart = contentEnd = start + (hashes ? hashes[0].length : 0);
  }
  return new FoundHeading(node.depth, stripHtmlComments(node.text).trim(), lines.range(start, end), lines.range(contentStart, contentEnd), text.slice(contentStart, contentEnd));
}

function buildSegment(heading: SegmentHeading | undefined, nodes: OutlineNode[], text: string, lines: LineIndex): Segment {
  const fieldList = nodes.find((node): node is OutlineList => node.kind === 'list' && !node.ordered && node.items.some((item) => isFieldItem(item, text)));
  const fields: RawField[] = newList();
  if (fieldList) {
    for (const item of fieldList.items) {
      const field = parseFieldItem(item, text, lines);
      if (field) fields.push(field);
    }
  }
  const headingLine = heading ? heading.range.end.line : 0;
  const lastFieldEnd = fieldList ? lines.positionAt(fieldList.end) : undefined;
  const fieldInsertPosition: Position = new ParsedPosition(lastFieldEnd ? lastFieldEnd.line + 1 : headingLine + 1, 0);
  const descriptionParts: string[] = [];
  let quote: string | undefined;
  for (const node of nodes) {
    if (node === fieldList) continue;
    if (node.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) continue;
    const source = text.slice(node.start, node.end);
    if (source.trim()) descriptionParts.push(source);
    if (!quote && node.kind === 'blockquote') quote = node.text?.trim();
  }
  const last = nodes.length > 0 ? nodes[nodes.length - 1].end : undefined;
  const lastLine = last !== undefined ? lines.positionAt(last).line : headingLine;
  return new FoundSegment(heading, fields, fieldList !== undefined, fieldInsertPosition, descriptionParts.join('\n\n'), quote, Math.max(lastLine, headingLine));
}

function isFieldItem(item: OutlineItem, text: string): boolean {
  const first = item.children[0];
  if (!first || first.kind !== 'paragraph') return false;
  return /^[\p{L}][\p{L}\p{N} '’_-]{0,39}?\s*:(?:\s|$)/u.test(text.slice(first.start, first.end));
}

/**
 * A chunk "ends open" when its last block is a fenced code block without a closing
 * fence, or an HTML block: in the whole document either would swallow the heading that
 * starts the next chunk.
 */
function endsOpen(outline: OutlineNode[], text: string): boolean {
  const last = outline[outline.length - 1];
  if (!last) return false;
  // A complete comment ends its HTML block on its last line; any other HTML block may run on.
  if (last.kind === 'html') return !/^ {0,3}<!--[\s\S]*-->[ \t]*$/.test(last.value);
  if (last.kind !== 'code') return false;
  const source = text.slice(last.start, last.end);
  const open = FENCE_OPEN.exec(source);
  if (!open) return false; // indented code ends at any unindented line
  const lastLineStart = source.lastIndexOf('\n');
  if (lastLineStart === -1) return true; // only the opening fence
  const closing = source.slice(lastLineStart + 1);
  const fence = open[1];
  const closer = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`);
  return !closer.test(closing);
}
