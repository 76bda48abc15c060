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
 * @param {{ width?: number, height?: number, profileParent?: string }} [options]
 *   profileParent: where the throw-away profile folder goes (default: the OS temp folder)
 * @returns {Promise<Browser>}
 */
export async function launchBrowser(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium`);
  }
  const profile = await fs.mkdtemp(path.join(options.profileParent ?? os.tmpdir(), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // The harness's own signal handlers close the browser and then report;
    // playwright's would exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
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
