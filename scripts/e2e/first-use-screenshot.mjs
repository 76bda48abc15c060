// `node scripts/e2e/first-use-screenshot.mjs [outDir]` (after `npm run build`): screenshots of
// issue 9's first-use items as a user sees them in code-server: a Dutch blueprint's hover and
// code lenses in Dutch, completion for `- ` typed under a persona's description, a refused
// rename, "New Service Blueprint" from the palette and the "Check All" message. Written to
// outDir (default test-results/first-use/), not to docs.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { ROOT } from './paths.mjs';

const DUTCH = `---
blueprint: Parkeervergunning
lang: nl
---

# Parkeervergunning

## Persona's

### Fatima
Werkt in de zorg, heeft een auto.

- kwetsbaar: ja
- gehoord: 2024-03-12, interview

## Klantreis

### Fase: Aanvragen

#### Stap: Vraagt de vergunning aan
- persona: @fatima
- klant: vult het formulier in

#### Stap: Betaalt
- klant: betaalt met iDEAL
`;

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'test-results/first-use'));
await fs.mkdir(out, { recursive: true });
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'first-use-shot-'));
const workspace = path.join(work, 'ws');
await fs.mkdir(workspace);
await fs.writeFile(path.join(workspace, 'parkeren.blueprint.md'), DUTCH);
const server = await startCodeServer({ sessionDir: path.join(work, 'session'), extensionsDir: path.join(work, 'session', 'extensions') });
const browser = await launchBrowser({ profileParent: work, width: 1280, height: 760 });
const shot = (name) => browser.page.screenshot({ path: path.join(out, `${name}.png`) });
try {
  const { page } = browser;
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${ROOT}`]];
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(6000);
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  const command = async (title) => {
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill(`>${title}`);
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
  };
  const goTo = async (line, column) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  };
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('parkeren.blueprint.md');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);

  // Hover on @fatima and the lenses: Dutch, in an English VS Code.
  await goTo(21, 14);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await shot('1-hover-and-lenses-dutch');
  await page.keyboard.press('Escape');

  // `- ` typed right under the description line.
  await goTo(11, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.locator('.suggest-widget.visible').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await shot('2-completion-under-description');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.waitForTimeout(300);

  // Quick fix on the step without persona: the persona line goes first.
  await goTo(24, 10);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await shot('3-add-persona-first');

  // Rename Fatima to "Fatima 😀": refused with a message.
  await goTo(10, 6);
  await page.keyboard.press('F2');
  await page.locator('.rename-box input, .rename-input').first().waitFor({ timeout: 10_000 });
  // Visible is not yet focused: Control+A in the editor would select the whole document.
  await page.waitForFunction(() => document.activeElement?.matches('.rename-box input, .rename-input') ?? false, undefined, { timeout: 10_000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Fatima 😀');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await shot('4-rename-refused');
  await page.keyboard.press('Escape');

  // Check All: "1 problem" or "N problems".
  await command('Blueprint: Check All Blueprints in Workspace');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(800);
  await shot('5-check-all');

  // New Service Blueprint from the palette: a .blueprint.md file.
  await command('Blueprint: New Service Blueprint');
  await page.locator('.quick-input-widget input').fill('Apply for a parking permit');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  await shot('6-new-blueprint');

  // The editor-title button's tooltip.
  await page.locator('.editor-actions .action-label.codicon-open-preview').first().hover();
  await page.waitForTimeout(1500);
  await shot('7-title-button-tooltip');
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
  await fs.rm(work, { recursive: true, force: true });
}
