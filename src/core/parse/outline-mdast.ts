/**
 * The outline from remark's mdast tree: the reference the fast reader of micromark events
 * (`outlineFromEvents` in outline.ts) must agree with, and the way taken where that reader
 * gives up. See outline.ts for what an outline holds.
 */
import type { Blockquote, Heading, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { OutlineHeading, OutlineItem, OutlineLink, OutlineNode, OutlineSpan } from './outline';

export function outlineFromMdast(root: Root): OutlineNode[] {
  return root.children.map((node) => nodeFromMdast(node, true));
}

function nodeFromMdast(node: RootContent, topLevel: boolean): OutlineNode {
  const span = spanOf(node);
  switch (node.type) {
    case 'heading':
      return headingFromMdast(node, span);
    case 'list':
      return { kind: 'list', ordered: node.ordered === true, items: node.children.map(itemFromMdast), ...span };
    case 'blockquote':
      return topLevel ? { kind: 'blockquote', text: quoteTextFromMdast(node), ...span } : { kind: 'blockquote', ...span };
    case 'html':
      return { kind: 'html', value: node.value, ...span };
    case 'yaml':
      return { kind: 'yaml', value: node.value, ...span };
    case 'paragraph':
      return { kind: 'paragraph', ...span };
    case 'code':
      return { kind: 'code', ...span };
    default:
      return { kind: 'other', ...span };
  }
}

function headingFromMdast(node: Heading, span: OutlineSpan): OutlineHeading {
  const content = node.children.filter((child) => child.type !== 'html');
  const heading: OutlineHeading = { kind: 'heading', depth: node.depth, text: content.map((child) => toString(child)).join(''), ...span };
  if (content.length > 0) heading.content = { start: spanOf(content[0]).start, end: spanOf(content[content.length - 1]).end };
  return heading;
}

function itemFromMdast(item: ListItem): OutlineItem {
  const links: OutlineLink[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link') {
      links.push({ url: node.url, ...spanOf(node) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const child of item.children) visit(child);
  return { children: item.children.map((child) => nodeFromMdast(child, false)), links, ...spanOf(item) };
}

function quoteTextFromMdast(node: Blockquote): string {
  return node.children.map((child) => toString(child)).join('\n');
}

function spanOf(node: Nodes): OutlineSpan {
  const start = node.position?.start.offset ?? 0;
  return { start, end: node.position?.end.offset ?? start };
}
