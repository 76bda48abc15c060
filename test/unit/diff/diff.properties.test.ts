/**
 * Properties of the semantic diff: a version against itself is empty, whitespace
 * reformatting changes nothing, moving one step is exactly one `step-moved`, and
 * findings moved with their text are neither new nor fixed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blueprintText } from '../parse/arbitraries';
import { normalise } from '../../../src/core/diff/snapshot';
import { diffFiles, diffTexts, journeyChanges } from './helpers';

const example = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
const EXAMPLES = ['apply-for-housing-benefit.blueprint.md', 'bijstand-aanvragen.blueprint.md'];
const PERSONAS = example('personas.blueprint.md');

/** Reformats whitespace only: trailing spaces, runs of spaces inside values, blank lines after headings. */
function reformat(text: string, seed: number): string {
  return text
    .split('\n')
    .map((line, i) => {
      if (/^- [^:]+: \S/.test(line) && (i + seed) % 2 === 0) return line.replace(/ (?=\S)/g, (space, at: number) => (at > 2 ? '   ' : space)) + '  ';
      if (/^#{1,6} /.test(line) && (i + seed) % 3 === 0) return `${line.replace(/^(#+) /, '$1   ')}\n`;
      return line;
    })
    .join('\n');
}

describe('semantic diff properties', () => {
  it('normalise (with its fast path for text already normal) equals collapsing every whitespace run and trimming', () => {
    const piece = fc.constantFrom('a', 'Zoë', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\f', 'x y');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
      expect(normalise(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }), { numRuns: 2000 });
  });

  it.each(EXAMPLES)('diff(a, a) is empty for %s', async (name) => {
    const text = example(name);
    const diff = await diffFiles(
      { 'journey.blueprint.md': text, 'personas.blueprint.md': PERSONAS },
      { 'journey.blueprint.md': text, 'personas.blueprint.md': PERSONAS },
    );
    expect(diff.changes).toEqual([]);
  });

  it('diff(a, a) is empty for generated blueprints', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintText, async (text) => {
        expect((await diffTexts(text, text)).changes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(EXAMPLES)('reformatting whitespace changes nothing in %s', async (name) => {
    const text = example(name);
    for (const seed of [0, 1, 2]) {
      const reformatted = reformat(text, seed);
      expect(reformatted).not.toBe(text);
      const diff = await diffFiles(
        { 'journey.blueprint.md': text, 'personas.blueprint.md': PERSONAS },
        { 'journey.blueprint.md': reformatted, 'personas.blueprint.md': PERSONAS },
      );
      expect(diff.changes).toEqual([]);
    }
  });

  /** A journey of `stages` stages with two or more steps each, step j of stage i named `S{i}-{j}`. */
  const journey = (sizes: number[], moved?: { from: [number, number]; to: number }): string => {
    const blocks = sizes.map((size, i) => Array.from({ length: size }, (_, j) => `#### Step: S${i}-${j}\n- persona: @maria\n- customer: does thing ${i} ${j}\n${j === 0 ? '- chanel: typo\n' : ''}`));
    if (moved) {
      const [block] = blocks[moved.from[0]].splice(moved.from[1], 1);
      blocks[moved.to].push(block);
    }
    return `---\nblueprint: Moves\n---\n\n## Personas\n\n### Maria\n- heard: 2024-01-01, interview\n\n## Journey\n\n${blocks.map((steps, i) => `### Stage: Stage ${i}\n\n${steps.join('\n')}`).join('\n')}`;
  };

  it('moving one step to another stage gives exactly one step-moved, and its findings move along', async () => {
    const cases = fc
      .array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 4 })
      .chain((sizes) => fc.tuple(fc.constant(sizes), fc.nat(sizes.length - 1)).chain(([sizes, from]) =>
        fc.tuple(fc.constant(sizes), fc.constant(from), fc.nat((sizes[from] as number) - 1), fc.nat(sizes.length - 1).filter((to) => to !== from))));
    await fc.assert(
      fc.asyncProperty(cases, async ([sizes, from, index, to]) => {
        const { changes } = await diffTexts(journey(sizes), journey(sizes, { from: [from, index], to }));
        expect(changes).toEqual([expect.objectContaining({ kind: 'step-moved', step: `s${from}-${index}`, from: `stage-${from}`, to: `stage-${to}` })]);
      }),
      { numRuns: 40 },
    );
  });

  it('findings moved with their text are neither new nor fixed', async () => {
    const base = journey([3, 3]);
    const head = journey([3, 3], { from: [0, 0], to: 1 });
    const { changes } = await diffTexts(base, head);
    expect(journeyChanges(changes)).toHaveLength(1);
    expect(changes.filter((c) => c.kind.startsWith('finding-'))).toEqual([]);
  });
});
