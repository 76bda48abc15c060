/**
 * The plain front-matter reader (src/core/parse/simple-yaml.ts) answers only for text it
 * reads exactly as the `yaml` library does: same data, same value ranges, no error. Any
 * other text it must leave to the library (undefined). Generated from lines that mix the
 * plain forms with what YAML reads differently (numbers, booleans, quotes, comments,
 * colons, continuations, tabs, CR, nesting, repeated keys).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { readSimpleFrontMatter } from '../../../src/core/parse/simple-yaml';
import { parseBlueprint } from '../../../src/core/parse';

const KEYS = ['blueprint', 'title', 'lang', 'taal', 'status', 'personas', "persona's", 'persona', 'notes', 'a', 'Owner_2', 'x-y'];
const PLAIN_VALUES = [
  'Apply for housing benefit', 'en', 'nl', 'tested', 'personas.blueprint.md', 'shared/personas.blueprint.md', 'maria, ahmed', 'Zoë',
  'a (b) c', "it's", 'a, b', 'Ünïcode wörds', 'q?', 'x!', 'mail@host', 'a & b', 'a.b.c', 'truely', 'nullable', 'Yes', 'e1',
];
// What YAML reads as something else, or where a plain reader would slip.
const TRICKY_VALUES = [
  '1', '1.5', '0x1F', '.inf', 'true', 'False', 'NULL', 'null', '~', 'yes', 'on', '-1', '+1', '1e3',
  '"quoted"', "'single'", 'a: b', 'a #comment', 'a#b', '#c', '[a, b]', '{a: b}', '&anchor a', '*alias', '!tag a', '@maria', '`x`',
  '|', '>', '- x', '? x', '%x', 'a\tb', 'a ', ' a', '', 'a:', 'http://x', '10:30',
];
const value = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_VALUES), weight: 12 }, { arbitrary: fc.constantFrom(...TRICKY_VALUES), weight: 1 });
const line = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...KEYS), value).map(([key, text]) => `${key}: ${text}`), weight: 12 },
  { arbitrary: fc.constantFrom(...KEYS).map((key) => `${key}:`), weight: 6 },
  { arbitrary: fc.tuple(fc.constantFrom('', '  ', '  ', '  ', ' ', '    ', '\t'), value).map(([indent, text]) => `${indent}- ${text}`), weight: 12 },
  { arbitrary: fc.constantFrom('', '  ', '# comment', '  continued', 'key:value', '  nested: map', '---', '...', '-', '  -', 'k:  two spaces', ': x'), weight: 1 },
  // Lines that String.trim() finds blank and YAML does not (no-break space, BOM, VT, FF, ideographic space).
  { arbitrary: fc.tuple(fc.constantFrom('', '  '), fc.constantFrom('\u00a0', '\ufeff', '\v', '\f', '\u3000', '\u2028')).map(([indent, space]) => indent + space), weight: 1 },
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const looseLines = fc.array(line, { maxLength: 10 });
// Entries with distinct keys, each a value or a list at one indentation: mostly the plain kind.
const entry = (key: string) => fc.oneof(
  value.map((text) => [`${key}: ${text}`]),
  fc.tuple(fc.constantFrom('', '  ', '    '), fc.array(value, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([indent, items, blank]) => [`${key}:`, ...items.map((text) => `${indent}- ${text}`), ...(blank ? [''] : [])]),
);
const entries = fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 6 }).chain((keys) => fc.tuple(...keys.map(entry))).map((groups) => groups.flat());
const source = fc.tuple(fc.oneof(looseLines, entries), eol).map(([lines, end]) => lines.map((l) => l + end).join(''));

function libraryNode(node: unknown): unknown {
  const yamlNode = node as YamlNode;
  if (isScalar(yamlNode)) return { kind: 'scalar', value: yamlNode.value, range: yamlNode.range?.slice(0, 2) };
  if (isSeq(yamlNode)) return { kind: 'seq', items: yamlNode.items.map(libraryNode) };
  return { kind: 'other' };
}

describe('plain front-matter reader', () => {
  it('answers only as the yaml library reads the text', () => {
    fc.assert(
      fc.property(source, (text) => {
        const simple = readSimpleFrontMatter(text);
        if (!simple) return;
        const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
        expect(document.errors).toEqual([]);
        expect(document.warnings).toEqual([]);
        expect(simple.data).toEqual(document.toJS());
        expect(Object.keys(simple.data)).toEqual(Object.keys(document.toJS() as object));
        for (const [key, node] of simple.nodes) {
          const mine = node.kind === 'scalar' ? node : { kind: 'seq', items: node.items };
          expect(mine).toEqual(libraryNode(document.get(key, true)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a line of other white space than spaces to the library (YAML reads it as text)', () => {
    for (const space of ['\u00a0', '\ufeff', '\v', '\f', '\u3000']) {
      // The library: `title: a` then an implicit key without a colon (an error), or the list cut short.
      expect(readSimpleFrontMatter(`title: a\n${space}\nlang: en\n`)).toBeUndefined();
      expect(readSimpleFrontMatter(`personas:\n  - a\n${space}\n  - b\n`)).toBeUndefined();
      expect(readSimpleFrontMatter(`title: a\n  ${space}\n`)).toBeUndefined();
    }
    expect(readSimpleFrontMatter('title: a\n   \n\nlang: en\n')?.data).toEqual({ title: 'a', lang: 'en' });
  });

  it('reads the examples\' kind of front matter itself', () => {
    expect(readSimpleFrontMatter('blueprint: Apply for housing benefit\nlang: en\nstatus: tested\npersonas: personas.blueprint.md\n')).toBeDefined();
    expect(readSimpleFrontMatter('title: T\r\npersonas:\r\n  - a.blueprint.md\r\n  - b.blueprint.md\r\n\r\npersona: maria, ahmed\r\n')).toBeDefined();
    expect(readSimpleFrontMatter('notes:\n- a long note line\n- another\n')).toBeDefined();
  });

  it('gives the document the same front matter and findings as the library', () => {
    const plain = '---\nblueprint: T\nlang: nl\nstatus: unknownword\npersonas:\n  - a.blueprint.md\npersona: maria, ahmed\n---\n\n# T\n';
    // A space after a value sends the same front matter to the library (the value is the same).
    const library = plain.replace('unknownword\n', 'unknownword \n');
    expect(readSimpleFrontMatter(plain.slice(4, plain.indexOf('---\n', 4)))).toBeDefined();
    expect(readSimpleFrontMatter(library.slice(4, library.indexOf('---\n', 4)))).toBeUndefined();
    const a = parseBlueprint(plain, 'file:///a.blueprint.md');
    const b = parseBlueprint(library, 'file:///a.blueprint.md');
    expect(a.problems.length).toBeGreaterThan(0);
    expect([a.frontMatter, a.problems, a.references]).toEqual([b.frontMatter, b.problems, b.references]);
  });
});
