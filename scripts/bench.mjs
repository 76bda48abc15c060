// `npm run bench`: bundle the benchmark with esbuild (as the extension and CLI are
// bundled, so the figures are those of shipped code, not of a TypeScript loader) and run it.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = '.tmp/bench/bench.cjs';
await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Browser automation stays a package: it is large and resolves its own files at run time.
  external: ['playwright-core'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
