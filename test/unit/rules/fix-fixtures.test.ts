/**
 * markdownlint's fixture habit: every rule fixture is fixed as "Fix all" would fix it
 * (each finding's preferred fix, overlapping ones left for a second pass), checked again,
 * and compared with its expected result in `test/fixtures/rules-fixed/<rule>/<case>.md`:
 * the fixed files and the findings left. A fix that edits the wrong place, breaks the
 * document or leaves its own finding behind shows up as a changed expectation.
 * After an intended change: `npx vitest run test/unit/rules/fix-fixtures.test.ts -u`, and
 * read the diff.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../src/core/features/code-actions';
import { allRules } from '../../../src/core/rules/registry';
import { applyEditsToFiles } from '../helpers/edits';
import { fixtureUri, runFixture } from '../helpers/expectations';

/**
 * Rules whose fix inserts a stub for the author to complete, so their finding stays until
 * the author does: persona-not-heard adds an empty `heard:` line.
 */
const STUB_FIXES: ReadonlySet<string> = new Set(['persona-not-heard']);

const root = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** The fixed files, then the findings a second check still reports. */
function report(files: Record<string, string>, remaining: ReadonlyArray<{ file: string; line: number; rule: string }>, fixedCount: number): string {
  const parts = Object.entries(files).map(([path, text]) => `<!-- file: ${path} -->\n${text}`);
  const left = remaining.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);
  return `${parts.join('\n')}\n<!-- fixed: ${fixedCount} finding(s); left after fixing:\n${left.join('\n') || '(none)'}\n-->\n`;
}

describe.each(allRules.map((rule) => rule.id))('%s fixed', (ruleId) => {
  const cases = readdirSync(join(root, ruleId)).filter((name) => statSync(join(root, ruleId, name)).isDirectory()).sort();

  it.each(cases)('%s', async (name) => {
    const files = filesUnder(join(root, ruleId, name));
    const before = await runFixture(files);
    const all = fixAll(Object.values(before.diagnostics).flat());
    const fixed = applyEditsToFiles(files, all.edits, fixtureUri);
    const after = await runFixture(fixed);
    // A fixed finding must be gone: none of the same rule may remain where a fix was applied.
    for (const diagnostic of all.diagnostics.filter((d) => !STUB_FIXES.has(d.rule))) {
      const stillThere = Object.values(after.diagnostics).flat().some((d) => d.rule === diagnostic.rule && d.message === diagnostic.message);
      expect(stillThere, `${diagnostic.rule}: ${diagnostic.message}`).toBe(false);
    }
    await expect(report(fixed, after.actual, all.diagnostics.length)).toMatchFileSnapshot(join(root, '../rules-fixed', ruleId, `${name}.md`));
  });
});
