/**
 * The outline: the part of a Markdown tree the model is made of. Top-level blocks with
 * their offsets; for lists, their items and what is inside them; links in list items;
 * and the plain text of headings and block quotes. Everything else the model reads
 * straight from the source.
 *
 * There are two ways to an outline, and they must agree:
 *
 * - `outlineFromEvents` reads micromark's token events directly. It is the fast way:
 *   building a whole mdast tree (every text node, emphasis and line ending) takes
 *   about as long as tokenizing, and the model would throw nearly all of it away.
 *   It gives up (returns `undefined`) where the text of a heading or quote has inline
 *   markup whose plain text needs mdast's rules (escapes, entities, emphasis, code,
 *   links, breaks): that is rare in blueprints, and the caller then takes the other way.
 * - `outlineFromMdast` (outline-mdast.ts) reads the mdast tree from remark. It is the
 *   reference: a property test checks that both give equal outlines on random and spec input.
 */
import type { Event, Token } from 'micromark-util-types';
import { decodeString } from 'micromark-util-decode-string';

export interface OutlineSpan {
  start: number;
  end: number;
}

export interface OutlineLink extends OutlineSpan {
  /** The destination, with escapes and character references decoded. */
  url: string;
}

export interface OutlineHeading extends OutlineSpan {
  kind: 'heading';
  depth: number;
  /** Plain text of the content, as mdast-util-to-string gives it, HTML nodes left out. */
  text: string;
  /** The content, from its first to its last non-HTML piece; absent when empty. */
  content?: OutlineSpan;
}

export interface OutlineItem extends OutlineSpan {
  children: OutlineNode[];
  /** Inline links (`[text](destination)`) anywhere inside the item, in order; not those inside an image. */
  links: OutlineLink[];
}

export interface OutlineList extends OutlineSpan {
  kind: 'list';
  ordered: boolean;
  items: OutlineItem[];
}

export interface OutlineQuote extends OutlineSpan {
  kind: 'blockquote';
  /** Plain text of its blocks joined by line feeds; only for top-level quotes. */
  text?: string;
}

export interface OutlineHtml extends OutlineSpan {
  kind: 'html';
  value: string;
}

export interface OutlineYaml extends OutlineSpan {
  kind: 'yaml';
  value: string;
}

export interface OutlineLeaf extends OutlineSpan {
  kind: 'paragraph' | 'code' | 'other';
}

export type OutlineNode = OutlineHeading | OutlineList | OutlineQuote | OutlineHtml | OutlineYaml | OutlineLeaf;

// ---------------------------------------------------------------------------------
// From micromark events (the fast way)

/** Token types that make a block node in mdast; everything else between blocks is syntax. */
const LEAF_KIND: Record<string, OutlineLeaf['kind']> = {
  paragraph: 'paragraph',
  codeFenced: 'code',
  codeIndented: 'code',
  thematicBreak: 'other',
  definition: 'other',
  table: 'other',
  gfmFootnoteDefinition: 'other',
};

/**
 * Tokens that may follow an item's last content without belonging to it: mdast ends a
 * list item before the line endings that come after its content (see mdast-util-from-markdown's
 * list preparation), skipping the container prefixes of the lines in between.
 */
const ITEM_TAIL = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

/** Tokens a plain paragraph may hold: text, line endings and the syntax of the lines' containers. */
const PLAIN_PARAGRAPH = new Set(['data', 'lineEnding', 'linePrefix', 'lineSuffix', 'blockQuotePrefix', 'blockQuoteMarker', 'blockQuotePrefixWhitespace']);

/** Syntax between the blocks of a quote. */
const QUOTE_SYNTAX = new Set(['content', 'lineEnding', 'lineEndingBlank', 'linePrefix', 'blockQuotePrefix', 'blockQuoteMarker', 'blockQuotePrefixWhitespace']);

/** Thrown inside the reader when the outline needs mdast's inline rules. */
class NeedsMdast extends Error {}

export function outlineFromEvents(events: Event[], text: string): OutlineNode[] | undefined {
  try {
    return new EventReader(events, text).readRoot();
  } catch (error) {
    if (error instanceof NeedsMdast) return undefined;
    throw error;
  }
}

class EventReader {
  private index = 0;

  constructor(
    private readonly events: Event[],
    private readonly text: string,
  ) {}

  readRoot(): OutlineNode[] {
    const nodes: OutlineNode[] = [];
    while (this.index < this.events.length) {
      const node = this.readBlock(true, undefined);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  /**
   * Reads the event at the cursor and, when it starts a block, the whole block. Returns
   * the block, or undefined for syntax between blocks (line endings, prefixes). Links
   * found inside go to `links` when given.
   */
  private readBlock(topLevel: boolean, links: OutlineLink[] | undefined): OutlineNode | undefined {
    const [kind, token] = this.events[this.index];
    if (kind === 'exit') {
      this.index++;
      return undefined;
    }
    // A plain string: extensions (front matter, tables, footnotes) add types micromark's map does not name.
    const type: string = token.type;
    switch (type) {
      case 'content':
        // A wrapper around paragraphs and definitions: its children are the blocks.
        this.index++;
        return undefined;
      case 'atxHeading':
      case 'setextHeading':
        return this.readHeading(token, links);
      case 'listOrdered':
      case 'listUnordered':
        return this.readList(token, links);
      case 'blockQuote':
        return this.readQuote(token, topLevel, links);
      case 'htmlFlow':
        return this.readHtml(token);
      case 'yaml':
        return this.readYaml(token);
      default: {
        const leaf = LEAF_KIND[type];
        this.skipTo(token, links);
        return leaf ? { kind: leaf, start: token.start.offset, end: token.end.offset } : undefined;
      }
    }
  }

  /** Moves the cursor past the exit of `token`, collecting links on the way. */
  private skipTo(token: Token, links: OutlineLink[] | undefined): void {
    const events = this.events;
    let index = this.index + 1;
    if (!links) {
      while (events[index][1] !== token) index++;
      this.index = index + 1;
      return;
    }
    let imageDepth = 0;
    let link: OutlineLink | undefined;
    let hasResource = false;
    for (; events[index][1] !== token; index++) {
      const [kind, inner] = events[index];
      const type = inner.type;
      if (type === 'image') imageDepth += kind === 'enter' ? 1 : -1;
      else if (imageDepth > 0) continue;
      else if (type === 'autolink') {
        // `<https://…>` and `<name@host>`: links in mdast too, with the scheme (or `mailto:`) in the URL.
        if (kind === 'enter') {
          const source = this.text.slice(inner.start.offset + 1, inner.end.offset - 1);
          links.push({ url: source.includes(':') ? source : 'mailto:' + source, start: inner.start.offset, end: inner.end.offset });
        }
      } else if (type === 'link') {
        if (kind === 'enter') {
          link = { url: '', start: inner.start.offset, end: inner.end.offset };
          hasResource = false;
        } else if (link) {
          // `[text][ref]` and `[ref]` are link references in mdast, not links.
          if (hasResource) links.push(link);
          link = undefined;
        }
      } else if (link && kind === 'enter') {
        if (type === 'resource') hasResource = true;
        else if (type === 'resourceDestinationString') link.url = decodeString(this.source(events[index]));
      }
    }
    this.index = index + 1;
  }

  private readHeading(token: Token, links: OutlineLink[] | undefined): OutlineHeading {
    const events = this.events;
    let depth = 0;
    let text = '';
    let content: OutlineSpan | undefined;
    let inText = false;
    for (let index = this.index + 1; events[index][1] !== token; index++) {
      const [kind, inner] = events[index];
      const type = inner.type;
      if (type === 'atxHeadingText' || type === 'setextHeadingText') {
        inText = kind === 'enter';
      } else if (inText) {
        // Only plain text is read here; anything else takes mdast's rules.
        if (type !== 'data') throw new NeedsMdast();
        if (kind === 'enter') {
          text += this.source(events[index]);
          if (content) content.end = inner.end.offset;
          else content = { start: inner.start.offset, end: inner.end.offset };
        }
      } else if (kind === 'enter' && type === 'atxHeadingSequence' && depth === 0) {
        depth = inner.end.offset - inner.start.offset;
      } else if (kind === 'enter' && type === 'setextHeadingLineSequence') {
        depth = this.text.charCodeAt(inner.start.offset) === 61 /* = */ ? 1 : 2;
      }
    }
    this.skipTo(token, links);
    const heading: OutlineHeading = { kind: 'heading', depth, text, start: token.start.offset, end: token.end.offset };
    if (content) heading.content = content;
    return heading;
  }

  private readList(token: Token, links: OutlineLink[] | undefined): OutlineList {
    const list: OutlineList = { kind: 'list', ordered: token.type === 'listOrdered', items: [], start: token.start.offset, end: token.end.offset };
    const events = this.events;
    let item: OutlineItem | undefined;
    // Where the line endings after the item's last content begin (mdast's item end).
    let tailStart: number | undefined;
    const close = (boundary: Token): void => {
      if (!item) return;
      item.end = tailStart ?? boundary.end.offset;
      if (links) links.push(...item.links);
    };
    this.index++;
    for (;;) {
      const [kind, inner] = events[this.index];
      if (inner === token) {
        close(inner);
        this.index++;
        return list;
      }
      if (kind === 'enter' && inner.type === 'listItemPrefix') {
        close(inner);
        item = { children: [], links: [], start: inner.start.offset, end: inner.end.offset };
        list.items.push(item);
        tailStart = undefined;
        this.skipTo(inner, undefined);
        continue;
      }
      if (ITEM_TAIL.has(inner.type)) {
        if (kind === 'enter' && tailStart === undefined && (inner.type === 'lineEnding' || inner.type === 'lineEndingBlank')) tailStart = inner.start.offset;
        this.index++;
        continue;
      }
      tailStart = undefined;
      const child = this.readBlock(false, item?.links);
      if (child && item) item.children.push(child);
    }
  }

  private readQuote(token: Token, topLevel: boolean, links: OutlineLink[] | undefined): OutlineQuote {
    const quote: OutlineQuote = { kind: 'blockquote', start: token.start.offset, end: token.end.offset };
    if (!topLevel) {
      this.skipTo(token, links);
      return quote;
    }
    // A top-level quote's text is read only when every block in it is a plain paragraph or
    // a quote of such (mdast-util-to-string runs a nested quote's paragraphs together).
    const events = this.events;
    const parts: string[] = [];
    let part: string | undefined;
    let nested: string | undefined;
    let depth = 0;
    for (let index = this.index + 1; events[index][1] !== token; index++) {
      const [kind, inner] = events[index];
      const type = inner.type;
      if (type === 'blockQuote') {
        if (kind === 'enter' && depth++ === 0) nested = '';
        else if (kind === 'exit' && --depth === 0) {
          parts.push(nested!);
          nested = undefined;
        }
      } else if (type === 'paragraph') {
        if (kind === 'enter') part = '';
        else if (part !== undefined) {
          if (nested !== undefined) nested += part;
          else parts.push(part);
          part = undefined;
        }
      } else if (part !== undefined) {
        if (!PLAIN_PARAGRAPH.has(type)) throw new NeedsMdast();
        if (kind === 'enter') {
          if (type === 'data' || type === 'lineEnding') part += this.source(events[index]);
        }
      } else if (!QUOTE_SYNTAX.has(type)) {
        throw new NeedsMdast();
      }
    }
    quote.text = parts.join('\n');
    this.skipTo(token, links);
    return quote;
  }

  private readHtml(token: Token): OutlineHtml {
    const events = this.events;
    let value = '';
    let index = this.index + 1;
    for (; events[index][1] !== token; index++) {
      const [kind, inner] = events[index];
      if (kind === 'enter') {
        if (inner.type === 'htmlFlowData' || inner.type === 'lineEnding') value += this.source(events[index]);
      }
    }
    this.index = index + 1;
    return { kind: 'html', value, start: token.start.offset, end: token.end.offset };
  }

  private readYaml(token: Token): OutlineYaml {
    const events = this.events;
    // The value is what lies between the line ending after the opening fence and the one before the closing fence.
    let valueStart: number | undefined;
    let valueEnd = 0;
    let index = this.index + 1;
    for (; events[index][1] !== token; index++) {
      const [kind, inner] = events[index];
      if (kind === 'enter' && inner.type === 'lineEnding') {
        valueStart ??= inner.end.offset;
        valueEnd = inner.start.offset;
      }
    }
    this.index = index + 1;
    const value = valueStart === undefined || valueEnd < valueStart ? '' : this.text.slice(valueStart, valueEnd);
    return { kind: 'yaml', value, start: token.start.offset, end: token.end.offset };
  }

  /**
   * A token's text as micromark serializes it, not the source between its offsets: a tab
   * partly taken by a container's indent counts as spaces, and a line ending's end can
   * reach over the next line's prefix.
   */
  private source(event: Event): string {
    return event[2].sliceSerialize(event[1]);
  }
}
