// `npm run bench`: bundle the benchmark with esbuild (as the extension and CLI are
// bundled, so the figures are those of shipped code, not of a TypeScript loader) and run it.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const outfile = '.tmp/bench/bench.cjs';
await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // As in esbuild.mjs: packages' ES modules first (jsonc-parser's UMD build cannot be bundled).
  mainFields: ['module', 'main'],
  // Browser automation and esbuild stay packages: they resolve their own files at run time.
  external: ['playwright-core', 'esbuild'],
  logLevel: 'warning',
  // The bench modules locate the repository from their own folder.
  define: {
    'import.meta.dirname': JSON.stringify(resolve('bench')),
    'import.meta.filename': JSON.stringify(''),
    'import.meta.url': JSON.stringify(pathToFileURL(resolve('bench', 'run.ts')).href),
  },
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
