import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../../src/core/parse/markdown-parser';
import { markdownToHast } from '../../../src/core/render/cell-markdown';
import { toHtml } from 'hast-util-to-html';

// CommonMark without the task-list extension: what a check outside a list item must read as.
const commonMark = unified().use(remarkParse);

describe('task list checks (micromark-util-subtokenize 2.1.0 reads a check after an empty item)', () => {
  it.each([
    ['after an empty item', '\n-\n[x] a'],
    ['after an empty item, unchecked, then a table-like line', '\n*\n[ ] b\n| a | b |'],
    ['after an empty item in a quote', '\n> -\n> [X] c'],
    ['after an empty nested item, in the outer item', '\n- a\n  -\n  [x] d'],
    ['after an empty item that follows a full one', '\n- one\n-\n[x] e'],
  ])('keeps the check as text %s, as CommonMark and GitHub read it', (_, text) => {
    const tree = parseMarkdown(text);
    expect(tree).toEqual(commonMark.parse(text));
    expect(JSON.stringify(tree)).not.toContain('"checked":true');
  });

  it('still reads a task item, also one whose first line is blank', () => {
    const item = (text: string) => {
      const list = parseMarkdown(text).children[0] as Extract<Root['children'][number], { type: 'list' }>;
      return list.children[0];
    };
    expect(item('- [x] done')).toMatchObject({ checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'done' }] }] });
    expect(item('- [ ] open')).toMatchObject({ checked: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'open' }] }] });
    expect(item('-\n  [x] later')).toMatchObject({ checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'later' }] }] });
    // A check in an item's second paragraph is text.
    expect(item('- a\n\n  [x] b')).toMatchObject({ checked: null, children: [{}, { type: 'paragraph', children: [{ type: 'text', value: '[x] b' }] }] });
  });

  it('shows the check as text in a rendered cell', () => {
    const html = markdownToHast('-\n[x] call the office').map((node) => toHtml(node)).join('');
    expect(html).toContain('[x] call the office');
  });
});
