/**
 * Whole-process time of `blueprint check` against markdownlint-cli2 on the same file:
 * both started as fresh Node processes, alternated, median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats';

function run(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - start;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

export function measureProcesses(file: string, runs = 7): { blueprint: number; markdownlint: number } {
  const markdownlintBin = join(process.cwd(), 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const cli = join(process.cwd(), 'dist', 'cli.js');
  const blueprint: number[] = [];
  const markdownlint: number[] = [];
  // One warm-up each so the OS file cache is equally warm for both.
  run(process.execPath, [cli, 'check', file, '--format', 'json']);
  run(process.execPath, [markdownlintBin, file]);
  for (let i = 0; i < runs; i++) {
    blueprint.push(run(process.execPath, [cli, 'check', file, '--format', 'json']));
    markdownlint.push(run(process.execPath, [markdownlintBin, file]));
  }
  return { blueprint: median(blueprint), markdownlint: median(markdownlint) };
}
