// Builds the GitHub Action's bundle, action/index.js, which is committed (the runner runs
// it as is). Not minified, no source map, so it stays reviewable and builds identically.
// test/unit/action/bundle.test.ts checks that the committed file equals a fresh build:
// after changing src/core, src/cli or src/action, run `npm run build:action` and commit it.
//
//   node scripts/build-action.mjs [--outfile path]
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await esbuild.build({
  entryPoints: ['src/action/main.ts'],
  outfile: values.outfile ?? 'action/index.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  define: { __BLUEPRINT_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__import_meta_url' },
  banner: { js: 'const __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});
