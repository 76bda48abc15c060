/**
 * Realistic blueprints, written the way a new user would (other heading levels, no
 * prefixes, links instead of `@refs`, nested lists, setext headings, a personas file
 * that is not called `*.blueprint.md`), must give exactly the findings their inline
 * `<!-- expect: rule-id -->` comments name, at exactly those lines.
 *
 * The examples shipped in `examples/` carry no inline comments (they are meant to be read
 * on GitHub); their deliberate findings are the table in `examples/README.md`, and this
 * test keeps that table and the checks in step.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedFromText, runFixture, type Finding } from './helpers/expectations';

const REALISTIC = fileURLToPath(new URL('../fixtures/realistic/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Every `.md` file of a folder, keyed by its name (so relative links between them resolve). */
function markdownFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.md') && name !== 'README.md') files[name] = readFileSync(join(folder, name), 'utf8');
  }
  return files;
}

const fixtureSets = readdirSync(REALISTIC)
  .filter((name) => statSync(join(REALISTIC, name)).isDirectory())
  .sort();

describe('realistic blueprints give exactly the expected findings', () => {
  it('has Dutch and English fixture sets, each with expectations', () => {
    const all = fixtureSets.map((set) => Object.values(markdownFiles(join(REALISTIC, set))).join('\n'));
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.filter((text) => /^#+ (Klantreis|Verhalen)\b/m.test(text)).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((text) => /^(#+ )?(Customer )?[Jj]ourney\s*$/m.test(text)).length).toBeGreaterThanOrEqual(2);
    for (const text of all) expect(expectedFromText(text).length).toBeGreaterThan(0);
  });

  it.each(fixtureSets)('%s', async (set) => {
    const { expected, actual } = await runFixture(markdownFiles(join(REALISTIC, set)));
    expect(actual).toEqual(expected);
  });
});

/** Rows of the "Deliberate findings" table in `examples/README.md`: file, line, rule. */
function findingsFromReadme(readme: string): Finding[] {
  const section = readme.split(/^## Deliberate findings\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const findings: Finding[] = [];
  for (const line of section.split('\n')) {
    const row = /^\|\s*([\w.-]+\.md)\s*\|\s*(\d+)\s*\|\s*\[`([a-z-]+)`\]/.exec(line);
    if (row) findings.push({ file: row[1], line: Number(row[2]), rule: row[3] });
  }
  return findings;
}

describe('examples', () => {
  it('report exactly the deliberate findings listed in examples/README.md', async () => {
    const documented = findingsFromReadme(readFileSync(join(EXAMPLES, 'README.md'), 'utf8'));
    expect(documented.length).toBeGreaterThanOrEqual(8);
    const { actual } = await runFixture(markdownFiles(EXAMPLES));
    const byPosition = (a: Finding, b: Finding): number =>
      a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
    expect([...actual].sort(byPosition)).toEqual([...documented].sort(byPosition));
  });

  it('carry no inline expectation comments (they are read on GitHub)', () => {
    for (const [name, text] of Object.entries(markdownFiles(EXAMPLES))) {
      expect(expectedFromText(text), name).toEqual([]);
    }
  });
});
