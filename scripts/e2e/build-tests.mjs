// @ts-check
/**
 * Compiles the in-editor test suite with esbuild:
 *   test/vscode/index.ts          -> out/test/vscode/index.js   (the run() entry)
 *   test/vscode/suite/*.test.ts   -> out/test/vscode/suite/*.test.js
 *   test/vscode/run-test.ts       -> out/test/vscode/run-test.js (@vscode/test-electron runner)
 * Each file is bundled (helpers, core modules, package.json inlined) as CommonJS
 * for the extension host; `vscode` is provided by the host, and `mocha` stays
 * external so index.js and the test files share one mocha instance (it is
 * resolved from the repository's node_modules). Test files are found by
 * listing the folder, so new `*.test.ts` files need no registration.
 */
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT, TESTS_OUT_DIR } from './paths.mjs';

const SOURCE_DIR = path.join(ROOT, 'test', 'vscode');

/** Builds the suite; returns the compiled entry (`index.js`). */
export async function buildTests() {
  const suiteFiles = readdirSync(path.join(SOURCE_DIR, 'suite'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(SOURCE_DIR, 'suite', name));
  // Start clean so a deleted test cannot linger as a stale .js file.
  await fs.rm(TESTS_OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(SOURCE_DIR, 'index.ts'), path.join(SOURCE_DIR, 'run-test.ts'), ...suiteFiles],
    outbase: SOURCE_DIR,
    outdir: TESTS_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As in esbuild.mjs: packages' ES modules first (jsonc-parser's UMD build cannot be bundled).
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    logLevel: 'warning',
  });
  return path.join(TESTS_OUT_DIR, 'index.js');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildTests().then(
    (entry) => console.log(`built ${path.relative(ROOT, entry)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
