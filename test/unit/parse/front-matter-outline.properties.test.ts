/**
 * A document's own front matter is not tokenized: `parseOutline` makes its `yaml` node from
 * the text and starts micromark on the line after it (markdown-parser.ts). The outline must
 * be exactly the one micromark gives for the whole text (or mdast, where events give up),
 * for any front matter (empty, blank lines, CRLF, spaces after a fence, `---` and lists
 * inside) and any body (lists and quotes right after the fence, another `---` block, a
 * paragraph the fence could have been a setext underline of, task lists, definitions).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOutline, parseOutlineFromEvents, parseOutlineFromMdast } from '../../../src/core/parse/markdown-parser';
import { blueprintLine } from './arbitraries';

const FRONT_LINES = ['blueprint: T', 'lang: nl', 'personas:', '  - a.blueprint.md', '- x', '', '  ', '# comment', 'notes: |', '  text',
  '[a]: #a', '| a | b |', '| - | - |', '- [ ] task', '```', '<div>', '> quote', 'a: [b', '***', '--', '----', '--- ', '===', '\t'];
const fence = fc.constantFrom('---', '---', '--- ', '---\t');
const frontMatter = fc.tuple(fence, fc.array(fc.constantFrom(...FRONT_LINES), { maxLength: 6 }), fence)
  .map(([open, lines, close]) => [open, ...lines, close]);
const BODY_FIRST = ['', '# Title', '\ufeff# Title', '\ufeff ', '- item', '> quote', '---', '***', 'text', '===', '    code', '```', '[a]: #a', '- [ ] task', '<!--', '| a |'];
const text = fc.tuple(
  frontMatter,
  fc.constantFrom(...BODY_FIRST),
  fc.array(blueprintLine, { maxLength: 20 }),
  fc.constantFrom('\n', '\r\n'),
  fc.boolean(),
).map(([front, first, body, eol, endsAtFence]) => (endsAtFence ? front.join(eol) : [...front, first, ...body].join(eol)));

const reference = (source: string) => parseOutlineFromEvents(source) ?? parseOutlineFromMdast(source);

describe('outline after a front matter', () => {
  it('equals micromark\'s outline of the whole text', () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(parseOutline(source)).toEqual(reference(source));
      }),
      { numRuns: 1500 },
    );
  });

  it('holds on hand-picked edges', () => {
    for (const source of ['---\n---\n', '---\n---', '---\r\n---\r\n# T\r\n', '---\na: b\n---\n- x\n---\nb: c\n---\n', '---\n\n\n---\n\n# T\n- a: b\n',
      '---\na\n---\nSetext?\n---\n', '---\na\n---\n> q\nlazy\n', '---\na\n---\n    code\n',
      // A byte order mark after the front matter is text (micromark would drop it at the start of its input).
      '---\nlang: nl\n---\n\ufeff ', '---\na\n---\n\ufeff## Journey\n\n### Step: A\n']) {
      expect(parseOutline(source)).toEqual(reference(source));
    }
  });
});
