/**
 * Presentation mode in a real browser (Debian's Chromium): the webview page with its
 * bundle, driven with the keys a presenter uses. One stage (or step) per slide in client
 * view, the progress line in the blueprint's language, the persona kept, edits shown in
 * place, fitting 1280×720 and 1920×1080 without scroll bars, and axe-clean.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toolbarLabels } from '../../src/extension/preview/page';
import type { RenderedMessage } from '../../src/shared/messages';
import { chromiumUnavailable } from './chromium';
import { bypassCsp, deliver, incrementalUpdates, previewSuite, sent, updateFor } from './preview-page';

const unavailable = chromiumUnavailable();
const ENGLISH = resolve('examples/apply-for-housing-benefit.blueprint.md');
const DUTCH = resolve('examples/bijstand-aanvragen.blueprint.md');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = process.env.BLUEPRINT_SCREENSHOTS ? resolve('docs/images') : undefined;
/** The slide on screen (slides made ready beforehand wait beside it, unseen). */
const SLIDE = '#bp-slide > :not(.bp-slide-waiting)';

/** The last slide the page reported. */
async function lastSlide(page: Page): Promise<RenderedMessage['slide']> {
  const rendered = (await sent(page)).filter((m): m is RenderedMessage => m.type === 'rendered');
  return rendered.at(-1)?.slide;
}

/** Wait until the page reports a slide whose progress line is `progress`. */
async function expectProgress(page: Page, progress: string): Promise<void> {
  await expect.poll(async () => (await lastSlide(page))?.progress).toBe(progress);
  expect(await page.locator('#bp-progress').textContent()).toBe(progress);
}

async function present(page: Page): Promise<void> {
  await page.evaluate(() => window.postMessage({ type: 'setView', present: true }, '*'));
  await page.waitForSelector(`${SLIDE} .bp-slide-grid`);
}

/** Step names on the slide, as shown. */
function slideSteps(page: Page): Promise<string[]> {
  return page.locator(`${SLIDE} th.bp-step`).evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.step ?? ''));
}

describe.skipIf(unavailable !== undefined)('presentation mode in Chromium', () => {
  const preview = previewSuite();

  it('shows one stage at a time in client view, with the emotion curve and quotes, and the keys move between stages', async () => {
    const page = await preview.open({ viewport: { width: 1280, height: 720 }, update: await updateFor(ENGLISH, 1) });
    await present(page);
    await expect.poll(() => page.locator('.bp-toolbar').isVisible()).toBe(false);
    expect(await page.locator('#bp-root').isVisible()).toBe(false);
    await expectProgress(page, 'stage 1 of 4 · steps 1–2 of 8');
    const lanes = await page.locator(`${SLIDE} tr[data-lane]`).evaluateAll((rows) => rows.filter((r) => r.getClientRects().length > 0).map((r) => (r as HTMLElement).dataset.lane));
    expect(lanes).toContain('customer');
    expect(lanes).toContain('emotion');
    expect(lanes).not.toContain('backstage');
    expect(lanes).not.toContain('support');
    expect(await page.locator(`${SLIDE} .bp-finding:visible`).count()).toBe(0);
    expect(await page.locator(`${SLIDE} .bp-curve circle`).count()).toBeGreaterThan(0);
    // The slide has the keyboard focus: the keys work at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bp-slide');

    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    // The Apply stage carries a quote.
    expect(await page.locator(`${SLIDE} tr[data-lane="quote"]`).textContent()).toContain('My son fills it in');
    await page.keyboard.press('PageDown');
    await expectProgress(page, 'stage 3 of 4 · steps 6–7 of 8');
    await page.keyboard.press('Space');
    await expectProgress(page, 'stage 4 of 4 · step 8 of 8');
    await page.keyboard.press('ArrowLeft');
    await expectProgress(page, 'stage 3 of 4 · steps 6–7 of 8');
    await page.keyboard.press('PageUp');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    await page.keyboard.press('Home');
    await expectProgress(page, 'stage 1 of 4 · steps 1–2 of 8');
    await page.keyboard.press('End');
    await expectProgress(page, 'stage 4 of 4 · step 8 of 8');
    await page.keyboard.press('ArrowRight'); // past the end: stays
    await expectProgress(page, 'stage 4 of 4 · step 8 of 8');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.bp-toolbar').isVisible()).toBe(true);
    expect(await page.locator('#bp-root').isVisible()).toBe(true);
    expect(await page.locator('#bp-present-view').isVisible()).toBe(false);
    // Client view was off before presenting, and is off again.
    expect(await page.locator('#bp-root .bp').evaluate((bp) => bp.classList.contains('bp-client'))).toBe(false);
    await page.close();
  });

  it('steps one step at a time when switched, keeping the place', async () => {
    const page = await preview.open({ update: await updateFor(ENGLISH, 1) });
    await present(page);
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    await page.locator('#bp-slide-unit').click();
    await expectProgress(page, 'stage 2 of 4 · step 3 of 8');
    expect((await slideSteps(page)).length).toBe(1);
    await page.locator('#bp-slide').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 3 of 4 · step 6 of 8');
    // The toolbar's buttons do the same as the keys.
    await page.locator('#bp-slide-previous').click();
    await expectProgress(page, 'stage 2 of 4 · step 5 of 8');
    await page.locator('#bp-present-leave').click();
    await expect.poll(() => page.locator('#bp-present-view').isVisible()).toBe(false);
    await page.close();
  });

  it('keeps the chosen persona: other personas\' steps on the slide are marked data-dimmed', async () => {
    const page = await preview.open({ update: await updateFor(ENGLISH, 1) });
    await page.evaluate(() => window.postMessage({ type: 'setView', persona: 'maria' }, '*'));
    await page.waitForFunction(() => document.querySelector('#bp-root th.bp-step.bp-dim') !== null);
    await present(page);
    const dims = async () => page.locator(`${SLIDE} th.bp-step`).evaluateAll((ths) => ths.map((th) => ({
      maria: ((th as HTMLElement).dataset.personas ?? '').split(' ').includes('maria'),
      dimmed: th.hasAttribute('data-dimmed'),
    })));
    let sawDimmed = false;
    for (let stage = 0; stage < 4; stage++) {
      for (const step of await dims()) {
        expect(step.dimmed).toBe(!step.maria);
        sawDimmed ||= step.dimmed;
      }
      await page.keyboard.press('ArrowRight');
    }
    expect(sawDimmed).toBe(true);
    expect((await sent(page)).filter((m) => m.type === 'rendered').at(-1)).toMatchObject({ state: { persona: 'maria' } });
    await page.close();
  });

  it('updates the slide in place when the text changes', async () => {
    const page = await preview.open();
    const updates = await incrementalUpdates(ENGLISH);
    await deliver(page, updates.full(updates.text));
    await present(page);
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    const lines = updates.text.split('\n');
    const quote = lines.findIndex((line) => line.includes('My son fills it in.'));
    lines[quote] = lines[quote].replace('My son fills it in.', 'My daughter fills it in.');
    const patch = updates.next(lines.join('\n'));
    expect(patch.patch).toBeDefined();
    await deliver(page, patch);
    await expect.poll(() => page.locator(`${SLIDE} tr[data-lane="quote"]`).textContent()).toContain('My daughter fills it in');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    await page.close();
  });

  it('makes the slides either side ready while idle, unseen, and drops them on an edit', async () => {
    const page = await preview.open();
    const updates = await incrementalUpdates(ENGLISH);
    await deliver(page, updates.full(updates.text));
    await present(page);
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    // Stage 1 (left behind) and stage 3 (made while idle) wait in the area, laid out but not drawn.
    await expect.poll(() => page.locator('#bp-slide > .bp-slide-waiting').count()).toBe(2);
    const waiting = await page.locator('#bp-slide > .bp-slide-waiting').evaluateAll((slides) => slides.map((slide) => ({
      hidden: getComputedStyle(slide).contentVisibility === 'hidden',
      inert: (slide as HTMLElement).inert,
      height: slide.getBoundingClientRect().height,
    })));
    expect(waiting).toEqual([{ hidden: true, inert: true, height: 0 }, { hidden: true, inert: true, height: 0 }]);
    // An edit in stage 3 while stage 2 is shown: the slide made beforehand is stale and not used.
    const lines = updates.text.split('\n');
    const quote = lines.findIndex((line) => line.includes('This letter I understood myself.'));
    lines[quote] = lines[quote].replace('This letter I understood myself.', 'This letter I read alone.');
    const patch = updates.next(lines.join('\n'));
    expect(patch.patch).toBeDefined();
    await deliver(page, patch);
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 3 of 4 · steps 6–7 of 8');
    expect(await page.locator(`${SLIDE} tr[data-lane="quote"]`).textContent()).toContain('This letter I read alone.');
    expect(await page.locator('#bp-slide').evaluate((area) => area.scrollHeight <= area.clientHeight + 1)).toBe(true);
    await page.close();
  });

  it('zooms the slide, not the grid: fit to width fits the current stage again', async () => {
    const page = await preview.open({ viewport: { width: 1280, height: 720 }, update: await updateFor(ENGLISH, 1) });
    await present(page);
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
    const zoomOf = () => page.locator(SLIDE).evaluate((slide) => Number((slide as HTMLElement).style.zoom));
    const fitted = await zoomOf();
    await page.evaluate(() => window.postMessage({ type: 'zoom', action: 'in' }, '*'));
    await expect.poll(async () => (await lastSlide(page))?.scale).toBeCloseTo(1.2);
    expect(await zoomOf()).toBeCloseTo(fitted * 1.2);
    // The next stage keeps the presenter's zoom on top of its own fit.
    await page.keyboard.press('ArrowRight');
    await expectProgress(page, 'stage 3 of 4 · steps 6–7 of 8');
    expect((await lastSlide(page))?.scale).toBeCloseTo(1.2);
    await page.evaluate(() => window.postMessage({ type: 'zoom', action: 'fit' }, '*'));
    await expect.poll(async () => (await lastSlide(page))?.scale).toBe(1);
    expect(await page.locator('#bp-slide').evaluate((area) => area.scrollHeight <= area.clientHeight + 1 && area.scrollWidth <= area.clientWidth + 1)).toBe(true);
    // The grid's own zoom was not touched.
    const report = (await sent(page)).filter((m): m is RenderedMessage => m.type === 'rendered').at(-1);
    expect(report?.zoom).toBe(1);
    expect(report?.state.zoom).toBeUndefined();
    await page.close();
  });

  it('goes from a journey without steps to one with steps while presenting, without leftovers', async () => {
    const page = await preview.open();
    const updates = await incrementalUpdates(ENGLISH);
    const empty = updates.text.slice(0, updates.text.indexOf('## Journey'));
    await deliver(page, updates.full(empty));
    await page.evaluate(() => window.postMessage({ type: 'setView', present: true }, '*'));
    await page.waitForSelector('#bp-slide .bp-empty');
    await deliver(page, updates.full(updates.text));
    await expectProgress(page, 'stage 1 of 4 · steps 1–2 of 8');
    expect(await page.locator('#bp-slide > :not(.bp-slide-waiting)').count()).toBe(1);
    expect(await page.locator('#bp-slide .bp-empty').count()).toBe(0);
    await page.close();
  });

  it('speaks the blueprint\'s language: the Dutch progress line', async () => {
    const page = await preview.open({ language: { lang: 'nl', labels: toolbarLabels('nl') } });
    const update = await updateFor(DUTCH, 1);
    await deliver(page, update);
    await present(page);
    const slide = await lastSlide(page);
    expect(slide?.progress).toMatch(/^fase 1 van \d+ · stappen? 1(–\d+)? van \d+$/);
    expect(await page.locator('#bp-slide-next').textContent()).toBe('Volgende');
    await page.close();
  });

  it('in a narrow pane, breaks long words in step names and cells instead of letting them run into the next column', async () => {
    // The preview beside the editor in a laptop window: about 500 px wide. Dutch names hold long words.
    const page = await preview.open({ viewport: { width: 500, height: 800 }, language: { lang: 'nl', labels: toolbarLabels('nl') } });
    await deliver(page, await updateFor(DUTCH, 1));
    await present(page);
    for (let stage = 0; stage < 4; stage++) {
      await expect.poll(async () => (await lastSlide(page))?.index).toBe(stage);
      const overflowing = await page.locator(`${SLIDE} th.bp-step, ${SLIDE} td`).evaluateAll((cells) => cells
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => (cell as HTMLElement).dataset.step ?? cell.textContent?.slice(0, 40)));
      expect(overflowing, `stage ${stage + 1}`).toEqual([]);
      await page.keyboard.press('ArrowRight');
    }
    // The progress line reads as one line; the bar's buttons wrap instead.
    const progress = await page.locator('#bp-progress').evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight) || parseFloat(getComputedStyle(element).fontSize) * 1.4,
      zoom: Number(getComputedStyle(element.closest('.bp-present-bar')!).zoom || 1),
    }));
    expect(progress.height).toBeLessThan(progress.lineHeight * progress.zoom * 1.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();
  });

  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    it(`fits every stage of the example at ${size.width}×${size.height} without scroll bars, in large type`, async () => {
      const page = await preview.open({ viewport: size, update: await updateFor(ENGLISH, 1) });
      await present(page);
      for (let stage = 0; stage < 4; stage++) {
        await expect.poll(async () => (await lastSlide(page))?.index).toBe(stage);
        const fit = await page.evaluate(() => {
          const area = document.getElementById('bp-slide') as HTMLElement;
          const customer = area.querySelector('tr[data-lane="customer"] td .bp-note') ?? area.querySelector('tr[data-lane="customer"] td');
          const zoom = Number((area.querySelector(':scope > :not(.bp-slide-waiting)') as HTMLElement).style.zoom || 1);
          return {
            vertical: area.scrollHeight <= area.clientHeight + 1,
            horizontal: area.scrollWidth <= area.clientWidth + 1,
            page: document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth,
            // The size the text is drawn at: the cell's font size times the slide's zoom.
            textPx: customer ? parseFloat(getComputedStyle(customer).fontSize) * zoom : 0,
          };
        });
        if (SCREENSHOTS && stage === 1) await page.screenshot({ path: resolve(SCREENSHOTS, `present-${size.width}.png`) });
        if (stage === 0) {
          // The bar's controls are comfortable targets (WCAG 2.5.8 asks 24 px; larger on a big screen).
          const targets = await page.locator('.bp-present-bar vscode-toolbar-button').evaluateAll((buttons) => buttons.map((b) => {
            const box = b.getBoundingClientRect();
            return { id: b.id, width: Math.round(box.width), height: Math.round(box.height) };
          }));
          expect(targets.length).toBe(5);
          for (const target of targets) {
            expect(target.height, target.id).toBeGreaterThanOrEqual(size.width >= 1920 ? 32 : 24);
            expect(target.width, target.id).toBeGreaterThanOrEqual(size.width >= 1920 ? 32 : 24);
          }
        }
        expect(fit, `stage ${stage + 1}`).toMatchObject({ vertical: true, horizontal: true, page: true });
        // Larger than the preview's 13 px; at 1920×1080 half as large again.
        expect(fit.textPx, `stage ${stage + 1}`).toBeGreaterThanOrEqual(size.width >= 1920 ? 20 : 13.5);
        await page.keyboard.press('ArrowRight');
      }
      await page.close();
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in presentation mode (${theme} theme, a persona chosen)`, async () => {
      // axe is added as a script tag, which the page's CSP would refuse.
      const page = await preview.open({ viewport: { width: 1280, height: 720 }, theme, before: bypassCsp, update: await updateFor(ENGLISH, 1) });
      await page.evaluate(() => window.postMessage({ type: 'setView', persona: 'maria' }, '*'));
      await present(page);
      await page.keyboard.press('ArrowRight');
      await expectProgress(page, 'stage 2 of 4 · steps 3–5 of 8');
      await page.addScriptTag({ path: AXE_SCRIPT });
      const results = await page.evaluate(() => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } })
        .axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      const summary = results.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`).join('\n');
      expect(results.violations, summary).toEqual([]);
      // Every text on the slide was measured (none of it "incomplete").
      const unmeasured = results.incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => String(n.target[0])));
      const onSlide = await page.evaluate((selectors) => selectors.filter((s) => document.querySelector(s)?.closest('#bp-slide')), unmeasured);
      expect(onSlide).toEqual([]);
      await page.close();
    });
  }
});

// Only where Chromium is missing (and CI is not set): one skipped test that says why.
if (unavailable !== undefined) {
  describe('presentation mode in Chromium (skipped)', () => {
    it.skip(unavailable, () => {});
  });
}
