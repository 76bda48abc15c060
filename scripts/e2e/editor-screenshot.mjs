// `node scripts/e2e/editor-screenshot.mjs` (after `npm run build`): the editor screenshots in
// docs/images/ (editor-hover, editor-diagnostic, editor-quickfix, editor-completion, editor-dark), taken with the
// e2e harness's code-server and Chromium, the extension loaded as a development extension.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { ROOT } from './paths.mjs';

const PERSONAS = `---
blueprint: Residents of Waalstad
---

## Personas

### Maria
Single mother of two, works 16 hours a week in home care.
- vulnerable: yes
- heard: 2024-03-12, interview at home (Noor)
- needs: letters she can understand; one contact person

### Kees
Warehouse worker for 31 years, laid off at 58.
- heard: 2024-03-19, walk-in hour at the Wijkcentrum
`;

const JOURNEY = `---
blueprint: Apply for a living wage
personas: personas.blueprint.md
---

# Apply for a living wage

## Journey

### Stage: Discover

#### Step: Receives the suspension letter
- persona: @maria
- customer: reads the letter and does not understand the reason
- frontstage: letter from the social welfare office
- channel: post
- emotion: -2

#### Step: Calls the office
- customer: phones the office to ask why
- frontstage: call centre agent reads the case notes
- channel: phone
- emotion: -1
`;

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'editor-shot-'));
const workspace = path.join(work, 'ws');
await fs.mkdir(workspace);
await fs.writeFile(path.join(workspace, 'personas.blueprint.md'), PERSONAS);
await fs.writeFile(path.join(workspace, 'apply.blueprint.md'), JOURNEY);
const server = await startCodeServer({ sessionDir: path.join(work, 'session'), extensionsDir: path.join(work, 'session', 'extensions') });
const browser = await launchBrowser({ profileParent: work, width: 1280, height: 760 });
try {
  const { page } = browser;
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${ROOT}`]];
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(6000);
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('apply.blueprint.md');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);

  const goTo = async (line, column) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  };
  // The hover on @maria: the persona card.
  await goTo(13, 14);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/images/editor-hover.png') });
  await page.keyboard.press('Escape');

  // The diagnostic on the step without persona, with its quick fixes.
  await goTo(19, 10);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/images/editor-diagnostic.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/images/editor-quickfix.png') });
  await page.keyboard.press('Escape');

  // Typing `- ` in a step: the lanes it lacks come up first.
  await goTo(17, 14);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.locator('.suggest-widget.visible').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/images/editor-completion.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.waitForTimeout(300);

  // Dark theme: the same file, for the grammar's colours.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget input').fill('Dark Modern');
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await goTo(13, 14);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/images/editor-dark.png') });
  console.log('screenshots written');
} finally {
  await browser.close();
  await server.stop();
  await fs.rm(work, { recursive: true, force: true });
}
