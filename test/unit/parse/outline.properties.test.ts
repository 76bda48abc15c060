import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { parseOutlineFromEvents, parseOutlineFromMdast } from '../../../src/core/parse/markdown-parser';
import { blueprintLine, blueprintText } from './arbitraries';

/** Lines with the inline markup and block nesting the fast outline must either read exactly or give up on. */
const INLINE_LINES = [
  '- story: [Waiting](#story-1 "title")', '- story: [A](<#a b>) and [B][ref]', '- persona: [x](other.blueprint.md#x\\-y)',
  '- story: [&amp;](#caf&eacute;)', '- persona: ![img [in](#image)](pic.png)', '- persona: [![pic](a.png)](#wrapped)',
  '- story: <https://example.org/#x> <me@example.org>', '- story: `[code](#no)` [yes](#yes)', '- story: [ref]', '[ref]: #defined',
  '# Step: *emphasis* in a heading', '## Step: `code` heading ##', '### Step: a \\* escape', '#### &copy; entity', '# Heading <!-- note -->',
  '> A *quote* with markup', '> plain quote', '>', '> > nested', '> - list in quote', '>     code in quote', 'lazy continuation',
  '  - nested: item', '    - deeper: item', '  > quote in item', '  ```', '  <div>', '- [ ] task: open', '- [x] task: done',
  'Setext *heading*', 'Setext plain', '===', '---', '  ', '\t- tab', '1) ordered', '2. later', '- ', '-', '+ plus: item',
  'trailing spaces  ', 'a line\\', '| a | b |', '|---|---|', '[^1]', '[^1]: footnote [link](#fn)',
];

const inlineLine = fc.oneof({ weight: 3, arbitrary: blueprintLine }, { weight: 2, arbitrary: fc.constantFrom(...INLINE_LINES) });
const inlineText = fc.array(inlineLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

function expectSameOutline(text: string): void {
  const fast = parseOutlineFromEvents(text);
  if (fast !== undefined) expect(fast, JSON.stringify(text)).toEqual(parseOutlineFromMdast(text));
}

describe('outline from events', () => {
  it('equals the outline read from mdast wherever it gives one (blueprint-like text)', () => {
    fc.assert(fc.property(blueprintText, (text) => expectSameOutline(text)), { numRuns: 400 });
  });

  it('equals the outline read from mdast on inline markup and nesting', () => {
    fc.assert(fc.property(inlineText, (text) => expectSameOutline(text)), { numRuns: 1500 });
  });

  it('equals the outline read from mdast on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expectSameOutline(text)), { numRuns: 400 });
  });

  it('equals the outline read from mdast on every CommonMark example, alone and in a list item', () => {
    const require = createRequire(import.meta.url);
    const spec = (require('commonmark-spec') as { tests: Array<{ markdown: string }> }).tests;
    let fast = 0;
    for (const { markdown } of spec) {
      for (const text of [markdown, '- story: ' + markdown.replace(/\n/g, '\n  '), '> ' + markdown.replace(/\n/g, '\n> ')]) {
        expectSameOutline(text);
        if (parseOutlineFromEvents(text)) fast++;
      }
    }
    // Most examples take the fast way; the rest check that giving up happens where it must.
    expect(fast).toBeGreaterThan(spec.length);
  });

  it('reads links, plain headings and quotes without mdast', () => {
    const text = '# Step: Apply\n- story: [Waiting](#waiting) and [B](b.md#x)\n  - [Nested](#nested)\n\n> I waited.\n> Long.\n';
    const outline = parseOutlineFromEvents(text);
    expect(outline).toBeDefined();
    expect(outline).toEqual(parseOutlineFromMdast(text));
  });
});
