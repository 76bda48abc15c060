import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules, ruleById } from '../../../src/core/rules/registry';
import { messageKeys } from '../../../src/core/i18n/message-catalogue';
import { readDocSources, renderAll, staleFiles } from '../../../scripts/build-rule-docs';
import { formatRuleDocSource, parseRuleDocSource } from '../../../scripts/rule-doc-source';
import { runFixture } from '../helpers/expectations';

/**
 * The checks table of the language design (`## Checks` in docs/language.md), generated
 * from the registry and the doc sources: ids and default severities are interface.
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

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: fixable exactly when a finding on its fixtures offers a fix', async (id, rule) => {
    const root = fileURLToPath(new URL(`../../fixtures/rules/${id}/`, import.meta.url));
    let fixes = 0;
    for (const name of readdirSync(root).filter((entry) => entry.includes('-fires'))) {
      const files = Object.fromEntries(
        readdirSync(join(root, name), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const path = join(entry.parentPath, entry.name);
            return [relative(join(root, name), path).split('\\').join('/'), readFileSync(path, 'utf8')];
          }),
      );
      const { diagnostics } = await runFixture(files);
      fixes += Object.values(diagnostics).flat().filter((d) => d.rule === id && (d.fixes?.length ?? 0) > 0).length;
    }
    expect(fixes > 0, `${id}: fixable is ${rule.fixable}`).toBe(rule.fixable);
  });

  it.each(allRules.map((rule) => [rule.id] as const))('%s: its doc source names its messages, which the rule uses', (id) => {
    const [source] = readDocSources(allRules.filter((rule) => rule.id === id));
    const keys = Object.keys(source.messages);
    expect(keys.length).toBeGreaterThan(0);
    const code = readFileSync(new URL(`../../../src/core/rules/${id}.ts`, import.meta.url), 'utf8');
    for (const key of keys) expect(code, key).toContain(`'${key}'`);
  });

  it('every rule message belongs to exactly one rule', () => {
    const owners = readDocSources().flatMap((source) => Object.keys(source.messages));
    expect(new Set(owners).size).toBe(owners.length);
    expect([...owners].sort()).toEqual(messageKeys.filter((key) => key.startsWith('rule.')).sort());
  });

  it('reads back the doc sources it would write (the shape the parser expects)', () => {
    for (const source of readDocSources()) expect(parseRuleDocSource(formatRuleDocSource(source), source.id)).toEqual(source);
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
