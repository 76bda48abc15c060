/**
 * From a chunk's mdast to segments: a heading and the blocks under it up to the next
 * heading. Everything here is relative to the chunk (lines from its first line), so a
 * chunk's segments can be cached by its text and reused wherever the chunk moves.
 */
import type { Blockquote, Heading, List, ListItem, Nodes, Root, RootContent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position, Range } from '../model';
import { LineIndex, stripHtmlComments } from './text';
import { parseMarkdown } from './markdown';
import { parseFieldItem, type RawField } from './fields';

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
  lineCount: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

export function parseChunk(text: string): ParsedChunk {
  const root: Root = parseMarkdown(text);
  const lines = new LineIndex(text);
  const segments: Segment[] = [];
  let frontMatter: ParsedChunk['frontMatter'];
  let current: { heading?: SegmentHeading; nodes: RootContent[] } = { nodes: [] };
  const flush = (): void => {
    if (current.heading || current.nodes.length > 0) segments.push(buildSegment(current.heading, current.nodes, text, lines));
  };
  for (const node of root.children) {
    if (node.type === 'yaml') {
      frontMatter = frontMatterOf(node, text, lines);
    } else if (node.type === 'heading') {
      flush();
      current = { heading: headingOf(node, text, lines), nodes: [] };
    } else {
      current.nodes.push(node);
    }
  }
  flush();
  return { segments, frontMatter, endsOpen: endsOpen(root, text), lineCount: lines.lineCount };
}

function frontMatterOf(node: Yaml, text: string, lines: LineIndex): ParsedChunk['frontMatter'] {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  const firstNewline = text.indexOf('\n', start);
  return { value: node.value, range: lines.range(start, end), contentStartOffset: firstNewline + 1 };
}

function headingOf(node: Heading, text: string, lines: LineIndex): SegmentHeading {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const content = node.children.filter((child) => child.type !== 'html');
  let contentStart = start;
  let contentEnd = start;
  if (content.length > 0) {
    contentStart = content[0].position?.start.offset ?? start;
    contentEnd = content[content.length - 1].position?.end.offset ?? contentStart;
  } else {
    // An empty heading: point just after the `#`s.
    const hashes = /^ {0,3}#*[ \t]*/.exec(text.slice(start, end));
    contentStart = contentEnd = start + (hashes ? hashes[0].length : 0);
  }
  return {
    depth: node.depth,
    text: stripHtmlComments(content.map((child) => toString(child)).join('')).trim(),
    range: lines.range(start, end),
    contentRange: lines.range(contentStart, contentEnd),
    contentSource: text.slice(contentStart, contentEnd),
  };
}

function buildSegment(heading: SegmentHeading | undefined, nodes: RootContent[], text: string, lines: LineIndex): Segment {
  const fieldList = nodes.find((node): node is List => node.type === 'list' && !node.ordered && node.children.some((item) => isFieldItem(item, text)));
  const fields: RawField[] = [];
  if (fieldList) {
    for (const item of fieldList.children) {
      const field = parseFieldItem(item, text, lines);
      if (field) fields.push(field);
    }
  }
  const headingLine = heading ? heading.range.end.line : 0;
  const lastFieldEnd = fieldList?.position ? lines.positionAt(fieldList.position.end.offset ?? 0) : undefined;
  const fieldInsertPosition: Position = lastFieldEnd
    ? { line: lastFieldEnd.line + 1, character: 0 }
    : { line: headingLine + 1, character: 0 };
  const descriptionParts: string[] = [];
  let quote: string | undefined;
  for (const node of nodes) {
    if (node === fieldList) continue;
    if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) continue;
    const source = sourceOf(node, text);
    if (source.trim()) descriptionParts.push(source);
    if (!quote && node.type === 'blockquote') quote = quoteText(node);
  }
  const last = nodes.length > 0 ? nodes[nodes.length - 1].position?.end.offset : undefined;
  const lastLine = last !== undefined ? lines.positionAt(last).line : headingLine;
  return {
    heading,
    fields,
    hasFieldList: fieldList !== undefined,
    fieldInsertPosition,
    description: descriptionParts.join('\n\n'),
    quote,
    lastLine: Math.max(lastLine, headingLine),
  };
}

function isFieldItem(item: ListItem, text: string): boolean {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return false;
  return /^[\p{L}][\p{L}\p{N} '’_-]{0,39}?\s*:(?:\s|$)/u.test(sourceOf(first, text));
}

function quoteText(node: Blockquote): string {
  return node.children.map((child) => toString(child as Nodes)).join('\n').trim();
}

export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return text.slice(start, end);
}

/**
 * A chunk "ends open" when its last block is a fenced code block without a closing
 * fence, or an HTML block: in the whole document either would swallow the heading that
 * starts the next chunk.
 */
function endsOpen(root: Root, text: string): boolean {
  const last = root.children[root.children.length - 1];
  if (!last) return false;
  // A complete comment ends its HTML block on its last line; any other HTML block may run on.
  if (last.type === 'html') return !/^ {0,3}<!--[\s\S]*-->[ \t]*$/.test(last.value);
  if (last.type !== 'code') return false;
  const source = sourceOf(last, text);
  const open = FENCE_OPEN.exec(source);
  if (!open) return false; // indented code ends at any unindented line
  const lastLineStart = source.lastIndexOf('\n');
  if (lastLineStart === -1) return true; // only the opening fence
  const closing = source.slice(lastLineStart + 1);
  const fence = open[1];
  const closer = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`);
  return !closer.test(closing);
}

