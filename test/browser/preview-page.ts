/**
 * The preview webview outside VS Code: the real page (`previewPage`) and the real bundle
 * (built here with the options of esbuild.mjs), served from a made-up origin through
 * Playwright's request routing (no server, no network), with a stub `acquireVsCodeApi`
 * that records what the webview posts, and VS Code-like theme variables.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BlueprintWorkspace } from '../../src/core/workspace';
import { buildJourneyView } from '../../src/core/render/journey-view';
import { renderBlueprintHtml } from '../../src/core/render/html';
import { BlueprintRenderer, joinBlueprint, type BlueprintParts } from '../../src/core/render/grid';
import { diffBlueprint } from '../../src/core/render/patch';
import { renderMermaid } from '../../src/core/render/mermaid';
import { NodeFileHost } from '../../src/cli/check/node-host';
import { previewPage, type PageLabels } from '../../src/extension/preview/page';
import { defaultViewState, type ContentUpdate, type FromWebviewMessage } from '../../src/shared/messages';
import { URI } from 'vscode-uri';
import { launchChromium, type Browser } from './chromium';

export const ORIGIN = 'http://bp.test';

/** Build `webview/main.ts` as esbuild.mjs does (ES modules, Mermaid split off). */
export async function buildWebview(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-webview-'));
  await esbuild.build({
    entryPoints: { webview: 'webview/main.ts' },
    outdir: dir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'es2022',
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.css': 'text' },
    logLevel: 'silent',
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const THEMES = {
  light: `body { --vscode-editor-background:#ffffff; --vscode-editor-foreground:#3b3b3b; --vscode-descriptionForeground:#717171;
    --vscode-editorGroup-border:#e5e5e5; --vscode-sideBar-background:#f8f8f8; --vscode-focusBorder:#005fb8;
    --vscode-textLink-foreground:#005fb8; --vscode-editorError-foreground:#e51400; --vscode-editorWarning-foreground:#bf8803;
    --vscode-editorInfo-foreground:#1a85ff; --vscode-font-family:system-ui, "Segoe UI", sans-serif; --vscode-font-size:13px;
    --vscode-editorIndentGuide-activeBackground1:#939393; --vscode-foreground:#3b3b3b;
    --vscode-settings-dropdownBackground:#ffffff; --vscode-settings-dropdownForeground:#3b3b3b;
    --vscode-settings-dropdownBorder:#cecece; --vscode-settings-dropdownListBorder:#c8c8c8;
    --vscode-list-activeSelectionBackground:#e8e8e8; --vscode-list-activeSelectionForeground:#000000;
    --vscode-list-hoverBackground:#f2f2f2; --vscode-toolbar-hoverBackground:rgba(184,184,184,.31);
    --vscode-inputOption-activeBackground:rgba(190,221,255,.2); --vscode-inputOption-activeBorder:#005fb8; --vscode-inputOption-activeForeground:#000000; }`,
  dark: `body { --vscode-editor-background:#1f1f1f; --vscode-editor-foreground:#cccccc; --vscode-descriptionForeground:#9d9d9d;
    --vscode-editorGroup-border:#2b2b2b; --vscode-sideBar-background:#181818; --vscode-focusBorder:#0078d4;
    --vscode-textLink-foreground:#4daafc; --vscode-editorError-foreground:#f85149; --vscode-editorWarning-foreground:#cca700;
    --vscode-editorInfo-foreground:#3794ff; --vscode-font-family:system-ui, "Segoe UI", sans-serif; --vscode-font-size:13px;
    --vscode-editorIndentGuide-activeBackground1:#707070; --vscode-foreground:#cccccc;
    --vscode-settings-dropdownBackground:#313131; --vscode-settings-dropdownForeground:#cccccc;
    --vscode-settings-dropdownBorder:#3c3c3c; --vscode-settings-dropdownListBorder:#454545;
    --vscode-inputOption-activeBackground:rgba(36,137,219,.51); --vscode-inputOption-activeBorder:#2488db; --vscode-inputOption-activeForeground:#ffffff; }`,
};

/** Serve the page and bundle on `page`, with a recording `acquireVsCodeApi`. */
export async function openPreviewPage(page: Page, bundleDir: string, theme: 'light' | 'dark' = 'light', language?: { lang: string; labels: PageLabels }): Promise<void> {
  const html = previewPage({
    cspSource: ORIGIN,
    nonce: 'testnonce0123456789',
    scriptUri: `${ORIGIN}/dist/webview/webview.js`,
    state: defaultViewState('file:///none'),
    lang: language?.lang ?? 'en',
    labels: language?.labels ?? { toolbar: 'Blueprint preview', persona: 'Persona', allPersonas: 'All personas', clientView: 'Client view', diagram: 'Journey diagram' },
  }).replace('<body>', `<body class="vscode-${theme}">`).replace('</head>', `<style>${THEMES[theme]}</style></head>`);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    const file = normalize(join(bundleDir, path.replace(/^\/dist\/webview\//, '')));
    if (!file.startsWith(bundleDir)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  // Given as source text: a transpiled function could reference helpers the page lacks.
  await page.addInitScript({
    content: `window.__sent = [];
      window.acquireVsCodeApi = () => ({
        postMessage: (message) => window.__sent.push(message),
        getState: () => window.__state,
        setState: (state) => { window.__state = state; },
      });`,
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __sent: Array<{ type: string }> }).__sent.some((m) => m.type === 'ready'));
}

/** Messages the webview posted so far. */
export function sent(page: Page): Promise<FromWebviewMessage[]> {
  return page.evaluate(() => (window as unknown as { __sent: FromWebviewMessage[] }).__sent);
}

/** Deliver an update as the extension would and wait until the webview reports it painted. */
export async function deliver(page: Page, update: ContentUpdate): Promise<void> {
  await page.evaluate((message) => window.postMessage(message, '*'), update);
  await page.waitForFunction((version) => (window as unknown as { __sent: Array<{ type: string; version?: number }> }).__sent
    .some((m) => m.type === 'rendered' && m.version === version), update.version);
}

/** Load a blueprint file (and its personas files) and render the update the extension would send. */
export async function updateFor(file: string, version: number): Promise<ContentUpdate & { steps: number }> {
  const workspace = new BlueprintWorkspace(new NodeFileHost());
  const uri = URI.file(file).toString();
  workspace.setText(uri, readFileSync(file, 'utf8'));
  await workspace.loadDependencies();
  const doc = workspace.get(uri);
  if (!doc) throw new Error(`cannot parse ${file}`);
  const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
  return {
    type: 'update', uri, version, title: file.slice(file.lastIndexOf('/') + 1), html: renderBlueprintHtml(input),
    mermaid: renderMermaid(input), personas: buildJourneyView(input).personas, lang: doc.lang, newDocument: version === 1,
    steps: doc.steps.length,
  };
}

/**
 * Updates as the extension sends them while a file is edited: the first one whole, later
 * ones as patches against the previous (`next`), or whole again (`full`).
 */
export async function incrementalUpdates(file: string): Promise<{
  text: string;
  next(text: string): ContentUpdate;
  full(text: string): ContentUpdate;
}> {
  const workspace = new BlueprintWorkspace(new NodeFileHost());
  const uri = URI.file(file).toString();
  const text = readFileSync(file, 'utf8');
  workspace.setText(uri, text);
  await workspace.loadDependencies();
  const renderer = new BlueprintRenderer();
  let sentParts: { parts: BlueprintParts; version: number } | undefined;
  let version = 0;
  const make = (source: string, allowPatch: boolean): ContentUpdate => {
    const doc = workspace.setText(uri, source);
    const input = { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
    const parts = renderer.render(input);
    const patch = allowPatch && sentParts ? diffBlueprint(sentParts.parts, parts) : undefined;
    version++;
    const update: ContentUpdate = {
      type: 'update', uri, version, title: file.slice(file.lastIndexOf('/') + 1),
      html: patch ? '' : joinBlueprint(parts),
      patch: patch && sentParts ? { ...patch, baseVersion: sentParts.version } : undefined,
      mermaid: renderMermaid(input, parts.view), personas: parts.view.personas, lang: doc.lang, newDocument: version === 1,
    };
    sentParts = { parts, version };
    return update;
  };
  return { text, next: (source) => make(source, true), full: (source) => make(source, false) };
}

/**
 * Lets the test's own injected scripts (axe) into a page whose Content-Security-Policy
 * forbids inline scripts (that policy is tested in preview.test.ts): Chromium's DevTools
 * switch, which leaves the page itself unchanged.
 */
export async function bypassCsp(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Page.setBypassCSP', { enabled: true });
}

/** How `PreviewSuite.open` sets up a page. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  theme?: 'light' | 'dark';
  language?: { lang: string; labels: PageLabels };
  /** Delivered (and painted) before the page is handed over. */
  update?: ContentUpdate;
  /** Runs on the fresh page before the preview loads (listeners, init scripts, CSP switches). */
  before?(page: Page): Promise<unknown> | void;
}

/** A suite's Chromium and webview bundle, made before its first test and gone after its last. */
export interface PreviewSuite {
  readonly browser: Browser;
  readonly bundleDir: string;
  /** A new page showing the preview, set up as `options` say. */
  open(options?: OpenOptions): Promise<Page>;
}

/** Call once in a `describe`: it registers the suite's `beforeAll` and `afterAll`. */
export function previewSuite(launch: Parameters<typeof launchChromium>[0] = {}): PreviewSuite {
  let browser: Browser | undefined;
  let bundle: { dir: string; dispose(): void } | undefined;
  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchChromium(launch), buildWebview()]);
  });
  afterAll(async () => {
    await browser?.close();
    bundle?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('previewSuite: used outside its tests');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get bundleDir() {
      return ready(bundle).dir;
    },
    async open(options = {}) {
      const page = await ready(browser).context.newPage();
      await options.before?.(page);
      if (options.viewport) await page.setViewportSize(options.viewport);
      await openPreviewPage(page, ready(bundle).dir, options.theme, options.language);
      if (options.update) await deliver(page, options.update);
      return page;
    },
  };
}
