// @ts-check
/**
 * Browser-level check of the packaged extension, as a user meets it: the VSIX
 * is installed into a fresh extensions folder with `code-server
 * --install-extension` (not the development folder), a workspace holding the
 * examples is opened in Chromium, an example blueprint is opened through Quick
 * Open, and the user sees
 *   1. blueprint diagnostics in the Problems panel,
 *   2. a squiggle in the editor,
 *   3. the preview beside the editor (command `blueprint.openPreviewToSide`,
 *      run from the Command Palette by its title), showing the steps.
 * Screenshots go to test-results/e2e/. DOM selectors are kept few (they change
 * between VS Code versions); the extension-host suite asserts the details.
 *
 * With `webWorker` (`npm run test:web`) the installed VSIX is forced into VS Code's web
 * worker extension host, as vscode.dev and github.dev run it, by the user setting
 * `remote.extensionKind: { <id>: ["web"] }`; the Dutch example with its shared
 * personas file is opened, and a last check reads code-server's logs to show that the
 * Node extension host never activated the extension.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../../scripts/e2e/browser.mjs';
import { installExtension, startCodeServer } from '../../scripts/e2e/code-server.mjs';

/** The preview command (issue 4). */
const PREVIEW_COMMAND = 'blueprint.openPreviewToSide';

/**
 * @typedef {object} CheckResult
 * @property {string} name
 * @property {'passed' | 'failed' | 'skipped'} status
 * @property {string} [detail]
 */

/**
 * The example to open: `E2E_BLUEPRINT` (a path relative to examples/) or the
 * first example, by name, that has a journey (a personas-only file has no steps
 * to show in the preview); with `dutch`, the first Dutch one (`lang: nl`) that
 * uses a personas file.
 * @param {string} examplesDir
 * @param {{ dutch?: boolean }} [options]
 */
export function chooseExample(examplesDir, options = {}) {
  if (process.env.E2E_BLUEPRINT) return process.env.E2E_BLUEPRINT;
  const files = readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.blueprint.md'))
    .sort();
  const wanted = (/** @type {string} */ text) =>
    /^#{1,6}\s+(journey|klantreis)\s*$/im.test(text) && (!options.dutch || (/^lang:\s*nl\s*$/m.test(text) && /^personas:/m.test(text)));
  const withJourney = files.find((name) => wanted(readFileSync(path.join(examplesDir, name), 'utf8')));
  const chosen = withJourney ?? files[0];
  if (!chosen) throw new Error(`no *.blueprint.md in ${examplesDir}`);
  return chosen;
}

/**
 * The palette label (`Category: Title`) of a contributed command, with
 * `%key%` placeholders resolved from package.nls.json; undefined when the
 * extension does not contribute it.
 * @param {string} extensionDir installed extension folder
 * @param {string} commandId
 */
export function commandLabel(extensionDir, commandId) {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  /** @type {{ command: string, title: string, category?: string }[]} */
  const commands = manifest.contributes?.commands ?? [];
  const command = commands.find((entry) => entry.command === commandId);
  if (!command) return undefined;
  const nlsFile = path.join(extensionDir, 'package.nls.json');
  /** @type {Record<string, string | { message: string }>} */
  const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
  const resolve = (/** @type {string} */ text) =>
    text.replace(/^%(.+)%$/, (whole, key) => {
      const entry = nls[key];
      return typeof entry === 'string' ? entry : entry?.message ?? whole;
    });
  return command.category ? `${resolve(command.category)}: ${resolve(command.title)}` : resolve(command.title);
}

/**
 * @param {{
 *   vsix: string,
 *   extensionId: string,
 *   examplesDir: string,
 *   workDir: string,
 *   screenshotsDir: string,
 *   log: (line: string) => void,
 *   webWorker?: boolean,
 * }} options
 * @returns {Promise<CheckResult[]>}
 */
export async function runWorkbenchCheck(options) {
  /** @type {CheckResult[]} */
  const results = [];
  const sessionDir = path.join(options.workDir, 'session');
  const extensionsDir = path.join(sessionDir, 'extensions');
  const workspace = path.join(options.workDir, 'workspace');
  await fs.mkdir(workspace, { recursive: true });
  await fs.cp(options.examplesDir, path.join(workspace, 'examples'), { recursive: true });
  await fs.mkdir(options.screenshotsDir, { recursive: true });

  /** Set once the page exists: a screenshot of each failure. */
  /** @type {(name: string) => Promise<unknown>} */
  let onFailure = async () => undefined;
  /**
   * Runs one named check; a failure is recorded, later checks still run when
   * they do not depend on it.
   * @param {string} name
   * @param {() => Promise<string | void>} body returns an optional detail
   */
  const check = async (name, body) => {
    const started = Date.now();
    try {
      const detail = await body();
      results.push({ name, status: 'passed', detail: detail || undefined });
      options.log(`  ✔ ${name} (${Date.now() - started} ms)${detail ? ` — ${detail}` : ''}`);
      return true;
    } catch (error) {
      // Playwright colours its call logs; the report is plain text.
      const message = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, '');
      results.push({ name, status: 'failed', detail: message });
      await onFailure(name).catch(() => undefined);
      options.log(`  ✘ ${name}: ${message.split('\n')[0]}`);
      return false;
    }
  };

  let installedDir = '';
  const installed = await check('the VSIX installs with code-server --install-extension', async () => {
    const output = await installExtension({ sessionDir, extensionsDir, vsix: options.vsix });
    const folder = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(`${options.extensionId.toLowerCase()}-`));
    if (!folder) throw new Error(`no ${options.extensionId}-* folder in the extensions folder\n${output}`);
    installedDir = path.join(extensionsDir, folder);
    return folder;
  });
  if (!installed) return results;

  const example = chooseExample(options.examplesDir, { dutch: options.webWorker });
  const exampleName = path.basename(example);
  const settings = options.webWorker ? { 'remote.extensionKind': { [options.extensionId]: ['web'] } } : {};
  const server = await startCodeServer({ sessionDir, extensionsDir, settings });
  const browser = await launchBrowser({ profileParent: options.workDir });
  try {
    const { page } = browser;
    const shot = async (/** @type {string} */ name) => {
      // Park the mouse on the status bar so no hover tooltip covers the picture.
      await page.mouse.move(700, 890);
      await page.screenshot({ path: path.join(options.screenshotsDir, name) });
    };
    onFailure = (name) => shot(`failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the workspace once the remote connection is up.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'examples' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });

    const opened = await check(`Quick Open opens ${example}`, async () => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(exampleName);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: exampleName }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: exampleName }).waitFor({ timeout: 30_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    });
    if (!opened) return results;

    const problemRows = page.locator('.markers-panel .monaco-list-row');
    const problemsShown = await check('the Problems panel shows blueprint diagnostics', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
      // The first row names the file; the rows below it are its problems.
      await page.locator('.markers-panel .monaco-list-row', { hasText: exampleName }).first().waitFor({ timeout: 30_000 });
      await problemRows.nth(1).waitFor({ timeout: 30_000 });
      const count = await problemRows.count();
      await shot('problems.png');
      return `${count - 1} problem row(s) visible`;
    });

    if (options.webWorker && problemsShown) {
      await check('the shared personas file is read (no unknown-persona, no unresolved-file)', async () => {
        const rows = await problemRows.allInnerTexts();
        const broken = rows.filter((row) => /unknown-persona|unresolved-file/.test(row));
        if (broken.length > 0) throw new Error(`the personas file was not read:\n${broken.join('\n')}`);
        return `${rows.length - 1} row(s), none about personas`;
      });
    }

    await check('a squiggle marks the problem in the editor', async () => {
      // Selecting a problem reveals its line, so the squiggle is in view.
      if (problemsShown) await problemRows.nth(1).click();
      const squiggles = page.locator('.editor-instance .monaco-editor [class*="squiggly-"]');
      await squiggles.first().waitFor({ state: 'attached', timeout: 20_000 });
      await shot('editor-squiggle.png');
      return `${await squiggles.count()} squiggle(s)`;
    });

    await check('the preview opens beside the editor', async () => {
      const label = commandLabel(installedDir, PREVIEW_COMMAND);
      if (!label) throw new Error(`the installed extension does not contribute ${PREVIEW_COMMAND}`);
      // Focus the editor with the keyboard: clicking its tab leaves a sticky
      // hover over the picture, clicking its text may open one.
      await page.keyboard.press('Control+1');
      await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 30_000 });
      // Hide the panel so editor and preview have the height of the window.
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 30_000 });
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(`>${label}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      // The grid, or the step cards when the preview beside the editor is narrow.
      await webview.locator('[data-step]:visible').first().waitFor({ timeout: 30_000 });
      const steps = new Set(await webview.locator('[data-step]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-step'))));
      const editorBox = await page.locator('.editor-instance .monaco-editor').first().boundingBox();
      const previewBox = await page.locator('iframe.webview.ready').first().boundingBox();
      if (!editorBox || !previewBox || previewBox.x < editorBox.x + editorBox.width / 2) {
        throw new Error(`the preview is not beside the editor (editor ${JSON.stringify(editorBox)}, preview ${JSON.stringify(previewBox)})`);
      }
      await shot('preview.png');
      return `${steps.size} steps shown`;
    });

    await check('Present shows slides; real → and Escape keys move and leave', async () => {
      const label = commandLabel(installedDir, 'blueprint.present');
      if (!label) throw new Error('the installed extension does not contribute blueprint.present');
      await page.keyboard.press('Control+1');
      await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(`>${label}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const progress = webview.locator('#bp-progress');
      await progress.filter({ hasText: /^(stage|fase) 1 / }).waitFor({ timeout: 30_000 });
      const first = await progress.textContent();
      // Keys as a presenter presses them: the preview has the focus after Present.
      await page.keyboard.press('ArrowRight');
      await progress.filter({ hasText: /^(stage|fase) 2 / }).waitFor({ timeout: 10_000 });
      await shot('present.png');
      await page.keyboard.press('Escape');
      await webview.locator('#bp-present-view').waitFor({ state: 'hidden', timeout: 10_000 });
      return `${first} → ${await progress.textContent()}, Escape left`;
    });
    if (options.webWorker) {
      await check('the extension ran in the web worker host, not in Node', async () => {
        const activations = await nodeHostActivations(sessionDir);
        if (activations.all.length === 0) throw new Error('no extension activations in the Node extension host log: cannot tell where the extension ran');
        const ours = activations.all.filter((line) => line.toLowerCase().includes(options.extensionId.toLowerCase()));
        if (ours.length > 0) throw new Error(`the Node extension host activated it:\n${ours.join('\n')}`);
        return `Node host activated ${activations.all.length} other extension(s) in ${activations.files.length} log(s), not this one`;
      });
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * Extension activations logged by code-server's Node (remote) extension host.
 * @param {string} sessionDir
 * @returns {Promise<{ files: string[], all: string[] }>}
 */
async function nodeHostActivations(sessionDir) {
  const logsDir = path.join(sessionDir, 'user', 'logs');
  const files = existsSync(logsDir)
    ? readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((name) => /remoteexthost\.log$/.test(name)).map((name) => path.join(logsDir, name))
    : [];
  /** @type {string[]} */
  const all = [];
  for (const file of files) {
    for (const line of (await fs.readFile(file, 'utf8')).split('\n')) if (line.includes('_doActivateExtension')) all.push(line.trim());
  }
  return { files, all };
}
