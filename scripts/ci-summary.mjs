// Prints one closing line for CI: the unit/browser tests (vitest's JSON report) and the
// in-editor suite (the e2e harness's results files, Node and web worker hosts) added up.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = 'test-results/vitest.json';
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
// The in-editor suite in code-server's Node and web worker extension hosts.
for (const file of ['test-results/e2e/summary.json', 'test-results/web/summary.json']) {
  if (!existsSync(file)) continue;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  passed += summary.passed ?? 0;
  failed += summary.failed ?? 0;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
