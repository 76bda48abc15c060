// @ts-check
/**
 * Launches Debian's Chromium through playwright-core on a fresh profile.
 * Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { registerCleanup } from './cleanup.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './paths.mjs';

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Page} page
 * @property {() => Promise<void>} close closes the browser and removes its profile (idempotent)
 */

/**
 * @param {{ width?: number, height?: number }} [viewport]
 * @returns {Promise<Browser>}
 */
export async function launchBrowser(viewport = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium`);
  }
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: viewport.width ?? 1400, height: viewport.height ?? 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    await context.close().catch(() => undefined);
    await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  const unregister = registerCleanup(close);
  return { context, page, close };
}
