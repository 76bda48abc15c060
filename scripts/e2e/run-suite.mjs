// @ts-check
/**
 * Runs the compiled in-editor test suite (`out/test/vscode/index.js`, the
 * standard `run()` contract) inside code-server's extension host, driven by
 * Chromium. The workbench reads `extensionDevelopmentPath` and
 * `extensionTestsPath` from the `payload` URL parameter, like desktop VS Code's
 * command-line flags; as `vscode-remote://` URIs they resolve on the server, so
 * the tests run in the Node extension host. When the suite ends the page calls
 * `window.codeAutomationExit(code)`; the suite's index writes a JSON summary to
 * the file named by `BLUEPRINT_TEST_RESULTS` (the extension host inherits
 * code-server's environment). In the web worker extension host there is neither a
 * file system nor an environment: with `summaryFromLog` the summary is read from the
 * suite's `BLUEPRINT_TEST_SUMMARY {json}` console line instead.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';

/**
 * @typedef {object} SuiteSummary
 * @property {number} passed
 * @property {number} failed
 * @property {number} pending
 * @property {{ title: string, error: string }[]} failures
 */

/**
 * Turns the workbench's printf-style console arguments into one line; drops
 * `%c` CSS arguments, which only style the browser console.
 * @param {unknown[]} args
 */
export function formatConsoleArgs(args) {
  if (typeof args[0] !== 'string') return format(...args);
  const [template, ...rest] = args;
  /** @type {unknown[]} */
  const values = [];
  let index = 0;
  const text = template.replace(/%[sdifjoOc%]/g, (token) => {
    if (token === '%%') return '%';
    const value = rest[index++];
    if (token === '%c') return '';
    values.push(value);
    return token === '%d' || token === '%i' ? String(Number(value)) : typeof value === 'string' ? value : format('%o', value);
  });
  return [text, ...rest.slice(index).map((value) => (typeof value === 'string' ? value : format('%o', value)))].join(' ');
}

/**
 * @param {{
 *   extensionDevelopmentPath: string,
 *   extensionTestsPath: string,
 *   workspace: string,
 *   sessionDir: string,
 *   timeoutMs: number,
 *   log?: (line: string) => void,
 *   grep?: string,
 *   summaryFromLog?: boolean,
 * }} options
 * @returns {Promise<SuiteSummary>}
 */
export async function runSuiteInCodeServer(options) {
  const print = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  /** @type {SuiteSummary | undefined} */
  let loggedSummary;
  const log = (/** @type {string} */ line) => {
    const summaryLine = /BLUEPRINT_TEST_SUMMARY (\{.*\})/.exec(line);
    if (summaryLine?.[1]) loggedSummary = JSON.parse(summaryLine[1]);
    else print(line);
  };
  const resultsFile = path.join(options.sessionDir, 'results.json');
  /** @type {NodeJS.ProcessEnv} */
  const env = { BLUEPRINT_TEST_RESULTS: resultsFile };
  if (options.grep) env.BLUEPRINT_TEST_GREP = options.grep;
  const server = await startCodeServer({
    sessionDir: options.sessionDir,
    extensionsDir: path.join(options.sessionDir, 'extensions'),
    env,
  });
  /** @type {import('./browser.mjs').Browser | undefined} */
  let browser;
  try {
    browser = await launchBrowser({ profileParent: options.sessionDir });
    const { page } = browser;
    const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ];
    /** @type {(code: number) => void} */
    let onExit = () => undefined;
    const exited = new Promise((resolve) => { onExit = resolve; });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ _level, /** @type {unknown[]} */ args) => {
      log(formatConsoleArgs(Array.isArray(args) ? args : [args]));
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => onExit(code));
    // The folder is opened through a workspace file (one folder), so a test can add and
    // remove workspace folders: in a window opened on a bare folder, the first added folder
    // turns it into an untitled multi-root workspace, which reloads the window and ends the run.
    const workspaceFile = path.join(options.sessionDir, 'suite.code-workspace');
    await fs.writeFile(workspaceFile, JSON.stringify({ folders: [{ path: options.workspace }] }));
    const url = `${server.origin}/?workspace=${encodeURIComponent(workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 120_000 });
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), options.timeoutMs); });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      return { passed: 0, failed: 1, pending: 0, failures: [{ title: 'in-editor suite', error: `did not finish within ${options.timeoutMs / 1000} s` }] };
    }
    if (options.summaryFromLog && loggedSummary) await fs.writeFile(resultsFile, JSON.stringify(loggedSummary));
    return await readSummary(resultsFile, /** @type {number} */ (outcome), server.logFile);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/**
 * Reads the suite's summary; a missing file means `run()` failed before mocha
 * reported (for example the tests module did not load).
 * @param {string} resultsFile
 * @param {number} exitCode
 * @param {string} serverLog
 * @returns {Promise<SuiteSummary>}
 */
async function readSummary(resultsFile, exitCode, serverLog) {
  if (existsSync(resultsFile)) {
    /** @type {SuiteSummary} */
    const summary = JSON.parse(await fs.readFile(resultsFile, 'utf8'));
    if (exitCode !== 0 && summary.failed === 0) {
      summary.failed = 1;
      summary.failures.push({ title: 'in-editor suite', error: `run() ended with exit code ${exitCode}` });
    }
    return summary;
  }
  const tail = (await fs.readFile(serverLog, 'utf8').catch(() => '')).slice(-2000);
  return {
    passed: 0,
    failed: 1,
    pending: 0,
    failures: [{ title: 'in-editor suite', error: `no results written (exit code ${exitCode}); code-server log tail:\n${tail}` }],
  };
}
