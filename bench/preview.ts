/**
 * Preview figures for `npm run bench`: how long a change to a blueprint (125 and 1000
 * steps) takes to reach the screen (render and diff in the extension host as the preview
 * does, then the webview patching the grid in Chromium until painted), and the webview
 * bundle's size with and without Mermaid. Standalone: `npx tsx bench/preview.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { URI } from 'vscode-uri';
import { BlueprintRenderer, buildCoverage, createBlueprintService, diffBlueprint, joinBlueprint, renderCoverageHtml, renderMermaid, type BlueprintParts, type BlueprintService } from '../src/core';
import type { Page } from 'playwright-core';
import type { ContentUpdate } from '../src/shared/messages';
import { chromiumUnavailable, launchChromium } from '../test/browser/chromium';
import { buildWebview, openPreviewPage } from '../test/browser/preview-page';
import { generateBlueprint } from './generate';
import { median, ms } from './stats';

const RUNS = 7;
/** As `FIRST_PAINT_STEPS` in src/extension/preview/preview.ts (the bench does not load the extension). */
const FIRST_STEPS = 40;

/** Files of a folder, recursively, without source maps. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.map') ? [] : [path];
  });
}

/** The entry and every chunk it imports statically: what loads before Mermaid is asked for. */
function initialFiles(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // esbuild writes static imports as `import … from "./chunks/x.js"` (or `import "./…"`).
    for (const match of code.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(file, '..', match[1]));
    }
  };
  visit(join(dir, 'webview.js'));
  return [...seen];
}

function size(paths: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const bytes = readFileSync(path);
    raw += statSync(path).size;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** The extension's side of the preview: the renderer and what was sent last (see `preview.ts`). */
interface Sender {
  renderer: BlueprintRenderer;
  sent?: { parts: BlueprintParts; version: number };
}

interface Timed {
  update: ContentUpdate;
  /** Re-parse and re-check (the language core's share). */
  analyseMs: number;
  /** Render, diff against the last update and Mermaid source (the preview's share in the host). */
  renderMs: number;
}

/** The model change the editor would send after a keystroke: re-parse, re-check, re-render, diff. */
function makeUpdate(workspace: BlueprintService, sender: Sender, uri: string, text: string, version: number): Timed {
  const start = performance.now();
  const doc = workspace.setText(uri, text);
  const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
  const analysed = performance.now();
  const parts = sender.renderer.render(input);
  const patch = sender.sent ? diffBlueprint(sender.sent.parts, parts) : undefined;
  const update: ContentUpdate = {
    type: 'update', uri, version, title: 'generated',
    html: patch ? '' : joinBlueprint(parts),
    patch: patch && sender.sent ? { ...patch, baseVersion: sender.sent.version } : undefined,
    mermaid: renderMermaid(input, parts.view),
    personas: parts.view.personas, lang: doc.lang, newDocument: version === 1,
  };
  sender.sent = { parts, version };
  const rendered = performance.now();
  return { update, analyseMs: analysed - start, renderMs: rendered - analysed };
}

/**
 * The first steps of the journey, as the preview sends them first for a long journey
 * (`FIRST_PAINT_STEPS` in src/extension/preview/preview.ts): parse + check, render those
 * columns only. The whole grid follows as the next update.
 */
function makeFirstSteps(workspace: BlueprintService, sender: Sender, uri: string, text: string, version: number): Timed {
  const start = performance.now();
  const doc = workspace.setText(uri, text);
  const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
  const analysed = performance.now();
  const parts = sender.renderer.render(input, { columns: FIRST_STEPS });
  const update: ContentUpdate = {
    type: 'update', uri, version, title: 'generated', html: joinBlueprint(parts), mermaid: '',
    personas: parts.view.personas, lang: doc.lang, newDocument: true, partial: true,
  };
  return { update, analyseMs: analysed - start, renderMs: performance.now() - analysed };
}

/** Deliver the first steps; resolves with the time until they were painted (the page reports nothing for them). */
async function paintFirstSteps(page: Page, update: ContentUpdate): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const message = ${JSON.stringify(update)};
    const start = performance.now();
    window.postMessage(message, '*');
    await new Promise((resolve) => {
      const check = () => document.querySelectorAll('#bp-root th.bp-step').length === ${FIRST_STEPS} ? resolve() : setTimeout(check, 0);
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  })()`);
}

/** Deliver an update to the page; resolves with the time until the frame after its report was painted. */
async function paint(page: Page, update: ContentUpdate): Promise<number> {
  // Source text, not a function: tsx's transpiled helpers do not exist in the page.
  return page.evaluate<number>(`(async () => {
    const message = ${JSON.stringify(update)};
    const start = performance.now();
    window.postMessage(message, '*');
    await new Promise((resolve) => {
      const check = () => window.__sent.some((m) => m.type === 'rendered' && m.version === message.version) ? resolve() : setTimeout(check, 0);
      check();
    });
    // The report is posted in an animation frame; the frame after it has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  })()`);
}

/** Median figures of typing in one blueprint: a character per run, and a new line once. */
async function measureEdits(page: Page, file: string, label: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const uri = URI.file(file).toString();
  const workspace = createBlueprintService({ readFile: async () => undefined });
  workspace.setText(uri, text);
  await workspace.loadDependencies();
  const sender: Sender = { renderer: new BlueprintRenderer() };
  const lines = text.split('\n');
  const customerLines = lines.flatMap((line, i) => (line.startsWith('- customer:') ? [i] : []));
  // A long journey's first paint shows its first steps; the whole grid follows (as the preview does).
  const steps = customerLines.length;
  const firstSteps = steps > 2 * FIRST_STEPS ? makeFirstSteps(workspace, sender, uri, text, 0) : undefined;
  const firstStepsPaint = firstSteps ? await paintFirstSteps(page, firstSteps.update) : 0;
  const first = makeUpdate(workspace, sender, uri, text, 1);
  const firstPaint = await paint(page, first.update);
  const analyses: number[] = [];
  const renders: number[] = [];
  const paints: number[] = [];
  let bytes = 0;
  for (let run = 1; run <= RUNS; run++) {
    // A one-character edit on a customer line, as typing would make, spread over the journey.
    const at = customerLines[Math.floor((run * customerLines.length) / (RUNS + 1))];
    lines[at] = `${lines[at]}x`;
    const timed = makeUpdate(workspace, sender, uri, lines.join('\n'), run + 1);
    bytes = JSON.stringify(timed.update).length;
    analyses.push(timed.analyseMs);
    renders.push(timed.renderMs);
    paints.push(await paint(page, timed.update));
  }
  // Enter pressed in the middle of the journey: every later step's line hooks move.
  const middle = customerLines[customerLines.length >> 1];
  lines.splice(middle, 0, '');
  const newline = makeUpdate(workspace, sender, uri, lines.join('\n'), RUNS + 2);
  const newlinePaint = await paint(page, newline.update);
  const [analyse, render, painted] = [median(analyses), median(renders), median(paints)];
  if (firstSteps) {
    console.log(`Preview, ${label}: first paint (the first ${FIRST_STEPS} steps) ${ms(firstSteps.analyseMs + firstSteps.renderMs)} in the host (parse + check ${ms(firstSteps.analyseMs)}, render ${ms(firstSteps.renderMs)}) + ${ms(firstStepsPaint)} to paint = ${ms(firstSteps.analyseMs + firstSteps.renderMs + firstStepsPaint)}`);
    console.log(`  then the whole grid: ${ms(first.renderMs)} in the host + ${ms(firstPaint)} to paint`);
  } else {
    console.log(`Preview, ${label}: first render ${ms(first.analyseMs + first.renderMs)} in the host + ${ms(firstPaint)} to paint`);
  }
  console.log(`  one-character edit (median of ${RUNS}): re-parse + check ${ms(analyse)}, render + diff ${ms(render)}, webview patch to painted ${ms(painted)} (message ${(bytes / 1024).toFixed(1)} KiB); preview total ${ms(render + painted)}, with the core ${ms(analyse + render + painted)}`);
  console.log(`  new line in the middle: re-parse + check ${ms(newline.analyseMs)}, render + diff ${ms(newline.renderMs)}, webview to painted ${ms(newlinePaint)}`);
  // The Coverage view's extra work per update, paid only while that view is shown.
  const doc = workspace.get(uri);
  const coverageTimes: number[] = [];
  let coverageBytes = 0;
  for (let run = 0; doc && run < RUNS; run++) {
    const start = performance.now();
    coverageBytes = renderCoverageHtml(buildCoverage({ doc, index: workspace.index })).length;
    coverageTimes.push(performance.now() - start);
  }
  console.log(`  Coverage view (only while shown): coverage + its HTML ${ms(median(coverageTimes))} per update (${(coverageBytes / 1024).toFixed(1)} KiB), ${(median(coverageTimes) / Math.max(render, 0.001)).toFixed(1)}× the grid's render + diff`);
}

/**
 * Presentation mode on the blueprint shown: the time from a slide key (→ / ←) until the
 * next slide is painted, median of `RUNS` presses each way, one step per slide (the most
 * slides) and one stage. A presenter pauses between keys, and the slides either side are
 * made ready in that pause (`webview/slide-deck.ts`): the main figure waits a quarter of a
 * second between keys; keys pressed back to back (nothing made ready) are measured too.
 */
async function measureSlides(page: Page, label: string): Promise<void> {
  const press = (key: string): Promise<number> => page.evaluate<number>(`(async () => {
    const before = window.__sent.filter((m) => m.type === 'rendered').length;
    const start = performance.now();
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const check = () => window.__sent.filter((m) => m.type === 'rendered').length > before ? resolve() : setTimeout(check, 0);
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  })()`);
  const figures: string[] = [];
  await page.evaluate(() => window.postMessage({ type: 'setView', present: true }, '*'));
  await page.waitForSelector('#bp-slide .bp-slide-grid');
  for (const unit of ['stage', 'step'] as const) {
    if (unit === 'step') await page.locator('#bp-slide-unit').click();
    await page.locator('#bp-slide').focus();
    const count = await page.evaluate<number>(`window.__sent.filter((m) => m.type === 'rendered').at(-1)?.slide?.count ?? 1`);
    const runs = Math.min(RUNS, count - 1);
    const times: Record<'paused' | 'rushed', { next: number[]; previous: number[] }> = { paused: { next: [], previous: [] }, rushed: { next: [], previous: [] } };
    for (const pace of ['paused', 'rushed'] as const) {
      // From the first slide, as many presses as there are slides after it (a key past the end changes nothing).
      await page.evaluate(() => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
      for (const [key, into] of [['ArrowRight', times[pace].next], ['ArrowLeft', times[pace].previous]] as const) {
        for (let run = 0; run < runs; run++) {
          if (pace === 'paused') await page.waitForTimeout(250);
          into.push(await press(key));
        }
      }
    }
    const steps = await page.locator('#bp-slide > :not(.bp-slide-waiting) th.bp-step').count();
    const { paused, rushed } = times;
    figures.push(`${unit} slides (${steps} step${steps === 1 ? '' : 's'}): next ${ms(median(paused.next))}, previous ${ms(median(paused.previous))} (back to back: ${ms(median(rushed.next))}, ${ms(median(rushed.previous))})`);
  }
  await page.evaluate(() => window.postMessage({ type: 'setView', present: false }, '*'));
  console.log(`  presentation mode, ${label}, key to slide painted (median of up to ${RUNS}, keys a quarter second apart): ${figures.join('; ')}`);
}

/** Print the preview's figures. */
export async function runBench(inputs: Record<number, string>): Promise<void> {
  const distDir = join(process.cwd(), 'dist', 'webview');
  // Sizes are those of the shipped bundle when built; timings always use the current source.
  const built = await buildWebview();
  const sizeDir = existsSync(join(distDir, 'webview.js')) ? distDir : built.dir;
  try {
    const initial = size(initialFiles(sizeDir));
    const all = size(files(sizeDir).filter((path) => path.endsWith('.js')));
    console.log(`Webview bundle without Mermaid (loaded on open): ${kib(initial.raw)} (${kib(initial.gzip)} gzip)`);
    console.log(`Webview bundle with Mermaid (all chunks):         ${kib(all.raw)} (${kib(all.gzip)} gzip)`);

    const unavailable = chromiumUnavailable();
    if (unavailable) {
      console.log(`Preview update time: skipped (${unavailable})`);
      return;
    }
    const browser = await launchChromium();
    try {
      for (const steps of Object.keys(inputs).map(Number).sort((a, b) => a - b)) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1400, height: 900 });
        await openPreviewPage(page, built.dir);
        await measureEdits(page, inputs[steps], `${steps} steps`);
        await measureSlides(page, `${steps} steps`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    built.dispose();
  }
}

// `npx tsx bench/preview.ts`: the preview figures alone, on freshly generated blueprints.
if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/preview.ts')) {
  const folder = join(process.cwd(), '.tmp', 'bench-preview');
  const inputs: Record<number, string> = {};
  for (const steps of [125, 1000]) {
    mkdirSync(join(folder, String(steps)), { recursive: true });
    inputs[steps] = join(folder, String(steps), `generated-${steps}.blueprint.md`);
    writeFileSync(inputs[steps], generateBlueprint(steps));
  }
  runBench(inputs).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
