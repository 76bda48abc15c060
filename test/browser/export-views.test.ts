/**
 * The exported page as a reader gets it, in Chromium: each view (grid, client view,
 * journey), a persona's journey, the dark theme, a phone-sized window and paper (A3 and
 * A4 landscape, printed to PDF and read back as text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runRender } from '../../src/cli/render';
import { chromiumUnavailable, launchChromium, type Browser } from './chromium';
import { updateFor } from './preview-page';

const unavailable = chromiumUnavailable();
const EXAMPLES = ['examples/apply-for-housing-benefit.blueprint.md', 'examples/bijstand-aanvragen.blueprint.md'].map((f) => resolve(f));
const EXAMPLE = EXAMPLES[0];
const SCREENSHOTS = process.env.BLUEPRINT_SCREENSHOTS ? resolve('docs/images') : undefined;
const io = (): CliIo => ({ stdout: () => {}, stderr: () => {}, cwd: process.cwd(), env: {}, stdoutIsTTY: false });

/** Step names of a blueprint, as the grid writes them. */
async function stepNames(file: string): Promise<string[]> {
  const update = await updateFor(file, 1);
  return Array.from(update.html.matchAll(/<span class="bp-step-name">([^<]*)<\/span>/g), (m) => m[1].replace(/&amp;/g, '&'));
}

/** How far anything sticks out to the right of the window, and step titles outside it. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const titles = Array.from(document.querySelectorAll<HTMLElement>('.bp-card-title, .bp-journey-name'))
      .filter((t) => t.getClientRects().length > 0);
    return {
      scroll: document.documentElement.scrollWidth - width,
      shown: titles.length,
      outside: titles.filter((t) => t.getBoundingClientRect().right > width + 0.5 || t.getBoundingClientRect().left < 0).map((t) => t.textContent),
    };
  });
}

describe.skipIf(unavailable !== undefined)('the exported views in Chromium', () => {
  let browser: Browser;
  let out: string;
  const render = async (name: string, args: string[], file = EXAMPLE) => {
    const target = join(out, name);
    expect(await runRender([file, ...args, '-o', target], io())).toBe(0);
    return pathToFileURL(target).href;
  };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'bp-views-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('client view: no backstage or support lane and no finding anywhere on the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(await render('client.html', ['--view', 'client']));
    expect(await page.locator('tr[data-lane="customer"]').first().isVisible()).toBe(true);
    for (const lane of ['backstage', 'support', 'line-of-visibility']) expect(await page.locator(`[data-lane="${lane}"]`).count()).toBe(0);
    expect(await page.locator('.bp-finding, .bp-outside').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/Findings outside|has no persona/);
    // The misspelt @ahmad is still named, but without the error marking of the grid.
    const unknown = await page.locator('.bp-chip.bp-unknown').evaluateAll((chips) => chips.map((c) => getComputedStyle(c).textDecorationLine));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((line) => line === 'none')).toBe(true);
    await page.close();
  });

  it('a persona: the other steps carry data-dimmed and are drawn dimmed', async () => {
    const page = await browser.context.newPage();
    await page.goto(await render('maria.html', ['--persona', 'maria']));
    const steps = await page.locator('th.bp-step').evaluateAll((ths) => ths.map((th) => ({
      maria: ((th as HTMLElement).dataset.personas ?? '').split(' ').includes('maria'),
      dimmed: th.hasAttribute('data-dimmed'),
      color: getComputedStyle(th).color,
    })));
    expect(steps.some((s) => s.dimmed) && steps.some((s) => !s.dimmed)).toBe(true);
    for (const step of steps) expect(step.dimmed).toBe(!step.maria);
    // Dimmed text takes the muted colour.
    expect(steps.find((s) => s.dimmed)?.color).not.toBe(steps.find((s) => !s.dimmed)?.color);
    await page.close();
  });

  it('the dark theme: a dark page on screen', async () => {
    const page = await browser.context.newPage();
    await page.goto(await render('dark.html', ['--theme', 'dark', '--view', 'client']));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    await page.close();
  });

  it('the journey diagram: every step once, titles wrapped inside their boxes', async () => {
    const page = await browser.context.newPage();
    await page.goto(await render('journey.html', ['--view', 'journey']));
    const names = await stepNames(EXAMPLE);
    expect(await page.locator('.bp-journey-task').count()).toBe(names.length);
    const clipped = await page.locator('.bp-journey-task').evaluateAll((tasks) => tasks.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(clipped).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'export-journey.png') });
    await page.close();
  });

  it('the top-left corner stays opaque while the grid scrolls under it', async () => {
    const page = await browser.context.newPage();
    await page.goto(await render('grid.html', []));
    await page.locator('.bp-scroll').evaluate((el) => { el.scrollLeft = 700; el.scrollTop = 300; });
    const onTop = await page.evaluate(() => {
      const corner = document.querySelector('.bp-corner')!.getBoundingClientRect();
      const points = [[0.5, 0.2], [0.9, 0.5], [0.5, 0.9]].map(([x, y]) => document.elementFromPoint(corner.left + corner.width * x, corner.top + corner.height * y));
      return points.map((el) => el?.classList.contains('bp-corner'));
    });
    expect(onTop).toEqual([true, true, true]);
    await page.close();
  });

  for (const view of ['grid', 'client', 'journey'] as const) {
    it(`${view} at 600 px: nothing scrolls sideways and every step title lies within the screen`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 600, height: 900 });
      await page.goto(await render(`narrow-${view}.html`, ['--view', view]));
      const found = await overflow(page);
      expect(found.scroll).toBeLessThanOrEqual(0);
      expect(found.shown).toBe((await stepNames(EXAMPLE)).length);
      expect(found.outside).toEqual([]);
      if (view !== 'journey') {
        expect(await page.locator('.bp-scroll').isVisible()).toBe(false);
        // Lanes as labelled rows, with the line of interaction between them.
        const first = page.locator('.bp-card').first();
        expect(await first.locator('th[scope="row"]').first().isVisible()).toBe(true);
        expect(await first.locator('tr[data-lane="line-of-interaction"]').count()).toBe(1);
      }
      if (SCREENSHOTS && view === 'grid') await page.screenshot({ path: join(SCREENSHOTS, 'export-narrow.png') });
      await page.close();
    });
  }

  for (const [format, file] of [['A3', EXAMPLES[0]], ['A4', EXAMPLES[1]]] as const) {
    it(`prints on ${format} landscape: the PDF holds every step title`, async () => {
      const page = await browser.context.newPage();
      await page.goto(await render(`print-${format}.html`, ['--theme', 'dark'], file));
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      const squash = (s: string) => s.replace(/\s+/g, '');
      const names = await stepNames(file);
      expect(names.length).toBeGreaterThan(5);
      for (const name of names) expect(squash(text)).toContain(squash(name));
      if (SCREENSHOTS && format === 'A3') {
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 1587, height: 1123 });
        await page.screenshot({ path: join(SCREENSHOTS, 'export-print.png') });
      }
      await page.close();
    });
  }
});
