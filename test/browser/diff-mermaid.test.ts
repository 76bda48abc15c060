/**
 * The Mermaid flowchart of `blueprint diff --format markdown` renders in a real browser
 * (Debian's Chromium with the Mermaid package the preview uses), with the changed steps
 * in their classes; a hostile blueprint's chart renders too and runs nothing. The marked
 * html grid is opened as a page and checked for its marks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyFlowchart, renderDiffPage } from '../../src/core/index';
import { uriOf, workspaceWith } from '../unit/features/workspace';
import { BASE, HEAD } from '../unit/diff/fixtures';
import { diffTexts } from '../unit/diff/helpers';
import { chromiumUnavailable, launchChromium, type Browser } from './chromium';

const unavailable = chromiumUnavailable();
const MERMAID = resolve('node_modules/mermaid/dist/mermaid.min.js');
const HOSTILE = readFileSync(resolve('test/fixtures/hostile/hostile.blueprint.md'), 'utf8');

async function headDoc(text: string) {
  const workspace = await workspaceWith({ 'journey.blueprint.md': text });
  const doc = workspace.get(uriOf('journey.blueprint.md'));
  if (!doc) throw new Error('not parsed');
  return { workspace, doc };
}

describe.skipIf(unavailable !== undefined)('diff chart and grid in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  /** Renders Mermaid source; resolves to the SVG markup or throws Mermaid's parse error. */
  async function renderChart(source: string): Promise<{ svg: string; dialogs: number }> {
    const page = await browser.context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    try {
      await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
      await page.addScriptTag({ path: MERMAID });
      const svg = await page.evaluate(async (text) => {
        const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const { svg } = await mermaid.render('chart', text);
        document.getElementById('out')!.innerHTML = svg;
        return svg;
      }, source);
      return { svg, dialogs };
    } finally {
      await page.close();
    }
  }

  it('draws every step of the head with added, changed and moved steps in their classes', async () => {
    const { changes } = await diffTexts(BASE, HEAD);
    const { doc } = await headDoc(HEAD);
    const chart = journeyFlowchart(doc, changes);
    const { svg } = await renderChart(chart.source);
    for (const step of doc.steps) expect(svg).toContain(step.name);
    expect(svg).toMatch(/class="node [^"]*added/);
    expect(svg).toMatch(/class="node [^"]*moved/);
    expect(svg).toMatch(/class="node [^"]*changed/);
    expect(svg).toContain('Decide');
  }, 60_000);

  it("renders a hostile blueprint's chart without running anything", async () => {
    const { doc } = await headDoc(HOSTILE);
    const changes = doc.steps.map((step) => ({ kind: 'step-added' as const, step: step.id, name: step.name, stage: step.stage ?? null, line: 1 }));
    const { svg, dialogs } = await renderChart(journeyFlowchart(doc, changes).source);
    expect(dialogs).toBe(0);
    expect(svg).not.toMatch(/<script|javascript:|onerror=/i);
  }, 60_000);

  it('the html page marks the changed columns and strikes through removed steps', async () => {
    const diff = await diffTexts(BASE, HEAD);
    const { workspace, doc } = await headDoc(HEAD);
    const html = renderDiffPage({ render: { doc, index: workspace.index, diagnostics: workspace.diagnostics(doc.uri) }, changes: diff.changes, attention: diff.attention, locale: 'en', versions: 'main → working tree' });
    const page = await browser.context.newPage();
    try {
      await page.setContent(html);
      const shadow = (step: string) => page.locator(`th[data-step="${step}"]`).evaluate((el) => getComputedStyle(el).boxShadow);
      expect(await shadow('asks-for-help')).toContain('rgb(26, 127, 55)');
      expect(await shadow('sends-the-papers')).toContain('rgb(9, 105, 218)');
      expect(await shadow('calls-the-office')).toContain('rgb(154, 103, 0)');
      expect(await shadow('reads-the-web-page')).toContain('rgb(154, 103, 0)');
      expect(await page.locator('.bp-diff-removed del').allTextContents()).toEqual(['Waits for the letter']);
      const label = await page.locator('th[data-step="asks-for-help"]').evaluate((el) => getComputedStyle(el, '::after').content);
      expect(label).toBe('"added"');
      if (process.env.BLUEPRINT_SCREENSHOTS) await page.screenshot({ path: resolve('docs/images/diff-grid.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);
});
