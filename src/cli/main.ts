/**
 * Entry point of the bundled CLI (`dist/cli.js`, run by `bin/blueprint.js`).
 */
import { processIo } from './io';
import { runCli } from './cli';
import { limitHeapGrowth } from './heap';

limitHeapGrowth();

// A reader that stops early (`blueprint coverage --format json | head`) closes the pipe:
// stop quietly, as other command-line tools do, instead of an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug gets here; say so plainly and keep the stack for the report.
    process.stderr.write(`blueprint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
