/**
 * A leading byte-order mark is dropped as the editor and the command line drop it when
 * they read a file: the front matter after it counts, and a document read in one piece
 * equals one read in chunks (the fuzz test found them differing: micromark counted every
 * offset after a BOM one short, so a whole-document parse lost every field's references).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlueprintParser, parseBlueprint, parseWhole } from '../../../src/core/parse';
import { BlueprintWorkspace } from '../../../src/core/workspace';

const URI = 'file:///w/apply.blueprint.md';
const example = readFileSync('examples/apply-for-housing-benefit.blueprint.md', 'utf8');
const host = { readFile: async (): Promise<undefined> => undefined };

function findings(text: string): string[] {
  const workspace = new BlueprintWorkspace(host);
  workspace.setText(URI, text);
  return workspace.diagnostics(URI).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.rule}`);
}

describe('a leading byte-order mark', () => {
  it('reads the front matter after it, and gives the findings of the text without it', () => {
    const doc = parseBlueprint('\uFEFF' + example, URI);
    expect(doc.frontMatter?.data.blueprint).toBe('Apply for housing benefit');
    expect(doc.lang).toBe('en');
    expect(findings('\uFEFF' + example)).toEqual(findings(example));
  });

  it('gives the same model read whole, in chunks, and after an edit that adds it', () => {
    const withMark = '\uFEFF' + example;
    const parser = new BlueprintParser();
    parser.parse(example, URI);
    const edited = parser.parse(withMark, URI);
    const whole = parseWhole(withMark, URI);
    expect(edited).toEqual(whole);
    expect(whole).toEqual(parseBlueprint(example, URI));
    expect(whole.references.length).toBeGreaterThan(10);
  });

  it('is dropped only at the very start', () => {
    const inside = example.replace('## Journey', '\uFEFF## Journey');
    expect(parseWhole(inside, URI)).toEqual(parseBlueprint(inside, URI));
  });
});
