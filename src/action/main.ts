/**
 * Entry of the GitHub Action's bundle (`action/index.js`, built by `npm run build:action`
 * and committed, as JavaScript actions are: the runner does not install dependencies).
 */
import { processIo } from '../cli/io';
import { runAction } from './run';
import { limitHeapGrowth } from '../cli/heap';

limitHeapGrowth();

runAction(processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error::blueprint action failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
