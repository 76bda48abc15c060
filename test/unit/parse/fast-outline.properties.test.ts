import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastOutline } from '../../../src/core/parse/fast-outline';
import { parseOutlineFromEvents, parseOutlineFromMdast } from '../../../src/core/parse/markdown-parser';
import { generateBlueprint } from '../../../bench/generate';
import { blueprintLine, blueprintText } from './arbitraries';

/** Lines of the shapes the line reader reads. */
const READ_LINES = [
  '', '', '', '# Title', '## Personas', '### Stage: Apply', '#### Step: Reads the letter', '###### Six', '# A  b', '# C#', '# 1. numbered',
  '- persona: @maria, @ahmed', '- story: [Waiting](#story-number-1-about-waiting)', '- customer: reads the *letter* and calls',
  '- support: the [benefit rules](https://example.org/rules); [b](b.md#x)', '- evidence: a_b_c and __strong__', '- @maria',
  '- x: [a](b)(c)', '- x: *[a](b)*', '- x: [a b](c%20d)', '- emotion: @maria -1; @ahmed 2', '  continued *line* with [a](#b)',
  '  and more', 'Notes from the session: the customer wanted **one** person.', 'Another line of the note.', 'Setext',
  '> I waited 2 weeks and nobody called me back.', '> second line', '> ends with #', 'Caf\u00e9 au lait', 'e\u0301 combining',
  // Nested quotes, indented items and their continuations, thematic breaks (issue 9's long list and containers).
  '> > nested quote', '> > > three deep', '> > > > > > > > > > > > > > > > a', '  - an indented note', '   - three spaces', ' - one space',
  '  - [a link](x.md) in a note', '    continued four', '      continued six', ' lazy one', '---', '----', '***', '___',
  // HTML blocks: comments up to `-->`, block tags up to a blank line, anything inside them.
  '<!-- a comment -->', '<!-- opens', 'closes -->', '<div>', '</div>', '<DIV class="x">', '<details>', '<summary>More</summary>',
  '<section/>', '<p>', '<table>', '<tr><td>cell</td></tr>', '</table>', '<hr>', '  ', '<span>inline</span>', '<x-y>',
];

/** Near misses: lines with one thing more, which must be read exactly or given up on. */
const NEAR_MISSES = [
  '####### Seven', '# Ends with #', '# a #', '#No space', '#', '# ', '# *emph*', '# x\\y', '# a \\* b', '# Tom & Jerry', '# a &amp; b',
  '- x: [a](b)]', '- x: ![a](b)', '- x: [a] b', '- x: [](b)', '- x: [a](<b>)', '- x: [a](b "t")', '- x: [a](b c)', '- x: [a](b&amp;c)',
  '- x: [a](b\\_c)', '- x: \\[a](b)', '- x: `[a](b)`', '- x: <b>', '- x: [*a*](b)', '- x: a\\', '- [ ] task', '- [x] task: done',
  '- 1. nested', '- - nested', '- # heading', '- > quote', '-  two spaces', '- ', '-', '  2. not a continuation', '   three spaces',
  '  - nested', '    code', '===', '---', '***', '>', '> > nested', '> *emph*', '> a \\# b', '>no space', '> - item', 'trailing space ',
  '\tTab', 'a\ttab', '1. ordered', '* star', '+ plus', '<!-- comment -->', '```', '| a | b |', '|---|---|', '[ref]: #x', '- x: [ref]',
  '😀 emoji', 'nbsp\u00a0here', 'a\u0000nul', 'lone\rcr', 'x [^1]', '[^1]: note',
  '    - four spaces', '     - five', '  -', '  - ', '  -  two', '  - - x', '>> a', '> >a', '> > ', '> >', '>  > a', '- - -', '-- -', '* * *',
  '--', '**', '__a', '---a', '--- ', ' ---', '  ***', '> ---', '  > a', '> > - x', '  # not a heading',
  '<!-->', '<!--->', '<!---->', '<!-- a -- b -->', '<div/x>', '<div/>', '<divx>', '<div\tx>', ' <div>', '<pre>', '<script>', '</script>',
  '<style>', '<textarea>', '<?php ?>', '<!DOCTYPE html>', '<![CDATA[ x ]]>', '<a href="x">', '</a>', '<div>\u0000', '<div>\ttab',
];

const plainLine = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...READ_LINES) },
  { weight: 2, arbitrary: fc.constantFrom(...NEAR_MISSES) },
  { weight: 1, arbitrary: blueprintLine },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const plainText = fc
  .tuple(fc.array(plainLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, finalEol]) => lines.join(eol) + (finalEol ? eol : ''));

/** When the line reader gives an outline, it is micromark's (read from events, and from mdast). */
function expectMicromarkOutline(text: string): boolean {
  const fast = fastOutline(text);
  if (fast === undefined) return false;
  expect(fast, JSON.stringify(text)).toEqual(parseOutlineFromMdast(text));
  const events = parseOutlineFromEvents(text);
  if (events !== undefined) expect(fast, JSON.stringify(text)).toEqual(events);
  return true;
}

describe('outline read line by line', () => {
  it('equals micromark outline on plain blueprint lines and their near misses', () => {
    let read = 0;
    fc.assert(
      fc.property(plainText, (text) => {
        if (expectMicromarkOutline(text)) read++;
      }),
      { numRuns: 4000 },
    );
    // The property is not vacuous: a good share of the texts are read line by line.
    expect(read).toBeGreaterThan(1000);
  });

  it('equals micromark outline on blueprint-like text', () => {
    fc.assert(fc.property(blueprintText, (text) => void expectMicromarkOutline(text)), { numRuns: 600 });
  });

  it('equals micromark outline on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void expectMicromarkOutline(text)), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('a', ' ', '-', '#', '>', '\n', '\r', '[', ']', '(', ')', '*', '@', '2', '.') }), (text) => void expectMicromarkOutline(text)), { numRuns: 3000 });
  });

  it('reads the chunks of a generated blueprint (the bench) without micromark, but its front matter', () => {
    const text = generateBlueprint(30);
    const chunks = text.split(/\n(?=#)/).map((chunk, i, all) => (i < all.length - 1 ? chunk + '\n' : chunk));
    const read = chunks.filter((chunk) => expectMicromarkOutline(chunk));
    expect(read.length).toBe(chunks.length - 1);
    expect(expectMicromarkOutline(text.replace(/\n/g, '\r\n').split(/\r\n(?=#)/)[3])).toBe(true);
  });
});
