import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, ruleById } from '../../../src/core/rules/registry';
import { renderAll, staleFiles } from '../../../scripts/build-rule-docs';

/**
 * The checks table of the language design (`## Checks` in docs/language.md): ids and
 * default severities are interface, written down once there and held equal to the registry.
 */
function checksTable(): Array<[string, string]> {
  const doc = readFileSync(new URL('../../../docs/language.md', import.meta.url), 'utf8');
  const section = doc.split(/^## Checks$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| \[`([a-z-]+)`\]\(rules\/\1\.md\) \| (\w+) \|/gm)].map((match) => [match[1], match[2]]);
}

describe('rule registry', () => {
  it('has exactly the rules of the checks table in docs/language.md, with their default severities', () => {
    expect(checksTable().length).toBeGreaterThanOrEqual(14);
    expect(allRules.map((rule) => [rule.id, rule.defaultSeverity])).toEqual(checksTable());
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s has complete metadata', (id, rule) => {
    expect(ruleById(id)).toBe(rule);
    expect(rule.docs).toBe(`docs/rules/${id}.md`);
    for (const text of [rule.description, rule.rationale, rule.howToFix]) expect(text.length).toBeGreaterThan(20);
    expect(rule.examples?.fires).toBeTruthy();
    expect(rule.examples?.passes).toBeTruthy();
  });

  it('offers fixes exactly where the checks table gives one', () => {
    expect(allRules.filter((rule) => rule.fixable).map((rule) => rule.id).sort()).toEqual(
      ['persona-not-heard', 'step-without-persona', 'unknown-field', 'unknown-persona', 'unknown-story'],
    );
  });

  it('returns undefined for an unknown id', () => {
    expect(ruleById('no-such-rule')).toBeUndefined();
  });
});

describe('generated rule docs and config schema', () => {
  it('are up to date with the registry (run `npm run docs:rules` if this fails)', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('each page names the rule, its default severity and its description', () => {
    const files = renderAll();
    for (const rule of allRules) {
      const page = files.get(rule.docs) ?? '';
      expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
      expect(page).toContain(`Default severity: **${rule.defaultSeverity}**`);
      expect(page).toContain(rule.description);
      expect(files.get('docs/rules/README.md')).toContain(`[${rule.id}](${rule.id}.md) | ${rule.defaultSeverity}`);
    }
  });
});
