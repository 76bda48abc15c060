/**
 * Cell text: a field's Markdown turned into safe hast. The only way blueprint text reaches
 * the page is mdast → hast (raw HTML dropped) → `hast-util-sanitize` with a strict schema,
 * so a file from any pull request cannot run script or restyle the page.
 */
import type { Element, ElementContent, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { escapeText, markBidiControls } from './escape';
import { findComplexity } from '../parse/complexity';
import { taskListItemFromMarkdown } from '../parse/task-list-check';

/**
 * Inline formatting, lists, quotes and links only. No ids (nothing can clobber the page's
 * own), no classes or styles, no images (a cell is a sentence, and remote images would be
 * trackers), links limited to web and mail schemes; relative links and `#anchors` stay.
 */
export const CELL_SCHEMA: Schema = {
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'textarea', 'title'],
  tagNames: ['p', 'br', 'strong', 'em', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'span'],
  attributes: { a: ['href', 'title'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ul', 'ol'] },
  clobber: [],
  clobberPrefix: '',
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

// GFM's reading side only (what remark-gfm adds to a parser), without the Markdown writer
// that remark-gfm brings along: the web extension's bundle has a size goal (docs/web.md).
// The task-list repair (parse/task-list-check.ts) comes last, so its handlers replace GFM's.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown(), taskListItemFromMarkdown()] };

// Text with none of Markdown's or GFM's active characters renders as itself; skipping the
// parser for it keeps re-rendering a 1000-step journey on each keystroke cheap. Inline
// syntax needs one of these characters, GFM autolinks a scheme, `www.` or an `@`, and
// block syntax a marker at the start of the text.
const INLINE_SYNTAX = /[*_`[\]<>&\\!~|\n\r@]|:\/\/|www\.|mailto:/i;
const BLOCK_START = /^\s*(?:[#>+=-]|\d+[.)])/;

function isPlain(text: string): boolean {
  return !INLINE_SYNTAX.test(text) && !BLOCK_START.test(text);
}

// Re-renders repeat most cell texts unchanged; the sanitised trees are never mutated later.
const cache = new Map<string, ElementContent[]>();
const CACHE_LIMIT = 20000;

/** Sanitised hast children for a cell's Markdown (block content: paragraphs, lists). */
export function markdownToHast(markdown: string): ElementContent[] {
  const source = markdown.trim();
  if (source === '') return [];
  const cached = cache.get(source);
  if (cached) return cached;
  // Text the tokenizer cannot read in linear time (see parse/complexity.ts) is shown as it
  // is written; the parser reports it (`parse.tooComplex*`).
  const asText = isPlain(source) || findComplexity(source) !== undefined;
  const result = asText ? [{ type: 'text', value: source } satisfies ElementContent] : convert(source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, result);
  return result;
}

function convert(source: string): ElementContent[] {
  const mdast = fromMarkdown(source, GFM);
  // `allowDangerousHtml` stays off: raw HTML in the Markdown is dropped here already.
  const hast = toHast(mdast);
  const clean = sanitize(hast, CELL_SCHEMA) as Root | Element;
  const children = clean.type === 'root' || clean.type === 'element' ? clean.children : [];
  return unwrapSingleParagraph(children.filter((node): node is ElementContent => node.type !== 'doctype'));
}

/** A one-paragraph value renders inline, so short cells do not get paragraph margins. */
function unwrapSingleParagraph(nodes: ElementContent[]): ElementContent[] {
  const meaningful = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  if (meaningful.length === 1 && meaningful[0].type === 'element' && meaningful[0].tagName === 'p') {
    return meaningful[0].children;
  }
  return meaningful;
}

// The grid writes HTML strings; serialising the sanitised tree once per distinct text
// keeps a re-render of a large journey from re-serialising unchanged cells.
const htmlCache = new Map<string, string>();

/**
 * A cell's Markdown as sanitised HTML: the tree of `markdownToHast` (raw HTML dropped,
 * strict schema) serialised by `hast-util-to-html`. Plain text is only escaped.
 */
export function markdownToHtml(markdown: string): string {
  const cached = htmlCache.get(markdown);
  if (cached !== undefined) return cached;
  const source = markdown.trim();
  const html = source === '' ? '' : isPlain(source) ? escapeText(source) : markBidiControls(toHtml({ type: 'root', children: markdownToHast(source) }));
  if (htmlCache.size >= CACHE_LIMIT) htmlCache.clear();
  htmlCache.set(markdown, html);
  return html;
}
