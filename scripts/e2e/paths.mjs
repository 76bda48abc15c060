// @ts-check
/**
 * Where the end-to-end harness keeps things. One module so the installer, the
 * runner and the browser check agree on folders without passing them around.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * code-server 4.100.3 is VS Code 1.100.3 and the last release that installs on
 * Node 20; `engines.vscode` must stay at or below 1.100 for the extension to load.
 */
export const CODE_SERVER_VERSION = '4.100.3';

/** Git-ignored folder for everything the harness installs or creates. */
export const E2E_DIR = path.join(ROOT, '.e2e');

/** npm prefix that holds code-server, outside the project's own dependencies. */
export const CODE_SERVER_PREFIX = path.join(E2E_DIR, `code-server-${CODE_SERVER_VERSION}`);

/** code-server's Node entry point; run with `process.execPath`, no shell wrapper. */
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last by the installer: its presence means a complete install. */
export const CODE_SERVER_MARKER = path.join(CODE_SERVER_PREFIX, '.installed');

/** Compiled in-editor test suite (see scripts/e2e/build-tests.mjs). */
export const TESTS_OUT_DIR = path.join(ROOT, 'out', 'test', 'vscode');

/** Screenshots and logs; CI keeps this folder. */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

/** Debian's Chromium; the harness never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags every Chromium launch uses (offline, headless, container-friendly). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
