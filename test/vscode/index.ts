/**
 * Entry of the in-editor test suite, with the `run()` contract that both
 * `@vscode/test-electron` (desktop VS Code) and the code-server harness
 * (`npm run test:e2e`) call inside the extension host.
 *
 * Test files are discovered automatically: every compiled `suite/*.test.js`
 * next to this file. `BLUEPRINT_TEST_GREP` narrows the run; when
 * `BLUEPRINT_TEST_RESULTS` names a file, a JSON summary is written there (the
 * code-server harness reads it, since it cannot see the extension host's exit).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** What the harness reads from `BLUEPRINT_TEST_RESULTS`. */
export interface SuiteSummary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

/**
 * Compiled test files of the suite in a stable order: the smoke test first (it
 * sees the workspace before other tests edit it, and a broken build fails
 * there, early and plainly), then the others by name.
 */
function discoverTestFiles(): string[] {
  const suiteDir = path.join(__dirname, 'suite');
  const rank = (name: string) => (name === 'smoke.test.js' ? 0 : 1);
  return fs
    .readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => path.join(suiteDir, name));
}

/** Runs the suite; rejects when any test or hook fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // The extension host's console is forwarded as plain text.
    color: false,
    // Generous: the first test pays for activation on a busy CI machine.
    timeout: 60_000,
    grep: process.env.BLUEPRINT_TEST_GREP || undefined,
  });
  for (const file of discoverTestFiles()) mocha.addFile(file);

  const summary: SuiteSummary = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.BLUEPRINT_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => { summary.passed += 1; });
    runner.on('pending', () => { summary.pending += 1; });
    runner.on('fail', (test, error: unknown) => {
      summary.failed += 1;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      summary.failures.push({ title: test.fullTitle(), error: message });
    });
  });
}
