/**
 * The one Markdown parser of the project: remark with front matter and GFM, so that
 * what GitHub renders and what we check are the same document.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

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
