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
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';

/** remark-gfm's block structure, as a plugin: its extensions minus the inline-only ones. */
function remarkGfmStructure(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmFootnoteFromMarkdown(),
  );
}

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmStructure);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfmStructure);

/** A closed YAML front matter block at the very start of the text. */
const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * The front-matter extension is only used when the text starts with a closed block:
 * an unclosed `---` at the start makes it turn the lists below into paragraphs,
 * where GitHub (and CommonMark) see a thematic break followed by lists.
 */
export function parseMarkdown(text: string): Root {
  return (CLOSED_FRONT_MATTER.test(text) ? withFrontMatter : withoutFrontMatter).parse(text);
}
