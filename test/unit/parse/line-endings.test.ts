/**
 * CR (classic Mac), LF and CRLF line endings are the same document: the same findings at
 * the same line and character, the front matter read in each, and no range ending
 * between the CR and the LF of a CRLF.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { parseBlueprint } from '../../../src/core/parse';
import { LineIndex } from '../../../src/core/parse/text';
import { hasBlueprintFrontMatter } from '../../../src/core/features/scope';
import type { Diagnostic, Range } from '../../../src/core/model';
import { fixtureUri, memoryHost } from '../helpers/expectations';
import { blueprintText } from './arbitraries';

type Eol = '\n' | '\r' | '\r\n';
const EOLS: Eol[] = ['\n', '\r', '\r\n'];
const withEol = (text: string, eol: Eol): string => text.replace(/\r\n|\r|\n/g, eol);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.md') ? [path] : [];
  });
}

/** One finding as the user sees it: rule, severity, message and range. */
const shape = (d: Diagnostic): string =>
  `${d.rule} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

async function findings(files: Record<string, string>): Promise<Record<string, string[]>> {
  const workspace = new BlueprintWorkspace(memoryHost(files));
  for (const [path, text] of Object.entries(files)) workspace.setText(fixtureUri(path), text);
  await workspace.loadDependencies();
  return Object.fromEntries(Object.keys(files).map((path) => [path, workspace.diagnostics(fixtureUri(path)).map(shape)]));
}

/** Fixture folders (each analysed as one set of files), the examples and the realistic blueprints. */
function fixtureSets(): Array<{ name: string; files: Record<string, string> }> {
  const dirs = [
    'examples',
    ...['test/fixtures/rules', 'test/fixtures/realistic'].flatMap((root) =>
      readdirSync(root).flatMap((rule) => {
        const path = join(root, rule);
        const children = readdirSync(path).map((c) => join(path, c)).filter((c) => statSync(c).isDirectory());
        return children.length > 0 ? children : [path];
      }),
    ),
  ];
  return dirs.map((dir) => ({
    name: dir,
    files: Object.fromEntries(filesUnder(dir).map((path) => [relative(dir, path), readFileSync(path, 'utf8')])),
  }));
}

function rangesOf(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const item of value) rangesOf(item, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'object' && typeof record.end === 'object' && record.start && record.end) out.push(record as unknown as Range);
    for (const [key, child] of Object.entries(record)) if (key !== 'text') rangesOf(child, out);
  }
  return out;
}

describe('line endings', () => {
  it('the line index breaks lines at CR, LF and CRLF alike', () => {
    const index = new LineIndex('a\rb\nc\r\nd');
    expect(index.lineStarts).toEqual([0, 2, 4, 7]);
    expect(index.positionAt(1)).toEqual({ line: 0, character: 1 });
    expect(index.positionAt(6)).toEqual({ line: 2, character: 1 }); // between CR and LF: the end of line 2
    expect(index.offsetAt({ line: 2, character: 9 })).toBe(5);
    expect(index.offsetAt({ line: 1, character: 9 })).toBe(3);
  });

  it('reads the front matter of a CR-only file', () => {
    const doc = parseBlueprint(withEol('---\nlang: nl\nblueprint: Titel\n---\n\n## Klantreis\n\n### Stap: Aanvragen\n', '\r'), 'file:///w/a.blueprint.md');
    expect(doc.lang).toBe('nl');
    expect(doc.title).toBe('Titel');
    expect(doc.frontMatter?.range.end.line).toBe(3);
    expect(doc.steps[0]?.range.start.line).toBe(7);
    expect(doc.lineCount).toBe(9);
  });

  it('knows a blueprint by its front matter with each line ending', () => {
    for (const eol of EOLS) expect(hasBlueprintFrontMatter(withEol('---\nblueprint: A\n---\n# A\n', eol)), JSON.stringify(eol)).toBe(true);
  });

  it('gives the same findings at the same place with CR, LF or CRLF (examples and every fixture set)', async () => {
    for (const set of fixtureSets()) {
      const lf = await findings(Object.fromEntries(Object.entries(set.files).map(([p, t]) => [p, withEol(t, '\n')])));
      for (const eol of ['\r', '\r\n'] as const) {
        const other = await findings(Object.fromEntries(Object.entries(set.files).map(([p, t]) => [p, withEol(t, eol)])));
        expect(other, `${set.name} with ${JSON.stringify(eol)}`).toEqual(lf);
      }
    }
  });

  it('property: any blueprint-like text gives the same model ranges and findings with each line ending', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintText, fc.constantFrom<Eol>('\r', '\r\n'), async (text, eol) => {
        const lfText = withEol(text, '\n');
        const otherText = withEol(text, eol);
        const lfDoc = parseBlueprint(lfText, 'file:///w/a.blueprint.md');
        const otherDoc = parseBlueprint(otherText, 'file:///w/a.blueprint.md');
        expect(rangesOf(otherDoc)).toEqual(rangesOf(lfDoc));
        expect(otherDoc.lineCount).toBe(lfDoc.lineCount);
        const lf = await findings({ 'a.blueprint.md': lfText });
        const other = await findings({ 'a.blueprint.md': otherText });
        expect(other).toEqual(lf);
        // No range ends (or starts) between the CR and the LF of a CRLF, nor past a line's end.
        const lineLengths = otherText.split(/\r\n|\r|\n/).map((l) => l.length);
        for (const range of rangesOf(otherDoc)) {
          for (const p of [range.start, range.end]) expect(p.character).toBeLessThanOrEqual(lineLengths[p.line] ?? -1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
