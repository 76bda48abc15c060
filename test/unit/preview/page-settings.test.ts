/**
 * The page settings are typed once (`PageSettings` in the shared protocol) and checked
 * when the webview reads them: what `previewPage` writes reads back equal, anything else
 * is refused instead of being cast.
 */
import { describe, expect, it } from 'vitest';
import { previewPage, toolbarLabels } from '../../../src/extension/preview/page';
import { defaultViewState, ENGLISH_PROGRESS, isPreviewViewState, parsePageSettings, type PreviewViewState } from '../../../src/shared/messages';

/** The `data-settings` attribute as the browser hands it to the script (entities decoded). */
function settingsOf(page: string): string {
  const match = /data-settings="([^"]*)"/.exec(page);
  if (!match) throw new Error('no settings in the page');
  return match[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('preview page settings', () => {
  const state: PreviewViewState = { ...defaultViewState('file:///a"<b>&\'.md'), persona: 'maria', view: 'coverage', scrollTop: 12 };

  it('reads back what the page wrote', () => {
    const page = previewPage({
      cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/w.js', state, lang: 'en',
      labels: { persona: 'Persona', allPersonas: 'Alle "personen"', clientView: 'Client view', diagram: 'Journey diagram', toolbar: 'Preview' },
    });
    expect(parsePageSettings(settingsOf(page))).toEqual({ state, allPersonasLabel: 'Alle "personen"', progress: ENGLISH_PROGRESS });
  });

  it('carries presentation mode and the progress line in the page\'s language', () => {
    const presenting: PreviewViewState = { ...state, clientView: true, present: { unit: 'step', index: 4, clientBefore: false } };
    const page = previewPage({
      cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/w.js', state: presenting, lang: 'nl',
      labels: toolbarLabels('nl'),
    });
    expect(parsePageSettings(settingsOf(page))).toMatchObject({ state: presenting, progress: { stageOf: 'fase {n} van {total}' } });
    expect(isPreviewViewState({ ...presenting, present: { unit: 'slide', index: 0, clientBefore: false } })).toBe(false);
    expect(isPreviewViewState({ ...presenting, present: { unit: 'stage', index: -1, clientBefore: false } })).toBe(false);
  });

  it.each([
    ['not an object', '42'],
    ['no state', '{"allPersonasLabel":"All"}'],
    ['no label', JSON.stringify({ state: defaultViewState('file:///a.md') })],
    ['an unknown view', JSON.stringify({ state: { ...defaultViewState('file:///a.md'), view: 'table' }, allPersonasLabel: 'All' })],
    ['a persona that is not text', JSON.stringify({ state: { ...defaultViewState('file:///a.md'), persona: 3 }, allPersonasLabel: 'All' })],
    ['a scroll position that is not a number', JSON.stringify({ state: { ...defaultViewState('file:///a.md'), scrollTop: '0' }, allPersonasLabel: 'All' })],
  ])('refuses %s', (_what, json) => {
    expect(() => parsePageSettings(json)).toThrow(/preview settings/);
  });

  it('knows a complete view state from a partial one', () => {
    expect(isPreviewViewState(defaultViewState('file:///a.md'))).toBe(true);
    expect(isPreviewViewState({ uri: 'file:///a.md' })).toBe(false);
    expect(isPreviewViewState(null)).toBe(false);
  });
});
