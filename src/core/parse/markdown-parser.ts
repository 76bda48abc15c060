/**
 * The one Markdown parser of the model: remark (CommonMark) with front matter and the
 * GitHub extensions that shape blocks: tables, task lists and footnotes, so that what
 * GitHub renders and what we check have the same structure.
 *
 * GFM's inline-only extensions, autolink literals (bare `www.` / `https://` / e-mail text
 * turned into links) and strikethrough, are left out here: they never change the blocks,
 * fields or references the model is made of (references are `@slug`, `#slug` and explicit
 * links, fields are read from the source), yet they cost about a third of all parse time.
 * The preview renders cell text with full remark-gfm, so people still see both.
 *
 * Each text is parsed with only the extensions it can use: a table needs a delimiter row,
 * a footnote `[^`, a task item `[ ]` or `[x]`. Leaving out an extension whose marker is
 * absent gives exactly the same tree, and saves the time its constructs spend trying
 * every line (a table's most of all).
 *
 * The model is read from an outline (see `outline.ts`): for plain text read line by line
 * without the tokenizer (`fast-outline.ts`), else from micromark's events where it can be,
 * else from the mdast tree. Both use the same extensions, taken from the remark
 * processor itself.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { outlineFromEvents, type OutlineNode, type OutlineYaml } from './outline';
import { outlineFromMdast } from './outline-mdast';
import { fastOutline } from './fast-outline';
import type { Event, Extension as MicromarkExtension, ParseContext, Point } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { taskListItemFromMarkdown } from './task-list-check';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';

interface Feature {
  /** True when the text may hold the construct (a superset test: false means it cannot). */
  mayOccur(text: string): boolean;
  micromark(): MicromarkExtension;
  fromMarkdown(): FromMarkdownExtension;
}

/** A line of only pipes, dashes, colons, spaces and quote markers, with a pipe and a dash. */
const DELIMITER_ROW = /^(?=[^\n]*-)[ \t>|:-]*\|[ \t>|:-]*\r?$/m;

const FEATURES: readonly Feature[] = [
  { mayOccur: (text) => text.includes('|') && DELIMITER_ROW.test(text), micromark: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  { mayOccur: (text) => text.includes('[^'), micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
  { mayOccur: (text) => /\[[ \txX]\]/.test(text), micromark: gfmTaskListItem, fromMarkdown: taskListItemFromMarkdown },
];

/** A closed YAML front matter block at the very start of the text, up to its first closing fence. */
const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)??---[ \t]*(?:\r?\n|$)/;

/**
 * What a parse context holds for any document: the combined constructs and the tokenizer
 * factories (each call makes a fresh tokenizer). micromark's `parse()` adds only
 * `defined: []` and `lazy: {}` beside them; test/unit/parse/parse-context.test.ts pins
 * that shape, so a micromark upgrade that adds a key fails there first.
 */
export const SHARED_CONTEXT_KEYS: ReadonlySet<string> = new Set(['constructs', 'content', 'document', 'flow', 'string', 'text']);

/**
 * One parse context serves every chunk of a configuration: building it combines all
 * constructs (a few hundred), a cost that would otherwise come with each chunk. Its
 * per-document state, the definitions and lazy lines (and what extensions keep on it,
 * such as footnote labels), starts afresh for each text.
 *
 * micromark has no public reset, so the context is brought back to the shape `parse()`
 * returns. That is safe because everything else on it is per-document state that
 * constructs create on first use (`this.parser.gfmFootnotes ||= []` in the footnote
 * extension): deleting every other key gives exactly a freshly made context. That test also
 * shows definitions and footnotes of one text not leaking into the next.
 */
function resetParseContext(context: ParseContext): void {
  const record = context as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!SHARED_CONTEXT_KEYS.has(key)) delete record[key];
  context.defined = [];
  context.lazy = {};
}

/** One configuration of the parser: remark for mdast, and micromark with the very same extensions for events. */
interface MarkdownParser {
  mdast(text: string): Root;
  /** Events of `text`; with `from`, the text is the document's from that line and offset on (positions are the document's). */
  events(text: string, from?: Omit<Point, '_bufferIndex' | '_index'>): Event[];
  /** Task list items change paragraph positions in mdast; the outline takes mdast's word for them. */
  taskLists: boolean;
}

const parsers = new Map<number, MarkdownParser>();
const TASK_LIST_BIT = FEATURES.findIndex((feature) => feature.micromark === gfmTaskListItem);

/** The parser for a set of features (bit i: FEATURES[i]; the top bit: front matter). */
function parserFor(mask: number): MarkdownParser {
  let parser = parsers.get(mask);
  if (parser) return parser;
  const features = FEATURES.filter((_, i) => mask & (1 << i));
  function gfmStructure(this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(...features.map((feature) => feature.micromark()));
    (data.fromMarkdownExtensions ??= []).push(...features.map((feature) => feature.fromMarkdown()));
  }
  const base = unified().use(remarkParse);
  // The front-matter extension is only used when the text starts with a closed block:
  // an unclosed `---` at the start makes it turn the lists below into paragraphs,
  // where GitHub (and CommonMark) see a thematic break followed by lists.
  const processor = (mask & (1 << FEATURES.length) ? base.use(remarkFrontmatter, ['yaml']).use(gfmStructure) : base.use(gfmStructure)).freeze();
  // micromark gets exactly the extensions remark-parse hands it.
  const context = micromarkParse({ extensions: processor.data().micromarkExtensions ?? [] });
  parser = {
    mdast: (text) => processor.parse(text),
    events: (text, from) => {
      resetParseContext(context);
      return postprocess(context.document(from).write(preprocess()(text, undefined, true)));
    },
    taskLists: (mask & (1 << TASK_LIST_BIT)) !== 0,
  };
  parsers.set(mask, parser);
  return parser;
}

function parserForText(text: string): MarkdownParser {
  let mask = CLOSED_FRONT_MATTER.test(text) ? 1 << FEATURES.length : 0;
  FEATURES.forEach((feature, i) => {
    if (feature.mayOccur(text)) mask |= 1 << i;
  });
  return parserFor(mask);
}

/** The mdast tree of a text. */
export function parseMarkdown(text: string): Root {
  return parserForText(text).mdast(text);
}

/** The outline from micromark's events, or undefined where mdast must give it. */
function eventOutline(parser: MarkdownParser, text: string): OutlineNode[] | undefined {
  return parser.taskLists ? undefined : outlineFromEvents(parser.events(text), text);
}

/**
 * The outline of a text: read line by line where the text is plain enough (`fast-outline.ts`),
 * else from micromark's events, else from mdast where it must be.
 */
export function parseOutline(text: string): OutlineNode[] {
  const fast = fastOutline(text);
  if (fast) return fast;
  const front = CLOSED_FRONT_MATTER.exec(text);
  const afterFront = front ? outlineAfterFrontMatter(text, front[0]) : undefined;
  if (afterFront) return afterFront;
  const parser = parserForText(text);
  return eventOutline(parser, text) ?? outlineFromMdast(parser.mdast(text));
}

/**
 * A document's own front matter is not given to micromark: a closed block at the start
 * becomes the outline's `yaml` node here, and micromark starts on the line after it, at
 * that line and offset, so every position is the document's. Read character by character
 * by micromark, a long front matter cost more per KB than a blueprint's whole check (issue
 * 9); the YAML reader reads it anyway. After the closing fence a new block starts, as it
 * does in micromark. `test/unit/parse/front-matter-outline.properties.test.ts` holds this
 * equal to micromark's outline of the whole text. Undefined where the whole text's way
 * must decide (task lists, which mdast reads).
 */
function outlineAfterFrontMatter(text: string, front: string): OutlineNode[] | undefined {
  const rest = text.slice(front.length);
  // micromark drops a byte order mark at the start of its input and counts positions
  // without it (micromark 4.0.2, lib/preprocess.js); after the front matter it is text.
  if (rest.charCodeAt(0) === 0xfeff) return undefined;
  const parser = parserForText(rest);
  if (parser.taskLists) return undefined;
  let line = 1;
  for (let at = front.indexOf('\n'); at >= 0; at = front.indexOf('\n', at + 1)) line++;
  const outline = rest === '' ? [] : outlineFromEvents(parser.events(rest, { line, column: 1, offset: front.length }), text);
  return outline && [yamlNode(text, front), ...outline];
}

/** The `yaml` node micromark's front-matter extension gives for `front`, the closed block at the start of `text`. */
function yamlNode(text: string, front: string): OutlineYaml {
  // The node ends with the closing fence's line, before its line ending.
  const end = front.length - (front.endsWith('\r\n') ? 2 : front.endsWith('\n') ? 1 : 0);
  // The value: from after the opening fence's line ending to the line ending before the closing fence.
  const valueStart = front.indexOf('\n') + 1;
  const closingLine = front.lastIndexOf('\n', end - 1) + 1;
  const valueEnd = closingLine - (text.charCodeAt(closingLine - 2) === 13 ? 2 : 1);
  return { kind: 'yaml', value: valueEnd < valueStart ? '' : text.slice(valueStart, valueEnd), start: 0, end };
}

/** The outline read from mdast only: the reference the fast way must equal. */
export function parseOutlineFromMdast(text: string): OutlineNode[] {
  return outlineFromMdast(parseMarkdown(text));
}

/** micromark's events for a text, from the reused parse context (what the outline is read from). */
export function markdownEvents(text: string): Event[] {
  return parserForText(text).events(text);
}

/** The outline read from events only, or undefined where that way gives up. */
export function parseOutlineFromEvents(text: string): OutlineNode[] | undefined {
  return eventOutline(parserForText(text), text);
}
