/**
 * A whole organisation's blueprints (issue 13): 500 generated blueprints of 125 steps in
 * a repository, checked by `blueprint check` and by markdownlint-cli2 side by side, each
 * as a child process whose peak memory it reports itself; the bytes the workspace keeps
 * per file for 100, 500 and 2000 files; and the editor's indexing of the repository through
 * the core's indexer, as the extension runs it: memory, and the longest task between yields.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import { readFile } from 'node:fs/promises';
import { createBlueprintService, loadCompact, storeCompact, type StoredCompact } from '../src/core';
import { generateRepository } from './generate';
import { ms } from './stats';
import { printIndexHost } from './index-host';

export const SCALE_RATIO_GOAL = 0.15;
export const SCALE_MEMORY_GOAL_MB = 300;
export const INDEX_TASK_GOAL_MS = 50;
export const HOST_MEMORY_GOAL_MB = 400;

/**
 * Written into each child: its own peak resident memory in KB and its CPU time in ms, reported as it exits. On
 * Linux that is VmHWM from /proc/self/status, the peak of the child's own memory. Not
 * `process.resourceUsage().maxRSS`: Linux carries a process's peak over `fork` and
 * `exec`, so a child's maxRSS is at least the RSS of the parent that spawned it (this
 * bench, holding the generated repository), whatever the child itself uses. maxRSS is
 * only the fallback where /proc is absent.
 */
const REPORT_PEAK = `process.on('exit', () => { try { let kb; try { kb = Number(/^VmHWM:\\s*(\\d+) kB/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { kb = process.resourceUsage().maxRSS; } const cpu = process.cpuUsage(); require('fs').writeFileSync(process.env.BENCH_PEAK_FILE, kb + ' ' + (cpu.user + cpu.system) / 1000); } catch {} });`;

interface Run {
  ms: number;
  peakMb: number;
  /** CPU time of the child (user + system, all its threads): unlike wall time, not stretched by other processes. */
  cpuMs: number;
  status: number | null;
}

function runChild(args: string[], cwd: string, scratch: string): Promise<Run> {
  const peakFile = join(scratch, `peak-${Math.random().toString(36).slice(2)}.txt`);
  const preload = join(scratch, 'report-peak.cjs');
  writeFileSync(preload, REPORT_PEAK);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', preload, ...args], { cwd, env: { ...process.env, BENCH_PEAK_FILE: peakFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const elapsed = performance.now() - started;
      if (status !== 0 && status !== 1) return reject(new Error(`${args.join(' ')} exited ${status}: ${stderr.slice(0, 500)}`));
      let [peakKb, cpuMs] = [NaN, NaN];
      try {
        [peakKb, cpuMs] = readFileSync(peakFile, 'utf8').split(' ').map(Number);
      } catch {
        // no report: left as NaN
      }
      resolve({ ms: elapsed, peakMb: peakKb / 1024, cpuMs, status });
    });
  });
}

function writeRepository(folder: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / (1024 * 1024);

/** The heap and the typed arrays' memory outside it (compact documents keep their positions in one). */
const keptBytes = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

/** Memory the workspace keeps per file, with every file indexed (compact) and one open. */
function bytesPerFile(count: number, leanCompact: boolean): number {
  const files = [...generateRepository(count, 125)].map(([path, text]) => [URI.file(`/repo/${path}`).toString(), text] as const);
  gc();
  const before = keptBytes();
  const service = createBlueprintService({ readFile: async () => undefined }, { leanCompact });
  for (const [uri, text] of files) service.setCompactText(uri, text);
  service.setText(files[1][0], files[1][1]);
  service.diagnostics(files[1][0]);
  gc();
  const after = keptBytes();
  if (!service.get(files[0][0])) throw new Error('lost a file');
  return (after - before) / count;
}

/** The same with full models for every file, as before issue 13: for comparison. */
function fullBytesPerFile(count: number): number {
  const files = [...generateRepository(count, 125)].map(([path, text]) => [URI.file(`/repo/${path}`).toString(), text] as const);
  gc();
  const before = process.memoryUsage().heapUsed;
  const service = createBlueprintService({ readFile: async () => undefined });
  for (const [uri, text] of files) service.setText(uri, text);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!service.get(files[0][0])) throw new Error('lost a file');
  return (after - before) / count;
}

async function measureIndexing(folder: string, paths: string[]): Promise<{ ms: number; longestTaskMs: number; heapPeakMb: number; heapAfterMb: number; firstProblemsMs: number; cacheMs: number; cacheLongestTaskMs: number; cachedFiles: number }> {
  gc();
  const base = heapMb();
  const service = createBlueprintService({ readFile: async (uri) => readFileSync(URI.parse(uri).fsPath, 'utf8') });
  const uris = paths.map((path) => URI.file(join(folder, path)).toString());
  // The open file first: its problems before the index is built.
  const started = performance.now();
  const open = uris[1];
  service.setText(open, readFileSync(URI.parse(open).fsPath, 'utf8'));
  await service.loadDependencies();
  service.diagnostics(open);
  const firstProblemsMs = performance.now() - started;
  let peak = heapMb();
  const sampler = setInterval(() => (peak = Math.max(peak, heapMb())), 20);
  const result = await service.indexFiles({ uris, read: (uri) => readFile(URI.parse(uri).fsPath, 'utf8') }, {});
  clearInterval(sampler);
  service.diagnostics(open);
  const elapsed = performance.now() - started;
  peak = Math.max(peak, heapMb());
  gc();
  const heapAfterMb = heapMb() - base;
  // A second start: the cache (one JSON text per file, as the extension stores them) read back.
  for (const uri of uris) service.release(uri);
  const stored = uris.map((uri) => JSON.stringify(storeCompact(service.get(uri)!)));
  const again = createBlueprintService({ readFile: async () => undefined });
  const cacheStarted = performance.now();
  const fromCache = await again.indexFiles({ uris, read: async () => undefined, cached: async (uri) => loadCompact(JSON.parse(stored[uris.indexOf(uri)]) as StoredCompact) }, {});
  const cacheMs = performance.now() - cacheStarted;
  return { ms: elapsed, longestTaskMs: result.longestTaskMs, heapPeakMb: peak - base, heapAfterMb, firstProblemsMs, cacheMs, cacheLongestTaskMs: fromCache.longestTaskMs, cachedFiles: fromCache.cached };
}

export async function runScaleBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'blueprint-scale-'));
  const repo = join(scratch, 'repo');
  try {
    // BENCH_SCALE_FILES: fewer files for a quick look (the goals are set for 500).
    const files = generateRepository(Number(process.env.BENCH_SCALE_FILES ?? 500), 125);
    writeRepository(repo, files);
    const megabytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0) / (1024 * 1024);
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const markdownlint = join(process.cwd(), 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    console.log(`${files.size} files, ${megabytes.toFixed(1)} MB; each tool once, as a child process reporting its own peak memory (VmHWM)\n`);
    const blueprint = await runChild([cli, 'check', '--format', 'json'], repo, scratch);
    const lint = await runChild([markdownlint, '**/*.blueprint.md'], repo, scratch);
    const ratio = blueprint.ms / lint.ms;
    console.log('| | blueprint check | markdownlint-cli2 | goal |');
    console.log('| --- | ---: | ---: | --- |');
    console.log(`| wall time | ${ms(blueprint.ms)} | ${ms(lint.ms)} | ratio ${ratio.toFixed(2)}x, at most ${SCALE_RATIO_GOAL}x: ${ratio <= SCALE_RATIO_GOAL ? 'met' : 'NOT met'} |`);
    console.log(`| CPU time | ${ms(blueprint.cpuMs)} | ${ms(lint.cpuMs)} | ratio ${(blueprint.cpuMs / lint.cpuMs).toFixed(2)}x (the same goal; on a loaded machine this one is the steadier) |`);
    console.log(`| peak memory | ${blueprint.peakMb.toFixed(0)} MB | ${lint.peakMb.toFixed(0)} MB | at most ${SCALE_MEMORY_GOAL_MB} MB: ${blueprint.peakMb <= SCALE_MEMORY_GOAL_MB ? 'met' : 'NOT met'} |`);

    const indexing = await measureIndexing(repo, [...files.keys()]);
    console.log(`\nEditor pipeline on the same repository (core indexer as the extension runs it, in this process)\n`);
    console.log(`open file's problems (before indexing):     ${ms(indexing.firstProblemsMs)}`);
    console.log(`index all ${files.size} files in the background: ${ms(indexing.ms)}`);
    console.log(`longest task between yields while indexing: ${ms(indexing.longestTaskMs)} (goal at most ${INDEX_TASK_GOAL_MS} ms: ${indexing.longestTaskMs <= INDEX_TASK_GOAL_MS ? 'met' : 'NOT met'})`);
    // The heap of this bench process, which holds much else: not the extension host's memory (the child process's peak RSS below is, with the goal).
    console.log(`heap growth of this bench process while it indexed in-process (not the extension host's memory: see the child process below): peak ${indexing.heapPeakMb.toFixed(0)} MB, after ${indexing.heapAfterMb.toFixed(0)} MB`);
    console.log(`second start, facts of ${indexing.cachedFiles} files from the cache: ${ms(indexing.cacheMs)} (goal under 1 s: ${indexing.cacheMs < 1000 ? 'met' : 'NOT met'}), longest task ${ms(indexing.cacheLongestTaskMs)}`);
    printIndexHost(repo, scratch, [...files.keys()]);

    console.log('\nMemory kept per file, heap and typed arrays (one file open, the rest compact; generated files of 125 steps, 85 KB of text each)\n');
    console.log('| files | editor (compact) | CLI (lean compact) | full models, as before |');
    console.log('| ---: | ---: | ---: | ---: |');
    const full100 = fullBytesPerFile(100);
    const counts = (process.env.BENCH_SCALE_SIZES ?? '100,500,2000').split(',').map(Number);
    for (const count of counts) {
      console.log(`| ${count} | ${(bytesPerFile(count, false) / 1024).toFixed(1)} KB | ${(bytesPerFile(count, true) / 1024).toFixed(1)} KB | ${count === counts[0] ? `${(full100 / 1024).toFixed(0)} KB (100 files)` : ''} |`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
