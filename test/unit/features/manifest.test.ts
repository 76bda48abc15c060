/**
 * The editor's static contributions agree with the code: every `vscode.l10n.t` string has
 * a Dutch translation, every `%key%` in package.json is in both nls files, the grammar
 * knows every field key, and the `blueprint.rules` setting lists every rule.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFieldWords } from '../../../src/core/vocabulary';
import { ruleIds } from '../../../src/core/rules/registry';
import { checkAllMessage } from '../../../src/extension/check-all-message';

const root = join(__dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** String literals passed to `vscode.l10n.t(` in the extension sources. */
function l10nStrings(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(join(root, 'src/extension'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith('preview')) continue;
    const source = readFileSync(join(root, 'src/extension', file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
      found.push(match[2]!.replace(/\\(.)/g, '$1'));
    }
  }
  return found;
}

describe('editor manifest and localization', () => {
  it('translates every l10n string of the editor into Dutch', () => {
    const bundle = readJson('l10n/bundle.l10n.nl.json') as Record<string, string>;
    const strings = l10nStrings();
    expect(strings.length).toBeGreaterThan(10);
    expect(strings.filter((text) => !(text in bundle))).toEqual([]);
  });

  it('counts in the singular after Check All: "1 problem", "1 blueprint file", in English and Dutch', () => {
    const bundle = readJson('l10n/bundle.l10n.nl.json') as Record<string, string>;
    const fill = (text: string, args: Array<string | number>): string => text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    const english = { t: (message: string, ...args: Array<string | number>) => fill(message, args) };
    const dutch = { t: (message: string, ...args: Array<string | number>) => fill(bundle[message] ?? `MISSING ${message}`, args) };
    expect(checkAllMessage(english, 1, 1)).toBe('Checked 1 blueprint file: 1 problem.');
    expect(checkAllMessage(english, 3, 0)).toBe('Checked 3 blueprint files: 0 problems.');
    expect(checkAllMessage(english, 2, 5)).toBe('Checked 2 blueprint files: 5 problems.');
    expect(checkAllMessage(dutch, 1, 1)).toBe('1 blueprintbestand gecontroleerd: 1 probleem.');
    expect(checkAllMessage(dutch, 4, 2)).toBe('4 blueprintbestanden gecontroleerd: 2 problemen.');
  });

  it("names the editor-title button after the blueprint, apart from Markdown's 'Open Preview to the Side'", () => {
    const manifest = readJson('package.json') as { contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string }>> } };
    const titleKeys = manifest.contributes.menus['editor/title']!.map(({ command }) => manifest.contributes.commands.find((c) => c.command === command)!.title.replace(/%/g, ''));
    expect(titleKeys.length).toBeGreaterThan(0);
    for (const [file, word] of [['package.nls.json', 'Blueprint'], ['package.nls.nl.json', 'Blueprint']] as const) {
      const nls = readJson(file) as Record<string, string>;
      for (const key of titleKeys) {
        expect(nls[key]).toContain(word);
        expect(nls[key]).not.toBe('Open Preview to the Side');
      }
    }
  });

  it('has every %key% of package.json in package.nls.json and package.nls.nl.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    const en = readJson('package.nls.json') as Record<string, string>;
    const nl = readJson('package.nls.nl.json') as Record<string, string>;
    const editorKeys = keys.filter((key) => key.startsWith('command.') || key.startsWith('configuration.'));
    expect(editorKeys.length).toBeGreaterThan(3);
    expect(editorKeys.filter((key) => !(key in en) || !(key in nl))).toEqual([]);
  });

  it('lists every rule in the blueprint.rules setting schema', () => {
    const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
    const listed = Object.keys(manifest.contributes.configuration.properties['blueprint.rules']?.properties ?? {});
    expect(listed.sort()).toEqual([...ruleIds].sort());
  });

  it('highlights every field key the language knows', () => {
    const grammar = readJson('syntaxes/blueprint.injection.tmLanguage.json') as { repository: { 'field-key': { match: string } } };
    const alternation = /\(\?<=\[-\*\+\] \)\(([^)]*)\)/.exec(grammar.repository['field-key'].match)?.[1] ?? '';
    const words = alternation.split('|').map((word) => word.replace(/\\s/g, ' ').replace(/\\(.)/g, '$1'));
    expect(allFieldWords().filter((word) => !words.includes(word))).toEqual([]);
    for (const word of allFieldWords()) expect(new RegExp(`^(?:${alternation})$`, 'i').test(word)).toBe(true);
  });

  it('opens the configuration file as JSON with comments, validated by the schema', () => {
    const manifest = readJson('package.json') as {
      contributes: { languages: Array<{ id: string; filenames?: string[] }>; jsonValidation: Array<{ fileMatch: string; url: string }> };
    };
    expect(manifest.contributes.languages).toContainEqual({ id: 'jsonc', filenames: ['blueprint.config.json'] });
    expect(manifest.contributes.jsonValidation).toContainEqual({ fileMatch: 'blueprint.config.json', url: './schemas/blueprint.config.schema.json' });
  });

  it('declares support for untrusted workspaces', () => {
    const manifest = readJson('package.json') as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe(true);
  });
});
