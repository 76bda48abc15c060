/**
 * The webview's layout in a real browser (Debian's Chromium): zoom and fit to width (kept
 * in the webview state across reloads), the narrow layout (step cards below 720 px: at
 * 600 px nothing scrolls sideways and every step title lies within the width), and the
 * journey diagram drawn for the chosen persona only.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../src/core/workspace';
import { buildJourneyView } from '../../src/core/render/journey-view';
import { renderMermaid } from '../../src/core/render/mermaid';
import { NodeFileHost } from '../../src/cli/check/node-host';
import type { ContentUpdate, RenderedMessage } from '../../src/shared/messages';
import { readFileSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { chromiumUnavailable } from './chromium';
import { deliver, previewSuite, sent, updateFor } from './preview-page';

const unavailable = chromiumUnavailable();
const ENGLISH = resolve('examples/apply-for-housing-benefit.blueprint.md');
const SCREENSHOTS = process.env.BLUEPRINT_SCREENSHOTS ? resolve('docs/images') : undefined;

async function lastRendered(page: Page): Promise<RenderedMessage | undefined> {
  return (await sent(page)).filter((m): m is RenderedMessage => m.type === 'rendered').at(-1);
}

/** Widths of the grid's table and its scroll area, as drawn. */
function gridWidths(page: Page): Promise<{ table: number; area: number }> {
  return page.evaluate(() => ({
    table: document.querySelector('#bp-root table.bp-grid')?.getBoundingClientRect().width ?? 0,
    area: document.querySelector<HTMLElement>('#bp-root .bp-scroll')?.clientWidth ?? 0,
  }));
}

describe.skipIf(unavailable !== undefined)('webview layout in Chromium', () => {
  const preview = previewSuite();

  it('zooms with the toolbar buttons and the zoom message, fits the journey to the width, and keeps the zoom across a reload', async () => {
    const page = await preview.open({ viewport: { width: 1200, height: 800 }, update: await updateFor(ENGLISH, 1) });
    const natural = await gridWidths(page);
    expect(natural.table).toBeGreaterThan(natural.area);

    await page.locator('#bp-zoom-out').click();
    await expect.poll(async () => (await lastRendered(page))?.zoom).toBe(0.9);
    expect(await page.locator('#bp-zoom-level').textContent()).toBe('90%');
    expect((await gridWidths(page)).table).toBeCloseTo(natural.table * 0.9, -1);
    // Ctrl+= reaches the webview as this message (the extension binds the key in the preview).
    await page.evaluate(() => window.postMessage({ type: 'zoom', action: 'in' }, '*'));
    await page.evaluate(() => window.postMessage({ type: 'zoom', action: 'in' }, '*'));
    await expect.poll(async () => (await lastRendered(page))?.zoom).toBe(1.1);

    await page.locator('#bp-zoom-fit').click();
    await expect.poll(async () => (await lastRendered(page))?.state.zoom).toBe('fit');
    const fitted = await gridWidths(page);
    expect(fitted.table).toBeLessThanOrEqual(fitted.area + 1);
    expect(fitted.table).toBeGreaterThan(fitted.area * 0.9);
    // Fit follows the panel's width.
    await page.setViewportSize({ width: 900, height: 800 });
    await expect.poll(async () => {
      const widths = await gridWidths(page);
      return widths.table <= widths.area + 1 && widths.table > widths.area * 0.9;
    }).toBe(true);
    if (SCREENSHOTS) await page.screenshot({ path: resolve(SCREENSHOTS, 'preview-fit.png') });

    // The webview state holds it; a page restored with that state zooms the same way.
    const saved = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    expect(saved).toMatchObject({ zoom: 'fit' });
    // (The stub page's settings name file:///none; the extension's name the file shown.)
    const state = `window.__state = ${JSON.stringify({ ...(saved as object), uri: 'file:///none' })};`;
    const restored = await preview.open({ before: (fresh) => fresh.addInitScript({ content: state }), update: await updateFor(ENGLISH, 1) });
    expect((await lastRendered(restored))?.state.zoom).toBe('fit');
    expect(await restored.locator('#bp-zoom-fit').evaluate((b) => (b as HTMLElement & { checked: boolean }).checked)).toBe(true);
    await restored.close();
    await page.close();
  });

  for (const width of [600, 375]) {
    it(`at ${width} px shows step cards: nothing scrolls sideways and every step title lies within the width`, async () => {
      const page = await preview.open({ viewport: { width, height: 900 } });
      const update = await updateFor(ENGLISH, 1);
      await deliver(page, update);
      await expect.poll(async () => (await lastRendered(page))?.narrow).toBe(true);
      expect(await page.locator('#bp-root .bp-scroll').isVisible()).toBe(false);
      const layout = await page.evaluate(() => {
        const titles = Array.from(document.querySelectorAll<HTMLElement>('#bp-root .bp-card-title'));
        const cards = document.querySelector<HTMLElement>('#bp-root .bp-cards');
        const controls = Array.from(document.querySelectorAll<HTMLElement>('.bp-toolbar > *'));
        return {
          pageScrolls: document.documentElement.scrollWidth > innerWidth,
          cardsScroll: cards ? cards.scrollWidth > cards.clientWidth : true,
          titles: titles.length,
          outside: titles.filter((t) => {
            const box = t.getBoundingClientRect();
            return box.left < 0 || box.right > innerWidth;
          }).map((t) => t.textContent),
          toolbarOutside: controls.filter((c) => c.getBoundingClientRect().right > innerWidth + 0.5).map((c) => c.id || c.className),
        };
      });
      expect(layout).toEqual({ pageScrolls: false, cardsScroll: false, titles: update.steps, outside: [], toolbarOutside: [] });
      // Lanes are labelled rows in blueprint order, with the line of interaction between them.
      const firstCard = await page.locator('#bp-root .bp-card').first().locator('tr[data-lane]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.lane));
      expect(firstCard.slice(0, 4)).toEqual(['evidence', 'customer', 'line-of-interaction', 'frontstage']);
      // The persona filter reaches the cards.
      await page.evaluate(() => window.postMessage({ type: 'setView', persona: 'maria' }, '*'));
      await page.waitForFunction(() => document.querySelector('#bp-root .bp-card[data-dimmed]') !== null);
      if (SCREENSHOTS && width === 600) await page.screenshot({ path: resolve(SCREENSHOTS, 'preview-narrow.png') });
      // Clicking a card's cell reveals its line, as in the grid.
      const cell = page.locator('#bp-root .bp-card tr[data-lane="customer"] td').first();
      await cell.click();
      const line = Number(await cell.getAttribute('data-line'));
      expect(await sent(page)).toContainEqual({ type: 'revealLine', line });
      // Wider again: the grid comes back.
      await page.setViewportSize({ width: 1000, height: 900 });
      await expect.poll(async () => (await lastRendered(page))?.narrow).toBe(false);
      expect(await page.locator('#bp-root .bp-scroll').isVisible()).toBe(true);
      await page.close();
    });
  }

  it('draws the journey diagram for the chosen persona only, once the extension sends it', async () => {
    const workspace = new BlueprintWorkspace(new NodeFileHost());
    const uri = URI.file(ENGLISH).toString();
    workspace.setText(uri, readFileSync(ENGLISH, 'utf8'));
    await workspace.loadDependencies();
    const doc = workspace.get(uri);
    if (!doc) throw new Error('no document');
    const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
    const view = buildJourneyView(input);
    const page = await preview.open();
    const first = await updateFor(ENGLISH, 1);
    await deliver(page, first);
    await page.evaluate(() => window.postMessage({ type: 'setView', view: 'mermaid', persona: 'maria' }, '*'));
    // The diagram made for everyone is not drawn for Maria: the page reports her and waits.
    await expect.poll(async () => (await lastRendered(page))?.state.persona).toBe('maria');
    expect((await lastRendered(page))?.diagramFor).toBeUndefined();
    const forMaria: ContentUpdate = { ...first, version: 2, newDocument: false, mermaid: renderMermaid(input, view, { persona: 'maria' }), mermaidPersona: 'maria' };
    await deliver(page, forMaria);
    await expect.poll(async () => (await lastRendered(page))?.diagramFor, { timeout: 20_000 }).toBe('maria');
    const shown = await page.locator('#bp-mermaid svg').first().textContent();
    const marias = view.columns.filter((c) => c.personas.some((p) => p.slug === 'maria'));
    const others = view.columns.filter((c) => !c.personas.some((p) => p.slug === 'maria') && c.personas.length > 0);
    expect(marias.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const column of marias) expect(shown).toContain(`${column.number}.`);
    expect(shown).not.toContain(`${others[0].number}. ${others[0].step.name.slice(0, 10)}`);
    await page.close();
  });
});

// Only where Chromium is missing (and CI is not set): one skipped test that says why.
if (unavailable !== undefined) {
  describe('webview layout in Chromium (skipped)', () => {
    it.skip(unavailable, () => {});
  });
}
