/**
 * The Coverage view in Chromium: in the webview (switched by message and by its toolbar
 * button, cells revealing their step, keyboard too, vulnerable gaps highlighted, labels in
 * the file's language) and as the exported page (`blueprint render --view coverage`);
 * axe-core's WCAG 2.1 A/AA rules find nothing in light, dark and Dutch.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage, renderCoverageHtml } from '../../src/core';
import { BlueprintWorkspace } from '../../src/core/workspace';
import { NodeFileHost } from '../../src/cli/check/node-host';
import type { CliIo } from '../../src/cli/io';
import { runRender } from '../../src/cli/render';
import type { ContentUpdate, FromWebviewMessage, RenderedMessage } from '../../src/shared/messages';
import { chromiumUnavailable } from './chromium';
import { bypassCsp, deliver, previewSuite, sent, updateFor } from './preview-page';

const unavailable = chromiumUnavailable();
const ENGLISH = resolve('examples/apply-for-housing-benefit.blueprint.md');
const DUTCH = resolve('examples/bijstand-aanvragen.blueprint.md');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const io = (): CliIo => ({ stdout: () => {}, stderr: () => {}, cwd: process.cwd(), env: {}, stdoutIsTTY: false });

/** The update the extension sends, with the coverage it renders beside the grid. */
async function updateWithCoverage(file: string, version: number): Promise<ContentUpdate> {
  const { steps: _steps, ...update } = await updateFor(file, version);
  const workspace = new BlueprintWorkspace(new NodeFileHost());
  const uri = URI.file(file).toString();
  workspace.setText(uri, readFileSync(file, 'utf8'));
  await workspace.loadDependencies();
  const doc = workspace.get(uri);
  if (!doc) throw new Error(`cannot parse ${file}`);
  return { ...update, coverage: renderCoverageHtml(buildCoverage({ doc, index: workspace.index })) };
}

async function lastRendered(page: Page): Promise<RenderedMessage | undefined> {
  return (await sent(page)).filter((m): m is RenderedMessage => m.type === 'rendered').pop();
}

async function setView(page: Page, view: 'grid' | 'coverage'): Promise<RenderedMessage> {
  const before = (await sent(page)).length;
  await page.evaluate((v) => window.postMessage({ type: 'setView', view: v }, '*'), view);
  await page.waitForFunction((n) => (window as unknown as { __sent: FromWebviewMessage[] }).__sent.slice(n).some((m) => m.type === 'rendered'), before);
  const rendered = await lastRendered(page);
  if (!rendered) throw new Error('no rendered message');
  return rendered;
}

async function reveals(page: Page): Promise<number[]> {
  return (await sent(page)).flatMap((m) => (m.type === 'revealLine' ? [m.line] : []));
}

/** axe's WCAG 2.0/2.1 A and AA rules on the page, with the viewport as large as the matrix. */
async function expectAxeClean(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1400 });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } })
    .axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const described = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
  expect(described).toEqual([]);
  // Contrast axe could not measure inside the matrix would be an unchecked pass.
  const unmeasured = results.incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => String(n.target[0])));
  const inMatrix = await page.evaluate((selectors) => selectors.filter((s) => document.querySelector(s)?.closest('.bp-cov')), unmeasured);
  const why = results.incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => `${JSON.stringify(n.target)} ${n.any.map((c) => c.message).join('; ')}`));
  expect(inMatrix, why.join('\n')).toEqual([]);
}

describe.skipIf(unavailable !== undefined)('the Coverage view in Chromium', () => {
  const preview = previewSuite();
  let out: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'bp-coverage-'));
  });

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('switches from the grid to the matrix and back, and reports what it painted', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
    expect(await page.locator('#bp-coverage-view').isHidden()).toBe(true);
    const rendered = await setView(page, 'coverage');
    expect(rendered.state.view).toBe('coverage');
    expect(rendered.coverage).toEqual({
      stages: ['find-out', 'apply', 'decision', 'changes-during-the-year', 'renewal'],
      personas: ['maria', 'kees', 'ahmed', 'sanne', 'henk', 'lotte'],
    });
    expect(await page.locator('#bp-root').isHidden()).toBe(true);
    expect(await page.locator('#bp-coverage-view table.bp-cov-table').isVisible()).toBe(true);
    // The toolbar button follows the state, and clicking it goes back to the grid.
    expect(await page.locator('#bp-coverage').evaluate((b) => (b as HTMLElement & { checked: boolean }).checked)).toBe(true);
    await page.locator('#bp-coverage').click();
    await page.waitForFunction(() => !document.getElementById('bp-root')?.hidden);
    expect((await lastRendered(page))?.state.view).toBe('grid');
    expect(await page.locator('#bp-coverage-view').isHidden()).toBe(true);
    await page.close();
  });

  it('drops a stale matrix when an update comes without it (sent while another view was shown)', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
    expect(await page.locator('#bp-coverage-view table').count()).toBe(1);
    const { steps: _steps, ...withoutCoverage } = await updateFor(ENGLISH, 2);
    await deliver(page, { ...withoutCoverage, newDocument: false });
    expect(await page.locator('#bp-coverage-view').innerHTML()).toBe('');
    expect((await setView(page, 'coverage')).coverage).toBeUndefined();
    await page.close();
  });

  it('is an accessible table: caption, column and row headers, vulnerable personas marked in words', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
    await setView(page, 'coverage');
    const table = page.locator('table.bp-cov-table');
    expect(await table.locator('caption').textContent()).toBe('Coverage of Apply for housing benefit: 6 personas across 5 stages.');
    expect(await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')))).toEqual(Array(8).fill('col'));
    expect(await table.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')))).toEqual(Array(6).fill('row'));
    // The mark is a symbol for the eye and a word for screen readers.
    expect(await table.locator('tr[data-persona="lotte"] th').innerText()).toContain('Lotte');
    expect(await table.locator('tr[data-persona="lotte"] th .bp-sr-only').textContent()).toBe(' (vulnerable)');
    expect(await table.locator('tr[data-persona="sanne"] th .bp-sr-only').count()).toBe(0);
    await page.close();
  });

  it('highlights the empty stages of vulnerable personas only', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
    await setView(page, 'coverage');
    const background = (selector: string): Promise<string> => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
    const gap = await background('tr[data-persona="lotte"] td[data-stage="apply"]');
    const emptyNotVulnerable = await background('tr[data-persona="henk"] td[data-stage="apply"]');
    const served = await background('tr[data-persona="ahmed"] td[data-stage="apply"]');
    expect(gap).not.toBe(emptyNotVulnerable);
    expect(served).toBe(emptyNotVulnerable);
    expect(await page.locator('td.bp-cov-gap').count()).toBe(
      await page.locator('tr.bp-cov-vulnerable td.bp-cov-empty:not([data-stage="renewal"])').count());
    expect(await page.locator('tr[data-persona="lotte"] td[data-stage="apply"] .bp-sr-only').textContent())
      .toBe(' (a vulnerable persona with no step in this stage)');
    await page.close();
  });

  it('reveals the first step of a cell on click and on Enter, like the grid', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
    await setView(page, 'coverage');
    const lines = readFileSync(ENGLISH, 'utf8').split('\n');
    await page.locator('tr[data-persona="ahmed"] td[data-stage="apply"]').click();
    const [clicked] = await reveals(page);
    expect(lines[clicked]).toMatch(/^#### Step: /);
    expect(lines.slice(clicked).join('\n')).toMatch(/^#### Step: [^\n]*\n(?:.*\n)*?### Stage: Decision/);
    await page.locator('#bp-coverage-view th[data-stage="decision"]').focus();
    await page.keyboard.press('Enter');
    const [, stageLine] = await reveals(page);
    expect(lines[stageLine]).toBe('### Stage: Decision');
    // A cell without steps has nowhere to go: not focusable, no reveal.
    expect(await page.locator('tr[data-persona="lotte"] td[data-stage="apply"]').getAttribute('tabindex')).toBeNull();
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in the webview, ${theme} theme`, async () => {
      const page = await preview.open({ theme, before: bypassCsp, update: await updateWithCoverage(ENGLISH, 1) });
      await setView(page, 'coverage');
      await expectAxeClean(page);
      await page.close();
    });
  }

  it('speaks the file\'s language: a Dutch blueprint gets Dutch labels and lang="nl", and passes axe', async () => {
    const page = await preview.open({ before: bypassCsp, update: await updateWithCoverage(DUTCH, 1) });
    await setView(page, 'coverage');
    expect(await page.locator('#bp-coverage-view .bp-cov').getAttribute('lang')).toBe('nl');
    expect(await page.locator('table.bp-cov-table caption').textContent()).toMatch(/^Dekking van Bijstand aanvragen: \d+ persona's over 4 fasen\.$/);
    expect(await page.locator('table.bp-cov-table thead th').allTextContents()).toEqual(
      ['Persona', 'Gehoord', 'Getest', 'Oriënteren', 'Aanvragen', 'Beoordeling', 'Eerste maand']);
    expect(await page.locator('tfoot th').allTextContents()).toEqual(['Stappen', 'Zonder persona', 'Basis']);
    await expectAxeClean(page);
    await page.close();
  });

  it('exports the same matrix with blueprint render --view coverage, axe-clean in light and dark, no script', async () => {
    const html = join(out, 'coverage.html');
    expect(await runRender([ENGLISH, '--view', 'coverage', '-o', html], io())).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<script');
    expect(text).toContain("default-src 'none'");
    const page = await preview.browser.context.newPage();
    await bypassCsp(page);
    await page.goto(pathToFileURL(html).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('table.bp-cov-table tbody tr').count()).toBe(6);
    expect(await page.locator('.bp-cov-unknown li').textContent()).toContain('@ahmad');
    await expectAxeClean(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAxeClean(page);
    await page.close();
  });
});
