/**
 * Robustness against everything Markdown can hold: every example of the CommonMark spec
 * (the `commonmark-spec` package, pinned) is placed into a blueprint three ways — as the
 * body of a step, as a field value, and as a step heading — and the blueprint is analysed
 * by a `BlueprintWorkspace`. Nothing may throw, and every range the model and the
 * diagnostics hold must lie inside the document, since editors reject or mis-draw ranges
 * that do not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../src/core/workspace';
import type { BlueprintDocument, Range } from '../../src/core/model';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: SpecExample[] };

/** The spec writes tabs as `→` so that they are visible; the examples mean real tabs. */
const examples: SpecExample[] = spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t') }));

const template = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/commonmark/${name}`, import.meta.url)), 'utf8');

const PLACEHOLDER = '{{EXAMPLE}}';

interface Placement {
  name: string;
  template: string;
  /**
   * Analyse each example in a fresh workspace (a full parse), or give the examples one
   * after another to one workspace as new texts of the same document (the incremental
   * re-parse an editor uses, at well under half the cost).
   */
  fresh: boolean;
  /** The example as it must be written at the placeholder. */
  embed(markdown: string): string;
}

const placements: Placement[] = [
  { name: 'inside a step', template: template('in-step.blueprint.md'), fresh: true, embed: (markdown) => markdown.replace(/\n$/, '') },
  {
    // Continuation lines are indented to the list item's content column, so the whole
    // example belongs to the field's list item.
    name: 'as a field value',
    template: template('in-field.blueprint.md'),
    fresh: false,
    embed: (markdown) => markdown.replace(/\n$/, '').replace(/\n(?=[^\n])/g, '\n  '),
  },
  {
    name: 'as a step heading',
    template: template('in-heading.blueprint.md'),
    fresh: false,
    embed: (markdown) => markdown.replace(/\n$/, '').replace(/\n/g, ' '),
  },
];

/** Length of every line, splitting as editors do (`\r\n`, `\r` and `\n` all end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** Why a range does not fit in the document, or undefined when it fits. */
function rangeProblem(range: Range, lengths: number[]): string | undefined {
  const { start, end } = range;
  for (const [label, position] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return `${label} is not an integer position`;
    if (position.line < 0 || position.line >= lengths.length) return `${label} line ${position.line} outside 0..${lengths.length - 1}`;
    if (position.character < 0 || position.character > lengths[position.line]) {
      return `${label} character ${position.character} outside 0..${lengths[position.line]} on line ${position.line}`;
    }
  }
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return 'end before start';
  return undefined;
}

/** Every range the model exposes, labelled for failure messages. */
function modelRanges(doc: BlueprintDocument): Array<[string, Range]> {
  const ranges: Array<[string, Range]> = [];
  for (const section of doc.sections) ranges.push([`section ${section.kind}`, section.range], [`section ${section.kind} heading`, section.headingRange]);
  const items = [...doc.personas, ...doc.stories, ...doc.stages, ...doc.steps];
  for (const item of items) {
    ranges.push([`${item.kind} ${item.id}`, item.range], [`${item.kind} ${item.id} heading`, item.headingRange], [`${item.kind} ${item.id} name`, item.nameRange]);
    ranges.push([`${item.kind} ${item.id} insert position`, { start: item.fieldInsertPosition, end: item.fieldInsertPosition }]);
    for (const field of item.fields) {
      ranges.push([`field ${field.rawKey}`, field.range], [`field ${field.rawKey} key`, field.keyRange], [`field ${field.rawKey} value`, field.valueRange]);
      for (const entry of field.entries) ranges.push([`field ${field.rawKey} entry`, entry.range]);
    }
  }
  for (const ref of doc.references) ranges.push([`reference ${ref.text}`, ref.range], [`reference ${ref.text} slug`, ref.slugRange]);
  if (doc.frontMatter) ranges.push(['front matter', doc.frontMatter.range]);
  return ranges;
}

/** Analyse one blueprint; return the problems found (thrown errors, ranges outside the text). */
function analyse(text: string, shared?: BlueprintWorkspace): string[] {
  const uri = 'file:///commonmark/example.blueprint.md';
  const problems: string[] = [];
  try {
    const workspace = shared ?? newWorkspace();
    const doc = workspace.setText(uri, text);
    const lengths = lineLengths(text);
    if (doc.lineCount !== lengths.length) problems.push(`lineCount ${doc.lineCount}, expected ${lengths.length}`);
    for (const [label, range] of modelRanges(doc)) {
      const problem = rangeProblem(range, lengths);
      if (problem) problems.push(`${label}: ${problem}`);
    }
    for (const diagnostic of workspace.diagnostics(uri)) {
      if (diagnostic.uri !== uri) problems.push(`diagnostic ${diagnostic.rule} for another file: ${diagnostic.uri}`);
      const problem = rangeProblem(diagnostic.range, lengths);
      if (problem) problems.push(`diagnostic ${diagnostic.rule}: ${problem}`);
    }
  } catch (error) {
    problems.push(`threw ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
  return problems;
}

const newWorkspace = (): BlueprintWorkspace => new BlueprintWorkspace({ readFile: async () => undefined });

const sections = [...new Set(examples.map((example) => example.section))];

describe('CommonMark spec examples in a blueprint', () => {
  it('uses the whole spec', () => {
    // 0.31.2 has 652 examples; a packaging change that loses them must not pass silently.
    expect(examples.length).toBeGreaterThanOrEqual(600);
    expect(examples.some((example) => example.markdown.includes('\t'))).toBe(true);
  });

  it.each(placements.map((placement) => [placement.name, placement] as const))(
    'the template %s is a working blueprint with the example where intended',
    (_name, placement) => {
      const text = placement.template.replace(PLACEHOLDER, placement.embed('Plain words here.\n'));
      const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
      const doc = workspace.setText('file:///commonmark/sanity.blueprint.md', text);
      expect(doc.personas.map((p) => p.id)).toEqual(['maria']);
      expect(doc.stages.map((s) => s.id)).toEqual(['discover']);
      expect(doc.steps).toHaveLength(2);
      const first = doc.steps[0];
      if (placement.name === 'as a step heading') expect(first.name).toBe('Plain words here.');
      if (placement.name === 'as a field value') {
        expect(first.fields.find((f) => f.key === 'customer')?.value).toBe('Plain words here.');
      }
      if (placement.name === 'inside a step') expect(first.description).toContain('Plain words here.');
      expect(workspace.diagnostics('file:///commonmark/sanity.blueprint.md')).toEqual([]);
    },
  );

  for (const placement of placements) {
    describe(placement.name, () => {
      it.each(sections)('%s', (section) => {
        const failures: string[] = [];
        const shared = placement.fresh ? undefined : newWorkspace();
        for (const example of examples.filter((e) => e.section === section)) {
          const text = placement.template.replace(PLACEHOLDER, () => placement.embed(example.markdown));
          const problems = analyse(text, shared);
          if (problems.length) failures.push(`example ${example.number}: ${problems.join('; ')}`);
        }
        expect(failures).toEqual([]);
      });
    });
  }
});
