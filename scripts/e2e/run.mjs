// @ts-check
/**
 * `npm run test:e2e`: the in-editor suite and the browser-level check in a
 * real VS Code (code-server), offline.
 *
 *  1. installs code-server into .e2e/ when missing (scripts/e2e/install-code-server.mjs);
 *  2. packages the VSIX (`npm run package`, which builds the bundles);
 *  3. compiles the suite (scripts/e2e/build-tests.mjs);
 *  4. runs the suite in code-server's extension host, the repository as the
 *     development extension, a throw-away copy of test/vscode/workspace plus
 *     examples/ as the workspace;
 *  5. installs the VSIX into a fresh code-server and runs
 *     test/browser-e2e/workbench-check.mjs (screenshots in test-results/e2e/);
 *  6. checks that no process it started is left, removes its temp folders.
 * The last line printed is `N passed, M failed`; the exit code is non-zero on
 * any failure, on timeout and on Ctrl+C.
 *
 * With --web (`npm run test:web`) the same steps target VS Code's web worker
 * extension host, as vscode.dev and github.dev run it: the suite runs there
 * from a staged copy without `main` (scripts/e2e/web-stage.mjs, suite bundled by
 * scripts/e2e/build-web-tests.mjs), and the browser check forces the installed
 * VSIX into that host with the `remote.extensionKind` user setting and opens the
 * Dutch example; results go to test-results/web/.
 *
 * Options: --suite-only (skip 5), --grep TEXT (mocha grep), --keep (keep temp
 * folders), --web. Environment: E2E_TIMEOUT_MS (whole run, default 600000),
 * E2E_EXTENSION_PATH + E2E_VSIX (test another build without packaging, used to
 * test the harness itself), E2E_EXAMPLES (examples folder), E2E_BLUEPRINT.
 */
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runWorkbenchCheck } from '../../test/browser-e2e/workbench-check.mjs';
import { buildTests } from './build-tests.mjs';
import { buildWebTests } from './build-web-tests.mjs';
import { registerCleanup, runCleanups } from './cleanup.mjs';
import { ensureCodeServer } from './install-code-server.mjs';
import { acquireRunLock } from './lock.mjs';
import { RESULTS_DIR, ROOT } from './paths.mjs';
import { runCommand } from './proc.mjs';
import { runSuiteInCodeServer } from './run-suite.mjs';
import { listVsix, vsixProblems } from './vsix-contents.mjs';
import { stageWebExtension } from './web-stage.mjs';

const { values: flags } = parseArgs({
  options: {
    'suite-only': { type: 'boolean', default: false },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
  },
});

/** Screenshots, logs and the summary of this run (the web run keeps its own). */
const OUT_DIR = flags.web ? path.join(ROOT, 'test-results', 'web') : RESULTS_DIR;

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 600_000);

/** Lines of workbench chatter that say nothing about the tests. */
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore|Started local extension host|Creation of workbench contribution|Extension host \(|Loading development extension|\s*$)/;

const counts = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failures = [];
let finished = false;

/** Prints the summary as the very last line and exits. */
async function finish(/** @type {number} */ code) {
  if (finished) return;
  finished = true;
  await runCleanups();
  if (failures.length > 0) {
    console.log('\nFailures:');
    for (const failure of failures) console.log(`  ${failure.replace(/\n/g, '\n    ')}`);
  }
  if (counts.skipped > 0) console.log(`(${counts.skipped} skipped)`);
  // For the CI's closing line, which adds these to the unit tests' counts.
  await fs.mkdir(OUT_DIR, { recursive: true }).catch(() => undefined);
  await fs.writeFile(path.join(OUT_DIR, 'summary.json'), JSON.stringify(counts) + '\n').catch(() => undefined);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code !== 0 || counts.failed > 0 ? code || 1 : 0);
}

/** @param {string} text */
function fail(text) {
  counts.failed += 1;
  failures.push(text);
}

/**
 * Times a step and prints it.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} body
 * @returns {Promise<T>}
 */
async function step(name, body) {
  const started = Date.now();
  console.log(`[e2e] ${name}...`);
  const result = await body();
  console.log(`[e2e] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The VSIX `npm run package` writes: `<name>-<version>.vsix` at the root. */
function manifest() {
  return /** @type {{ name: string, version: string, publisher: string }} */ (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
}

/**
 * Process ids whose command line mentions `marker` (our temp root): anything
 * left of code-server, its extension host or Chromium.
 * @param {string} marker
 */
function processesMentioning(marker) {
  /** @type {number[]} */
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function main() {
  const started = Date.now();
  await fs.mkdir(OUT_DIR, { recursive: true });
  const tempRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'blueprint-e2e-'));
  // Registered first, so it runs last: after every process using it stopped.
  if (flags.keep) console.log(`[e2e] keeping ${tempRoot}`);
  else registerCleanup(() => fs.rm(tempRoot, { recursive: true, force: true }));
  const suiteLog = createWriteStream(path.join(OUT_DIR, 'suite.log'));
  try {
    await step('code-server', () => ensureCodeServer());

    const { name, version, publisher } = manifest();
    const extensionPath = process.env.E2E_EXTENSION_PATH ?? ROOT;
    let vsix = process.env.E2E_VSIX ?? path.join(ROOT, `${name}-${version}.vsix`);
    if (!process.env.E2E_EXTENSION_PATH) {
      await step('npm run package', () => runCommand('npm', ['run', 'package'], { cwd: ROOT, quiet: true }));
    }
    vsix = path.resolve(vsix);
    if (existsSync(vsix)) {
      const entries = await listVsix(vsix);
      const problems = vsixProblems(entries);
      if (problems.length === 0) {
        counts.passed += 1;
        console.log(`  ✔ the VSIX holds the bundles and nothing from src/, test/ or node_modules (${entries.length} entries, ${(statSync(vsix).size / 1024).toFixed(0)} KiB)`);
      } else {
        fail(`VSIX contents (${path.basename(vsix)}):\n${problems.join('\n')}`);
        console.log(`  ✘ the VSIX contents: ${problems.length} problem(s)`);
      }
    }
    const { developmentPath, testsEntry } = flags.web
      ? await step('stage the web extension and build the web suite', async () => {
        const staged = await stageWebExtension({ from: extensionPath, to: path.join(tempRoot, 'web-extension') });
        const entry = await buildWebTests({ outfile: path.join(staged, 'test-web', 'index.js'), grep: flags.grep });
        return { developmentPath: staged, testsEntry: entry };
      })
      : { developmentPath: extensionPath, testsEntry: await step('build the in-editor suite', () => buildTests()) };

    const examplesDir = path.resolve(process.env.E2E_EXAMPLES ?? path.join(ROOT, 'examples'));
    const workspace = path.join(tempRoot, 'suite-workspace');
    await fs.cp(path.join(ROOT, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
    await fs.cp(examplesDir, path.join(workspace, 'examples'), { recursive: true });
    const sessionDir = path.join(tempRoot, 'suite-session');
    await fs.mkdir(sessionDir);

    const summary = await step(`in-editor suite in code-server${flags.web ? "'s web worker extension host" : ''}`, () =>
      runSuiteInCodeServer({
        extensionDevelopmentPath: developmentPath,
        extensionTestsPath: testsEntry,
        workspace,
        sessionDir,
        timeoutMs: Math.min(TIMEOUT_MS, 300_000),
        grep: flags.grep,
        summaryFromLog: flags.web,
        log: (line) => {
          suiteLog.write(`${line}\n`);
          if (!NOISE.test(line)) console.log(line);
        },
      }),
    );
    counts.passed += summary.passed;
    counts.skipped += summary.pending;
    counts.failed += summary.failed;
    for (const failure of summary.failures) failures.push(`${failure.title}\n${failure.error}`);

    if (!flags['suite-only']) {
      if (!existsSync(vsix)) {
        fail(`browser check: no VSIX at ${vsix}`);
      } else {
        const checks = await step('browser check of the installed VSIX', () =>
          runWorkbenchCheck({
            vsix,
            extensionId: `${publisher}.${name}`,
            examplesDir,
            workDir: path.join(tempRoot, 'browser-check'),
            screenshotsDir: OUT_DIR,
            webWorker: flags.web,
            log: (line) => console.log(line),
          }),
        );
        for (const result of checks) {
          if (result.status === 'passed') counts.passed += 1;
          else if (result.status === 'skipped') counts.skipped += 1;
          else fail(`browser check: ${result.name}\n${result.detail ?? ''}`);
        }
      }
    }

    const leftovers = processesMentioning(tempRoot);
    if (leftovers.length > 0) {
      fail(`processes left behind: ${leftovers.join(', ')} (now killed)`);
      for (const pid of leftovers) {
        try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
      }
    }
    console.log(`[e2e] total ${((Date.now() - started) / 1000).toFixed(1)} s; logs and screenshots in ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
  } finally {
    suiteLog.end();
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    fail(`interrupted by ${signal}`);
    void finish(130);
  });
}
/** @type {NodeJS.Timeout | undefined} */
let timer;

acquireRunLock(TIMEOUT_MS)
  .then(() => {
    // The run's own deadline starts once it holds the lock.
    timer = setTimeout(() => {
      fail(`timed out after ${TIMEOUT_MS / 1000} s`);
      void finish(1);
    }, TIMEOUT_MS);
    return main();
  })
  .then(
    () => {
      clearTimeout(timer);
      void finish(0);
    },
    (error) => {
      clearTimeout(timer);
      fail(`harness error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void finish(1);
    },
  );
