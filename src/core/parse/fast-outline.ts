/**
 * The outline of ordinary blueprint text without the Markdown tokenizer. Most chunks of a
 * blueprint are a heading, a list of `- key: value` fields, a note and perhaps a quote,
 * written in plain words: for those, micromark's tokenizing (most of all parse time) gives
 * an outline that follows from the lines alone. This reader reads such text line by line
 * and gives exactly that outline, or `undefined` as soon as a line has any shape or
 * character it does not fully understand; the caller then runs micromark.
 *
 * What it reads (every line ends with LF or CRLF; no tabs, no trailing spaces):
 *
 * - a blank line (empty);
 * - an ATX heading in column 0, `#`… then one space and plain text (no closing `#`s);
 * - a bullet item `- text` (up to three spaces before the `-`) whose text starts with a
 *   letter or `@`, and lines continuing it, indented by any number of spaces, starting with
 *   a letter or `@`, right after it; the items of a list each indented less than the text
 *   of the item before (a deeper one would nest, and gives up);
 * - a paragraph line starting with a letter, not right after an item or a quote line;
 * - a quote line `> text`, or `> > text` and deeper, with plain text starting with a
 *   letter; the lines of a quote all of one depth (their text runs together, as
 *   `mdast-util-to-string` gives a nested quote's paragraph);
 * - a thematic break `---`, `***` or `___` (three or more, nothing else), but not under a
 *   paragraph (a setext heading) nor on the first line (front matter);
 * - an HTML block in column 0: a comment `<!--` up to the line holding `-->` (one left
 *   open gives up), or a block tag (`<div`, `</details>`, … the names micromark knows) up
 *   to a blank line; its lines as they are written (no tab, CR or NUL in them).
 *
 * Text in items and paragraphs may hold `*` and `_` (emphasis never changes blocks or
 * links) and `[text](destination)` links with plain text and a destination of URL
 * characters; headings and quotes only plain text, so their text is the source. Anything
 * else (escapes, entities, other HTML, code, autolinks, images, tables, ordered lists, other
 * bullets, nested lists, setext underlines, lazy lines, tabs, control characters, …) gives
 * up. `test/unit/parse/fast-outline.properties.test.ts` holds this outline equal to
 * micromark's on blueprint-like text and on arbitrary strings.
 */
import { htmlBlockNames } from 'micromark-util-html-tag-name';
import type { OutlineHeading, OutlineHtml, OutlineItem, OutlineLink, OutlineList, OutlineNode, OutlineQuote } from './outline';

/** Punctuation that is no Markdown syntax inside a line (but `#` ending a heading). */
const PUNCTUATION = String.raw`.,:;'"()\-\/?!%+=@’‘“”–—`;
/** Characters of plain text: letters, marks, digits, spaces, that punctuation and `#`. */
const PLAIN = String.raw`\p{L}\p{M}\p{N} #${PUNCTUATION}`;
/** A heading's text: plain, starting with a letter or digit, ending in neither a space nor `#` (a closing sequence). */
const HEADING = new RegExp(String.raw`^#{1,6} [\p{L}\p{N}](?:[${PLAIN}]*[\p{L}\p{M}\p{N}${PUNCTUATION}])?$`, 'u');
/** A quote line: one or more `> ` markers (the quote's depth), then plain text starting with a letter. */
const QUOTE = new RegExp(String.raw`^(?:> )+\p{L}(?:[${PLAIN}]*[\p{L}\p{M}\p{N}#${PUNCTUATION}])?$`, 'u');
/**
 * The first line of an HTML block that ends at a blank line (CommonMark's kind 6): in
 * column 0, `<` or `</`, one of the block tag names micromark knows, then a space, `>`,
 * `/>` or the end of the line.
 */
const HTML_BLOCK_START = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ >]|\/>|$)/;
const BLOCK_NAMES: ReadonlySet<string> = new Set(htmlBlockNames);
/** Characters micromark reads otherwise than as they are written inside an HTML block. */
const HTML_UNREAD = /[\t\r\0]/;

/** A thematic break of three or more of one marker, nothing else on the line. */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;
/** One piece of item or paragraph text: a link, or a run of plain text with emphasis markers. */
const INLINE_PIECE = new RegExp(String.raw`\[([${PLAIN}]+)\]\(([A-Za-z0-9\-._~:/?#@!$+,;=%]+)\)|[${PLAIN}*_]+`, 'uy');
const LETTER_OR_AT = /^[\p{L}@]/u;

type LineKind = 'blank' | 'heading' | 'item' | 'continuation' | 'paragraph' | 'quote' | 'break' | 'html' | 'raw';

interface Line {
  kind: LineKind;
  /** Items and continuations: the spaces before the marker or text; quotes: the number of `> ` markers. */
  indent: number;
  start: number;
  /** End of the line's content (before its line ending). */
  end: number;
  /** The line ending as written ('' at the end of the text). */
  eol: string;
}

/** Thrown inside the reader where the text is not of the shapes it reads. */
class Unknown extends Error {}

/**
 * The links of a piece of item or paragraph text (offsets in the whole text), or
 * undefined when it holds anything but plain text, emphasis markers and plain links.
 */
function inlineLinks(text: string, start: number, end: number): OutlineLink[] | undefined {
  const links: OutlineLink[] = [];
  let at = start;
  while (at < end) {
    INLINE_PIECE.lastIndex = at;
    const match = INLINE_PIECE.exec(text);
    if (!match || match.index !== at) return undefined;
    const pieceEnd = Math.min(at + match[0].length, end);
    if (match[2] !== undefined) {
      // `![…](…)` is an image, and a link must not run past the line.
      if (text.charCodeAt(at - 1) === 33 /* ! */ || pieceEnd !== at + match[0].length) return undefined;
      links.push({ url: match[2], start: at, end: pieceEnd });
    }
    at = pieceEnd;
  }
  return links;
}

/** What a line is, from its content alone; undefined for any other shape. */
function kindOf(content: string): LineKind | undefined {
  if (content === '') return 'blank';
  const first = content.charCodeAt(0);
  const last = content.charCodeAt(content.length - 1);
  if (last === 32 /* space */) return undefined;
  if (first === 35 /* # */) return HEADING.test(content) ? 'heading' : undefined;
  if (first === 62 /* > */) return QUOTE.test(content) ? 'quote' : undefined;
  if (first === 60 /* < */) return isHtmlStart(content) ? 'html' : undefined;
  if (first === 45 /* - */) {
    if (content.charCodeAt(1) === 32) return LETTER_OR_AT.test(content.slice(2)) ? 'item' : undefined;
    return THEMATIC_BREAK.test(content) ? 'break' : undefined;
  }
  if (first === 42 /* * */ || first === 95 /* _ */) return THEMATIC_BREAK.test(content) ? 'break' : undefined;
  if (first === 32) {
    const indent = indentOf(content);
    // Up to three spaces before an item's marker; text after any spaces continues an item (or is lazy).
    if (content.charCodeAt(indent) === 45 /* - */) {
      return indent <= 3 && content.charCodeAt(indent + 1) === 32 && LETTER_OR_AT.test(content.slice(indent + 2)) ? 'item' : undefined;
    }
    return LETTER_OR_AT.test(content.slice(indent)) ? 'continuation' : undefined;
  }
  return /^\p{L}/u.test(content) ? 'paragraph' : undefined;
}

/** True for the first line of an HTML comment or of an HTML block of a block tag. */
function isHtmlStart(content: string): boolean {
  // `<!-->` and `<!--->` are whole comments of their own (CommonMark 0.31): given up.
  if (content.startsWith('<!--')) return !content.startsWith('<!-->') && !content.startsWith('<!--->');
  const tag = HTML_BLOCK_START.exec(content);
  return tag !== null && BLOCK_NAMES.has(tag[1].toLowerCase());
}

/** The spaces at the start of a line. */
function indentOf(content: string): number {
  let indent = 0;
  while (content.charCodeAt(indent) === 32) indent++;
  return indent;
}

/** The text's lines with their kinds, or undefined when a line is of no known kind. */
function linesOf(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  let html = false;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline;
    // A CR is only read before an LF; anywhere else the line is of no known kind.
    const crlf = newline !== -1 && lineEnd > start && text.charCodeAt(lineEnd - 1) === 13;
    const end = crlf ? lineEnd - 1 : lineEnd;
    const content = text.slice(start, end);
    let kind = kindOf(content);
    if (kind === 'html') html = true;
    // A line of no known kind may still be part of an HTML block above it (the reader decides).
    else if (!kind) {
      if (!html) return undefined;
      kind = 'raw';
    }
    const indent = kind === 'item' || kind === 'continuation' ? indentOf(content) : kind === 'quote' ? quoteDepth(content) : 0;
    lines.push({ kind, indent, start, end, eol: newline === -1 ? '' : crlf ? '\r\n' : '\n' });
    start = lineEnd + 1;
  }
  return lines;
}

/** The number of `> ` markers a quote line starts with. */
function quoteDepth(content: string): number {
  let depth = 0;
  while (content.charCodeAt(2 * depth) === 62 /* > */) depth++;
  return depth;
}

/** The outline micromark would give, or undefined where the text is not of the shapes read here. */
export function fastOutline(text: string): OutlineNode[] | undefined {
  const lines = linesOf(text);
  if (!lines) return undefined;
  try {
    return new LineReader(text, lines).read();
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
}

class LineReader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  read(): OutlineNode[] {
    const nodes: OutlineNode[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index];
      switch (line.kind) {
        case 'blank':
          this.index++;
          break;
        case 'heading':
          nodes.push(this.heading(line));
          this.index++;
          break;
        case 'item':
          nodes.push(this.list());
          break;
        case 'paragraph':
          nodes.push(this.paragraph());
          break;
        case 'quote':
          nodes.push(this.quote());
          break;
        case 'break':
          // `---` on the first line may open front matter, which micromark reads with its extension.
          if (this.index === 0 && this.text.charCodeAt(line.start) === 45) throw new Unknown();
          nodes.push({ kind: 'other', start: line.start, end: line.end });
          this.index++;
          break;
        case 'html':
          nodes.push(this.html());
          break;
        case 'continuation':
        case 'raw':
          throw new Unknown();
      }
    }
    return nodes;
  }

  private heading(line: Line): OutlineHeading {
    const depth = this.text.indexOf(' ', line.start) - line.start;
    const contentStart = line.start + depth + 1;
    const text = this.text.slice(contentStart, line.end);
    return { kind: 'heading', depth, text, start: line.start, end: line.end, content: { start: contentStart, end: line.end } };
  }

  /** The kind of the line after the current one, or undefined at the end. */
  private next(): LineKind | undefined {
    return this.lines[this.index + 1]?.kind;
  }

  /** Items, with blank lines between them; ends before a line that is not an item after a blank. */
  private list(): OutlineList {
    const items: OutlineItem[] = [];
    for (;;) {
      const indent = this.lines[this.index].indent;
      items.push(this.item());
      let after = this.index;
      while (this.lines[after]?.kind === 'blank') after++;
      const next = this.lines[after];
      if (next?.kind !== 'item') break;
      // An item indented up to the previous item's text belongs inside it: a nested list.
      if (next.indent >= indent + 2) throw new Unknown();
      this.index = after;
    }
    return { kind: 'list', ordered: false, items, start: items[0].start, end: items[items.length - 1].end };
  }

  /** An item line and the continuation lines right after it; the cursor ends past them. */
  private item(): OutlineItem {
    const first = this.lines[this.index];
    const marker = first.start + first.indent;
    const links: OutlineLink[] = [];
    let last = first;
    this.readInline(marker + 2, first.end, links);
    while (this.next() === 'continuation') {
      last = this.lines[++this.index];
      this.readInline(last.start + last.indent, last.end, links);
    }
    // A paragraph or quote line right after an item would continue it lazily.
    const next = this.next();
    if (next === 'paragraph' || next === 'quote') throw new Unknown();
    this.index++;
    return { children: [{ kind: 'paragraph', start: marker + 2, end: last.end }], links, start: marker, end: last.end };
  }

  private readInline(start: number, end: number, links: OutlineLink[]): void {
    const found = inlineLinks(this.text, start, end);
    if (!found) throw new Unknown();
    links.push(...found);
  }

  /** Paragraph lines, up to a line of another kind (a heading, an item or a quote interrupts it). */
  private paragraph(): OutlineNode {
    const first = this.lines[this.index];
    let last = first;
    this.readInline(first.start, first.end, []);
    while (this.next() === 'paragraph') {
      last = this.lines[++this.index];
      this.readInline(last.start, last.end, []);
    }
    // `---` under a paragraph makes it a heading (setext).
    if (this.next() === 'break') throw new Unknown();
    this.index++;
    return { kind: 'paragraph', start: first.start, end: last.end };
  }

  /**
   * An HTML block: a comment up to the line holding `-->`, any other up to a blank line (or
   * the end of the text); every line in it as written. Its value is its source.
   */
  private html(): OutlineHtml {
    const lines = this.lines;
    const first = lines[this.index];
    const comment = this.text.startsWith('<!--', first.start);
    let index = this.index;
    for (;;) {
      const line = lines[index];
      if (HTML_UNREAD.test(this.text.slice(line.start, line.end))) throw new Unknown();
      // (A `-->` cannot overlap the opening `<!--`: `<!-->` and `<!--->` were given up.)
      if (comment && this.text.slice(line.start, line.end).includes('-->')) break;
      const next = lines[index + 1];
      // A comment left open takes in the text's last line ending too: given up (it runs into the next chunk anyway).
      if (!next && comment) throw new Unknown();
      if (!next || (!comment && isBlank(this.text, next))) break;
      index++;
    }
    const last = lines[index];
    this.index = index + 1;
    return { kind: 'html', value: this.text.slice(first.start, last.end), start: first.start, end: last.end };
  }

  /**
   * Quote lines of one depth up to a blank line, a heading or an item: one paragraph (in
   * quotes nested that deep), its text the lines' text.
   */
  private quote(): OutlineQuote {
    const first = this.lines[this.index];
    const prefix = 2 * first.indent;
    let last = first;
    let text = this.text.slice(first.start + prefix, first.end);
    while (this.next() === 'quote') {
      const eol = last.eol;
      last = this.lines[++this.index];
      // A line of another depth opens or continues a quote at another level.
      if (last.indent !== first.indent) throw new Unknown();
      text += eol + this.text.slice(last.start + prefix, last.end);
    }
    // A paragraph line right after would continue the quote lazily (a thematic break is no lazy line).
    if (this.next() === 'paragraph') throw new Unknown();
    this.index++;
    return { kind: 'blockquote', start: first.start, end: last.end, text };
  }
}

/** A blank line as CommonMark has it: nothing, or only spaces and tabs. */
function isBlank(text: string, line: Line): boolean {
  for (let at = line.start; at < line.end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
