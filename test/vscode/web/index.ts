/**
 * Entry of the in-editor suite for the web worker extension host (vscode.dev, github.dev),
 * with the same `run()` contract as `../index.ts`. A worker has no file system and no
 * environment, so `scripts/e2e/build-web-tests.mjs` bundles every test file into one
 * module and hands them over as `loadSuites` (required only after `mocha.setup`, since
 * their top level calls `suite`), the grep is compiled in, and the summary goes to the
 * console as one `BLUEPRINT_TEST_SUMMARY {json}` line, which the harness reads.
 */
// mocha's browser build: defines the `mocha` global (no Node, no DOM needed for the spec reporter).
import 'mocha/mocha';
import type { SuiteSummary } from '../index';

declare const __BLUEPRINT_TEST_GREP__: string;

/** Marks the summary line in the console output. */
export const SUMMARY_MARKER = 'BLUEPRINT_TEST_SUMMARY';

/** Runs the suite; rejects when any test or hook fails. */
export function runSuites(loadSuites: () => void): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000 });
  if (__BLUEPRINT_TEST_GREP__) mocha.grep(__BLUEPRINT_TEST_GREP__);
  loadSuites();
  const summary: SuiteSummary = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${SUMMARY_MARKER} ${JSON.stringify(summary)}`);
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
