// @ts-check
/**
 * Compiles the in-editor suite for the web worker extension host (vscode.dev,
 * github.dev) into ONE CommonJS module for the browser: `test/vscode/web/index.ts`
 * (the `run()` entry) with every `test/vscode/suite/*.test.ts` (found by listing
 * the folder, the smoke test first, as in the Node runner) plus the worker-only
 * `test/vscode/web/*.test.ts`. A worker cannot list or load files at run time, so the
 * test files are bundled in and required after `mocha.setup`. Differences from
 * the Node build, all confined to this bundle:
 *   - `mocha` is mocha's browser build; `import { suite, test } from 'mocha'` maps
 *     to its TDD globals (test/vscode/web/mocha-tdd.ts);
 *   - `node:assert/strict` is the `assert` package (test/vscode/web/assert-strict.cjs),
 *     and only that package and its `util` get a `process` shim, so the worker keeps
 *     no global `process` for the suite to see;
 *   - any other Node built-in fails the build (scripts/esbuild-no-node.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { noNodeBuiltins } from '../esbuild-no-node.mjs';
import { ROOT } from './paths.mjs';

const SOURCE_DIR = path.join(ROOT, 'test', 'vscode');
const WEB_DIR = path.join(SOURCE_DIR, 'web');

/** Test files in run order: the worker checks, the smoke test, then the others by name. */
export function webTestFiles() {
  const suite = readdirSync(path.join(SOURCE_DIR, 'suite'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort((a, b) => Number(b === 'smoke.test.ts') - Number(a === 'smoke.test.ts') || a.localeCompare(b))
    .map((name) => `./suite/${name.replace(/\.ts$/, '')}`);
  const web = readdirSync(WEB_DIR)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `./web/${name.replace(/\.ts$/, '')}`);
  return [...web, ...suite];
}

/** @returns {import('esbuild').Plugin} */
function webTestShims() {
  const processShim = path.join(WEB_DIR, 'process-shim.ts');
  return {
    name: 'web-test-shims',
    setup(build) {
      build.onResolve({ filter: /^mocha$/ }, () => ({ path: path.join(WEB_DIR, 'mocha-tdd.ts') }));
      build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.join(WEB_DIR, 'assert-strict.cjs') }));
      build.onLoad({ filter: /[\\/]node_modules[\\/](assert|util)[\\/].*\.js$/ }, (args) => ({
        contents: `var process = require(${JSON.stringify(processShim)});\n${readFileSync(args.path, 'utf8')}`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/**
 * Builds the web suite into `outfile`.
 * @param {{ outfile: string, grep?: string }} options
 */
export async function buildWebTests({ outfile, grep = '' }) {
  const requires = webTestFiles().map((file) => `  require(${JSON.stringify(file)});`).join('\n');
  await esbuild.build({
    stdin: {
      contents: `import { runSuites } from './web/index';\nexport function run() {\n  return runSuites(() => {\n${requires}\n  });\n}\n`,
      resolveDir: SOURCE_DIR,
      sourcefile: 'web-suite-entry.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    // As in esbuild.mjs for the web extension.
    conditions: ['worker'],
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    define: { global: 'globalThis', __BLUEPRINT_TEST_GREP__: JSON.stringify(grep) },
    sourcemap: 'inline',
    plugins: [webTestShims(), noNodeBuiltins({ allow: ['assert', 'util'] })],
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outfile = path.join(ROOT, 'out', 'test', 'web', 'index.js');
  buildWebTests({ outfile }).then(
    () => console.log(`built ${path.relative(ROOT, outfile)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
