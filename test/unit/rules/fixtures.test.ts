/**
 * Every rule against its fixtures: `test/fixtures/rules/<rule-id>/<lang>-<fires|passes>[-variant]/`.
 * Each case folder is one workspace (all its files opened together); the findings must
 * equal the `<!-- expect: ... -->` markers exactly, for every rule, not just the one
 * under test, so the fixtures also show that the other rules keep quiet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../src/core/rules/registry';
import { runFixture } from '../helpers/expectations';

const root = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

const CASE = /^(en|nl)-(fires|passes)(-[a-z0-9-]+)?$/;

describe.each(allRules.map((rule) => rule.id))('%s', (ruleId) => {
  const cases = readdirSync(join(root, ruleId)).sort();

  it('has fixtures that fire and that pass, in English and Dutch', () => {
    for (const name of cases) expect(name, `fixture folder name ${name}`).toMatch(CASE);
    for (const lang of ['en', 'nl']) {
      for (const outcome of ['fires', 'passes']) {
        expect(cases.some((name) => name.startsWith(`${lang}-${outcome}`)), `${lang}-${outcome}`).toBe(true);
      }
    }
  });

  it.each(cases)('%s', async (name) => {
    const files = filesUnder(join(root, ruleId, name));
    const { expected, actual } = await runFixture(files);
    const mentions = expected.filter((finding) => finding.rule === ruleId).length;
    if (name.includes('-fires')) expect(mentions, 'a fires fixture expects the rule').toBeGreaterThan(0);
    else expect(mentions, 'a passes fixture must not expect the rule').toBe(0);
    expect(actual).toEqual(expected);
  });
});

describe('rule doc examples', () => {
  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: fires on the first, not on the second', async (id, rule) => {
    const fires = await runFixture({ 'example.blueprint.md': rule.examples?.fires ?? '' });
    const passes = await runFixture({ 'example.blueprint.md': rule.examples?.passes ?? '' });
    expect(fires.actual.map((f) => f.rule)).toContain(id);
    expect(passes.actual.map((f) => f.rule)).not.toContain(id);
  });
});
