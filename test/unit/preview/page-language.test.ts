/**
 * One language rule (issue 9, docs/editor.md "Languages"): text about a blueprint follows
 * the file's language (`locale` in the configuration, else its `lang`), whatever VS Code's
 * display language. Here: the preview page's toolbar, its `lang`, and the lanes.
 */
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace/workspace';
import { BlueprintRenderer, joinBlueprint } from '../../../src/core/render/grid';
import { previewPage, toolbarLabels } from '../../../src/extension/preview/page';
import { defaultViewState } from '../../../src/shared/messages';
import type { Lang } from '../../../src/core/model';

const DUTCH = '---\nlang: nl\n---\n\n## Klantreis\n\n### Stap: Belt\n- klant: belt de gemeente\n';
const URI = 'file:///w/a.blueprint.md';
const host = { readFile: async (): Promise<string | undefined> => undefined };

describe('the language of the preview', () => {
  it('builds the toolbar in the given language, with that page language', () => {
    const page = (locale: Lang) =>
      previewPage({ cspSource: 'x', nonce: 'n', scriptUri: 'x', state: defaultViewState(URI), lang: locale, labels: toolbarLabels(locale) });
    const dutch = page('nl');
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain('aria-label="Blueprint-voorbeeld"');
    expect(dutch).toContain('Klantweergave');
    expect(dutch).toContain('Klantreisdiagram');
    expect(dutch).toContain('Dekking');
    expect(dutch).toContain('Alle persona');
    expect(dutch).not.toContain('Client view');
    expect(page('en')).toContain('Client view');
  });

  it("takes a document's language from its lang, overridden by the configured locale; lanes follow it", () => {
    const workspace = new BlueprintWorkspace(host);
    workspace.setText(URI, DUTCH);
    expect(workspace.localeOf(URI)).toBe('nl');
    expect(workspace.localeOf('file:///w/unknown.md')).toBeUndefined();
    const doc = workspace.get(URI)!;
    expect(joinBlueprint(new BlueprintRenderer().render({ doc }))).toContain('Klant');
    workspace.setConfig({ locale: 'en' });
    expect(workspace.localeOf(URI)).toBe('en');
    const english = joinBlueprint(new BlueprintRenderer().render({ doc, locale: 'en' }));
    expect(english).toContain('lang="en"');
    expect(english).toContain('Customer');
  });
});
