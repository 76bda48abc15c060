/**
 * Fuzzers as tests (issue 9): the examples and the CommonMark spec examples, mutated at
 * random (characters and Markdown tokens inserted, spans deleted or repeated, lines
 * swapped, line endings changed), go through the core as the editor and the CLI use it.
 * For every input:
 *
 * - nothing throws;
 * - every range of the model and of the findings lies inside the document;
 * - the same text gives the same model and findings (determinism);
 * - a parser and a workspace that saw the text before the edit give what a fresh parse
 *   and a fresh workspace give (incremental equals fresh).
 *
 * Runs are bounded (the suite runs on two cores); a failure prints fast-check's seed and
 * the shrunk input, which belongs in the fixtures with the bug fixed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintParser, parseWhole } from '../../../src/core/parse';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import type { BlueprintDocument, Diagnostic, Range } from '../../../src/core/model';

const URI = 'file:///fuzz/journey.blueprint.md';
const EXAMPLES = readdirSync('examples')
  .filter((name) => name.endsWith('.blueprint.md'))
  .map((name) => readFileSync(join('examples', name), 'utf8'));
const SPEC = (createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> }).tests.map((example) =>
  example.markdown.replace(/→/g, '\t'),
);

/** Tokens that matter to Markdown, YAML front matter and the blueprint grammar. */
const TOKENS = [
  '\n', '\n\n', '\r', '\r\n', '\t', ' ', '    ', '#', '## ', '### Step: ', '#### Stap: ', '### Stage: ', '- ', '* ', '1. ', '> ', '>',
  '```', '~~~', '---', '...', '***', '===', '|', '| - |', '*', '_', '**', '~', '`', '[', ']', '(', ')', '](', '![', '<', '>', '</div>',
  '<div>', '<!--', '-->', '<?', '?>', '&amp;', '&#', '\\', '@', '@maria', '#', '- persona: ', '- persona: @maria', '- story: #', ':', ': ',
  'personas: ', 'lang: nl', 'lang: en', '*a', '&a', '\u0000', '\u202e', '\uD800', '\uDC00', '😀', 'é', 'e\u0301', '\u00a0', '\ufeff',
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'eol'; eol: '\n' | '\r' | '\r\n' };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position.map(String), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }), fc.constantFrom(...SPEC)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position.map(String), length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: position.map(String), length: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: position.map(String), b: position.map(String) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r' as const, '\r\n' as const) }) },
).map((m) => {
  // Positions as fractions of the text (kept as strings for readable counterexamples).
  const record = { ...m } as Record<string, unknown>;
  for (const key of ['at', 'a', 'b']) if (typeof record[key] === 'string') record[key] = Number(record[key]);
  return record as unknown as Mutation;
});

function mutate(text: string, m: Mutation): string {
  const at = (fraction: number): number => Math.floor(fraction * (text.length + 1));
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'repeat': {
      const start = at(m.at);
      return text.slice(0, start) + text.slice(start, start + m.length).repeat(m.times) + text.slice(start);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = Math.floor(m.a * lines.length);
      const b = Math.floor(m.b * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.eol);
  }
}

/** A base text: an example blueprint, or one with a CommonMark example placed into a step. */
const base = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...EXAMPLES) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...EXAMPLES), fc.constantFrom(...SPEC), position).map(([example, spec, where]) => {
      const steps = [...example.matchAll(/^#{3,4} (?:Step|Stap): .*$/gm)];
      const step = steps[Math.floor(where * steps.length)];
      const at = step ? step.index + step[0].length + 1 : example.length;
      return example.slice(0, at) + '\n' + spec + '\n' + example.slice(at);
    }),
  },
);

const input = fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, mutations]) => ({
  before: text,
  after: mutations.reduce(mutate, text),
}));

function rangesOf(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const item of value) rangesOf(item, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'object' && typeof record.end === 'object' && record.start && record.end) out.push(record as unknown as Range);
    for (const [key, child] of Object.entries(record)) if (key !== 'text') rangesOf(child, out);
  }
  return out;
}

function expectInside(text: string, doc: BlueprintDocument, diagnostics: readonly Diagnostic[]): void {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  expect(doc.lineCount).toBe(lengths.length);
  for (const range of [...rangesOf(doc), ...diagnostics.map((d) => d.range)]) {
    for (const p of [range.start, range.end]) {
      expect(p.line >= 0 && p.line < lengths.length, JSON.stringify(range)).toBe(true);
      expect(p.character >= 0 && p.character <= lengths[p.line], JSON.stringify(range)).toBe(true);
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    expect(ordered, JSON.stringify(range)).toBe(true);
  }
}

const host = { readFile: async (): Promise<undefined> => undefined };

function analyse(text: string): { doc: BlueprintDocument; diagnostics: Diagnostic[] } {
  const workspace = new BlueprintWorkspace(host);
  const doc = workspace.setText(URI, text);
  return { doc, diagnostics: workspace.diagnostics(URI) };
}

describe('fuzzing the core with mutated examples and CommonMark examples', () => {
  it('never throws, keeps every range inside, and is deterministic', () => {
    fc.assert(
      fc.property(input, ({ after }) => {
        const first = analyse(after);
        expectInside(after, first.doc, first.diagnostics);
        const second = analyse(after);
        expect(second.doc).toEqual(first.doc);
        expect(second.diagnostics).toEqual(first.diagnostics);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('an incrementally edited document equals a fresh parse, and its findings fresh findings', () => {
    fc.assert(
      fc.property(input, ({ before, after }) => {
        const parser = new BlueprintParser();
        parser.parse(before, URI);
        expect(parser.parse(after, URI)).toEqual(parseWhole(after, URI));
        const workspace = new BlueprintWorkspace(host);
        workspace.setText(URI, before);
        workspace.diagnostics(URI);
        workspace.setText(URI, after);
        expect(workspace.diagnostics(URI)).toEqual(analyse(after).diagnostics);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
