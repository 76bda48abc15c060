/**
 * Preview figures for `npm run bench`: how long a change to the 1000-step blueprint takes
 * to reach the screen (render in the extension host, then the webview swapping the grid
 * in Chromium until painted), and the webview bundle's size with and without Mermaid.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { URI } from 'vscode-uri';
import { BlueprintWorkspace } from '../src/core';
import { renderBlueprintHtml } from '../src/core/render/html';
import { renderMermaid } from '../src/core/render/mermaid';
import { buildJourneyView } from '../src/core/render/journey-view';
import type { ContentUpdate } from '../src/shared/messages';
import { chromiumUnavailable, launchChromium } from '../test/browser/chromium';
import { buildWebview, openPreviewPage } from '../test/browser/preview-page';
import { generateBlueprint } from './generate';
import { median, ms } from './stats';

const RUNS = 7;

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

/** The model change the editor would send after a keystroke: re-parse, re-check, re-render. */
function makeUpdate(workspace: BlueprintWorkspace, uri: string, text: string, version: number): { update: ContentUpdate; renderMs: number } {
  const start = performance.now();
  const doc = workspace.setText(uri, text);
  const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
  const update: ContentUpdate = {
    type: 'update', uri, version, title: 'generated', html: renderBlueprintHtml(input), mermaid: renderMermaid(input),
    personas: buildJourneyView(input).personas, lang: doc.lang, newDocument: version === 1,
  };
  return { update, renderMs: performance.now() - start };
}

/** Print the preview's figures. */
export async function runBench(inputs: Record<number, string>): Promise<void> {
  const file = inputs[1000];
  const text = readFileSync(file, 'utf8');
  const uri = URI.file(file).toString();
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  workspace.setText(uri, text);
  await workspace.loadDependencies();

  const distDir = join(process.cwd(), 'dist', 'webview');
  const built = existsSync(join(distDir, 'webview.js')) ? undefined : await buildWebview();
  const bundleDir = built?.dir ?? distDir;
  try {
    const initial = size(initialFiles(bundleDir));
    const all = size(files(bundleDir).filter((path) => path.endsWith('.js')));
    console.log(`Webview bundle without Mermaid (loaded on open): ${kib(initial.raw)} (${kib(initial.gzip)} gzip)`);
    console.log(`Webview bundle with Mermaid (all chunks):         ${kib(all.raw)} (${kib(all.gzip)} gzip)`);

    const unavailable = chromiumUnavailable();
    if (unavailable) {
      console.log(`Preview update time: skipped (${unavailable})`);
      return;
    }
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await openPreviewPage(page, bundleDir);
      const lines = text.split('\n');
      const renders: number[] = [];
      const paints: number[] = [];
      for (let run = 1; run <= RUNS + 1; run++) {
        // A one-character edit on a customer line, as typing would make.
        const at = lines.findIndex((line, i) => i > run * 40 && line.startsWith('- customer:'));
        lines[at] = `${lines[at]}x`;
        const { update, renderMs } = makeUpdate(workspace, uri, lines.join('\n'), run);
        // Source text, not a function: tsx's transpiled helpers do not exist in the page.
        const paintMs = await page.evaluate<number>(`(async () => {
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
        // The first paint builds the page from nothing; the figures are for updates.
        if (run > 1) {
          renders.push(renderMs);
          paints.push(paintMs);
        }
      }
      const render = median(renders);
      const paint = median(paints);
      console.log(`Preview update, 1000 steps (median of ${RUNS}): render in the extension host ${ms(render)}, webview swap to painted ${ms(paint)}, total ${ms(render + paint)}`);
    } finally {
      await browser.close();
    }
  } finally {
    built?.dispose();
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
