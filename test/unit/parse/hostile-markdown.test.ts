/**
 * Markdown shapes that cost micromark quadratic time (issue 9): nesting on one line,
 * runs of emphasis and bracket markers, huge tables. The section that holds one is read
 * as plain text with a `parse` warning where the shape starts; the rest of the file is
 * read exactly. (A document parsed whole is one section, so it is read as plain text
 * whole: `parseWhole` is the reference for chunking only below the guard's limits.) Timings are measured in `npm run bench`, not here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BlueprintParser, parseBlueprint } from '../../../src/core/parse';
import { findComplexity, MAX_LINE_NESTING, markerLimit } from '../../../src/core/parse/complexity';
import { formatMessage } from '../../../src/core/i18n/message-catalogue';
import { markdownToHtml } from '../../../src/core/render/cell-markdown';
import { runFixture } from '../helpers/expectations';

const folder = fileURLToPath(new URL('../../fixtures/hostile/markdown/', import.meta.url));
const fixtures = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
const URI = 'file:///w/hostile.blueprint.md';

/** The shapes of issue 9 at the size the red team used (16 KB and more). */
const ISSUE_SHAPES: Record<string, string> = {
  '`- ` x 16,000, then text': '- '.repeat(16000) + 'a',
  '`>` x 64,000': '>'.repeat(64000),
  '`> - ` x 8,000': '> - '.repeat(8000),
  '`*a_` x 40,000': '*a_'.repeat(40000),
  'nested `[` (240 KB)': '['.repeat(120000) + ']'.repeat(120000),
};

describe.each(Object.keys(fixtures))('hostile Markdown fixture %s', (name) => {
  it('warns where the shape starts, and reads the steps before and after it', async () => {
    const { expected, actual } = await runFixture({ [name]: fixtures[name] });
    expect(actual).toEqual(expected);
    const doc = parseBlueprint(fixtures[name], URI);
    expect(doc.steps.map((step) => step.name)).toEqual(['Before', 'Hostile', 'After']);
    expect(doc.steps[2].fields.map((field) => field.value)).toEqual(['@maria', 'still read']);
    expect(doc.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^parse\.tooComplex(Nesting|Markers|Table)$/)]);
  });

  it('re-parses after an edit elsewhere exactly as a fresh parse', () => {
    const parser = new BlueprintParser();
    parser.parse(fixtures[name], URI);
    const edited = fixtures[name].replace('- customer: still read', '- customer: still read, edited');
    expect(parser.parse(edited, URI)).toEqual(parseBlueprint(edited, URI));
    expect(parser.lastParsedChunks).toBe(1);
  });
});

describe('the shapes of issue 9', () => {
  it.each(Object.entries(ISSUE_SHAPES))('%s is read as plain text with a warning', (_name, shape) => {
    const text = `# T\n\n## Journey\n\n### Step: Hostile\n${shape}\n\n### Step: After\n- customer: reads\n`;
    const doc = parseBlueprint(text, URI);
    expect(doc.steps.map((step) => step.name)).toEqual(['Hostile', 'After']);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0].message).toMatch(/^parse\.tooComplex/);
    expect(doc.problems[0].range.start.line).toBe(5);
  });

  it('the render shows such text escaped, as text', () => {
    const html = markdownToHtml('<b>x</b> ' + '*a_'.repeat(2000));
    expect(html.startsWith('&#x3C;b>x&#x3C;/b> *a_*a_') || html.startsWith('&lt;b&gt;x&lt;/b&gt; *a_*a_')).toBe(true);
  });
});

describe('the guard', () => {
  it('leaves ordinary Markdown alone: the examples and the realistic fixtures', () => {
    const roots = ['../../../examples/', '../../fixtures/realistic/'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
    const files = roots.flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => join(root, file)));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(findComplexity(readFileSync(file, 'utf8')), file).toBeUndefined();
  });

  it('allows nesting up to the limit on a line, and a paragraph of markers up to its limit', () => {
    expect(findComplexity('> '.repeat(MAX_LINE_NESTING) + 'a')).toBeUndefined();
    expect(findComplexity('> '.repeat(MAX_LINE_NESTING + 1) + 'a')).toMatchObject({ kind: 'nesting', count: MAX_LINE_NESTING + 1 });
    const paragraph = (units: number): string => '*a '.repeat(units);
    let units = 1;
    while (units + 1 <= markerLimit(paragraph(units + 1).length)) units++;
    expect(findComplexity(paragraph(units))).toBeUndefined();
    expect(findComplexity(paragraph(units + 1))).toMatchObject({ kind: 'markers', count: units + 1 });
    // Blank lines end a paragraph: the same markers in short paragraphs are fine.
    expect(findComplexity(Array.from({ length: 100 }, () => paragraph(100)).join('\n\n'))).toBeUndefined();
  });

  it('counts nesting carried over from earlier lines by indentation', () => {
    const staircase = Array.from({ length: 40 }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n');
    expect(findComplexity(staircase)).toMatchObject({ kind: 'nesting', count: MAX_LINE_NESTING + 1 });
  });

  it('has the warnings in English and Dutch', () => {
    expect(formatMessage('en', 'parse.tooComplexNesting', { count: 20, limit: 16 })).toContain('nested 20 deep');
    expect(formatMessage('nl', 'parse.tooComplexNesting', { count: 20, limit: 16 })).toContain('20 diep genest');
    expect(formatMessage('nl', 'parse.tooComplexMarkers', { count: 900, limit: 300 })).toContain('platte tekst');
    expect(formatMessage('nl', 'parse.tooComplexTable', { count: 900, limit: 300 })).toContain('tabel van 900 cellen');
  });
});
