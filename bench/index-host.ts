/**
 * The editor's pipeline on a whole organisation's blueprints (issue 13), in a child
 * process of its own so its peak memory is its own: the core service and diagnostics
 * scheduler as the extension's session drives them (compact dependencies, the open file
 * a full model, every other file indexed in the background as a compact document). It
 * measures the open file's first problems while indexing starts with it, edits to the
 * open file while the index is built (edit → problems, no debounce), the longest task
 * between turns of the event loop, the process's peak memory, and a second start whose
 * facts come from the cache: one JSON file per blueprint written while indexing, as the
 * extension's store writes them (size and modification time beside the compact form),
 * read back in a second child process of its own, as a new editor session would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import { generateRepository } from './generate';
import { mainThreadCpuClock, ms, ownPeakKb } from './stats';
import { HOST_MEMORY_GOAL_MB, INDEX_TASK_GOAL_MS } from './scale';
import { contentHash, createBlueprintService, DEFAULT_DIAGNOSTICS_DELAY_MS, loadCompact, storeCompact, type BlueprintDocument, type StoredCompact } from '../src/core';

export interface IndexHostFigures {
  files: number;
  firstProblemsMs: number;
  indexMs: number;
  longestTaskMs: number;
  eventLoopMaxMs: number;
  /** The most CPU time the main thread spent between two turns of a 5 ms timer: the longest task, whatever the machine's load. */
  longestCpuTaskMs: number;
  /** The same in CPU time of the whole process (the collector's helper threads too), as measured before session 6. */
  longestProcessCpuTaskMs: number;
  /** False where the main thread's CPU time cannot be read (not Linux): then the figures are the process's. */
  mainThreadOnly: boolean;
  /** The same while the opened file was parsed and checked the first time (before indexing had much to do). */
  openingCpuTaskMs: number;
  /** The five longest tasks in CPU time, with the collector's share. */
  longestTasks: LongTask[];
  edits: number;
  editMedianMs: number;
  editMaxMs: number;
  /** The same in CPU time of the process (the wall time grows with the machine's load). */
  editCpuMedianMs: number;
  editCpuMaxMs: number;
  /** The open file checked again once indexing is done (the session refreshes open files after a batch), CPU time of the process. */
  refreshCpuMs: number;
  peakRssMb: number;
  baselineRssMb: number;
}

/** The second start: every file's facts from the cache, in a process of its own. */
export interface CacheFigures {
  cacheMs: number;
  /** CPU time of the same. */
  cacheCpuMs: number;
  cachedFiles: number;
  /** Bytes of the cache files, in all. */
  cacheBytes: number;
  peakRssMb: number;
}

/** As the extension's store (`src/extension/compact-store.ts`): one JSON file per blueprint, named by a hash of its URI. */
interface StoredEntry {
  size: number;
  mtime: number;
  doc: StoredCompact;
}
const entryPath = (cacheFolder: string, uri: string): string => join(cacheFolder, `${contentHash(uri)}.json`);

async function putEntry(cacheFolder: string, uri: string, compact: BlueprintDocument): Promise<void> {
  const stamp = await stat(URI.parse(uri).fsPath);
  const entry: StoredEntry = { size: stamp.size, mtime: stamp.mtimeMs, doc: storeCompact(compact) };
  await writeFile(entryPath(cacheFolder, uri), JSON.stringify(entry));
}

/** As the store's `get`: the file's size and time, its entry read and checked, the compact document read back. */
async function getEntry(cacheFolder: string, uri: string): Promise<{ doc: BlueprintDocument | undefined; bytes: number }> {
  const stamp = await stat(URI.parse(uri).fsPath);
  let text: string;
  try {
    text = await readFile(entryPath(cacheFolder, uri), 'utf8');
  } catch {
    return { doc: undefined, bytes: 0 };
  }
  const entry = JSON.parse(text) as StoredEntry;
  const valid = entry.size === stamp.size && entry.mtime === stamp.mtimeMs && entry.doc?.uri === uri;
  return { doc: valid ? loadCompact(entry.doc) : undefined, bytes: text.length };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const rssMb = (): number => process.memoryUsage().rss / (1024 * 1024);

/** A long task: its CPU time and how much of its wall time garbage collection took. */
export interface LongTask {
  cpuMs: number;
  gcMs: number;
  /** Milliseconds since the watch started. */
  atMs: number;
}

/**
 * Watches the CPU time used between turns of a 5 ms timer; `stop` returns the most, in ms
 * (since `reset`). The garbage collector's pauses inside each turn are kept beside it
 * (a `gc` performance observer), to tell our tasks from the collector's.
 */
function watchCpuTasks(): { stop(): number; reset(): number; longest(count: number): LongTask[]; processMost(): number } {
  const { clock } = mainThreadCpuClock();
  let most = 0;
  let processMost = 0;
  let last = clock();
  let lastProcess = process.cpuUsage();
  let lastAt = performance.now();
  const origin = lastAt;
  const gcs: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const ticks: Array<{ cpuMs: number; start: number; end: number }> = [];
  const timer = setInterval(() => {
    const now = clock();
    const cpuMs = now - last;
    const used = process.cpuUsage(lastProcess);
    processMost = Math.max(processMost, (used.user + used.system) / 1000);
    most = Math.max(most, cpuMs);
    const at = performance.now();
    if (cpuMs > 20) ticks.push({ cpuMs, start: lastAt, end: at });
    last = clock();
    lastProcess = process.cpuUsage();
    lastAt = at;
  }, 5);
  const gcIn = (start: number, end: number): number => gcs.reduce((sum, gc) => sum + Math.max(0, Math.min(end, gc.end) - Math.max(start, gc.start)), 0);
  return {
    stop() {
      clearInterval(timer);
      observer.disconnect();
      return most;
    },
    reset() {
      const before = most;
      most = 0;
      processMost = 0;
      return before;
    },
    processMost: () => processMost,
    longest(count) {
      return [...ticks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, count).map((tick) => ({ cpuMs: tick.cpuMs, gcMs: gcIn(tick.start, tick.end), atMs: tick.start - origin }));
    },
  };
}

/**
 * The process's CPU time in ms, to the microsecond (the main thread's from schedstat is
 * only as fresh as the last scheduler tick, 4 ms here: fine for tasks of 50 ms, too coarse
 * for an edit's few milliseconds).
 */
function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Toggles " (edited)" at the end of the `nth` customer lane: a one-line edit. */
function editOneLine(text: string, nth: number): string {
  let seen = 0;
  return text.replace(/^(- customer: .*?)( \(edited\))?$/gm, (line, base: string, edited?: string) => (seen++ === nth ? (edited ? base : `${base} (edited)`) : line));
}

/** Edits the open file every 250 ms while `running()`; the time from each edit to its problems. */
async function editWhileIndexing(update: (text: string) => Promise<void>, text: string, running: () => boolean): Promise<{ wall: number[]; cpu: number[] }> {
  const clock = processCpuMs;
  const wall: number[] = [];
  const cpu: number[] = [];
  let current = text;
  for (let round = 0; running(); round++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!running()) break;
    current = editOneLine(current, 10 + (round % 50));
    const started = performance.now();
    const cpuStarted = clock();
    await update(current);
    wall.push(performance.now() - started);
    cpu.push(clock() - cpuStarted);
  }
  return { wall, cpu };
}

async function child(folder: string, paths: string[], openPath: string, cacheFolder: string): Promise<IndexHostFigures> {
  const baselineRssMb = rssMb();
  let peak = baselineRssMb;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const uriOf = (path: string): string => URI.file(join(folder, path)).toString();
  const read = (uri: string): Promise<string> => readFile(URI.parse(uri).fsPath, 'utf8');
  const service = createBlueprintService({ readFile: read });
  const open = uriOf(openPath);
  let published: (() => void) | undefined;
  const scheduler = service.createDiagnosticsScheduler((uri) => uri === open && published?.(), { delayMs: DEFAULT_DIAGNOSTICS_DELAY_MS, compactDependencies: true });
  const update = (text: string): Promise<void> => new Promise<void>((resolve) => {
    published = resolve;
    scheduler.update(open, text);
    void scheduler.flush();
  });
  const uris = paths.map(uriOf);
  const writes: Array<Promise<void>> = [];
  loop.enable();
  const cpuTasks = watchCpuTasks();
  const started = performance.now();
  const text = await read(open);
  // As the session does: the opened file is checked while indexing starts beside it.
  let indexing = true;
  const index = service.indexFiles({ uris, read }, { onParsed: (uri, compact) => void writes.push(putEntry(cacheFolder, uri, compact)) }).finally(() => (indexing = false));
  await update(text);
  const firstProblemsMs = performance.now() - started;
  const openingCpuTaskMs = cpuTasks.reset();
  const edits = await editWhileIndexing(update, text, () => indexing);
  const result = await index;
  const indexMs = performance.now() - started;
  // As the session does once a batch is indexed: the open file checked again (it stands
  // when nothing it reads changed since its last check).
  const clock = processCpuMs;
  const refreshStarted = clock();
  await new Promise<void>((resolve) => {
    published = resolve;
    scheduler.refresh([open]);
    void scheduler.flush();
  });
  const refreshCpuMs = clock() - refreshStarted;
  loop.disable();
  const longestProcessCpuTaskMs = cpuTasks.processMost();
  const longestCpuTaskMs = cpuTasks.stop();
  const longestTasks = cpuTasks.longest(5);
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(), ownPeakKb() / 1024);
  scheduler.dispose();
  await Promise.all(writes);
  return {
    files: uris.length, firstProblemsMs, indexMs, longestTaskMs: result.longestTaskMs, eventLoopMaxMs: loop.max / 1e6, longestCpuTaskMs, longestProcessCpuTaskMs, mainThreadOnly: mainThreadCpuClock().mainThreadOnly, openingCpuTaskMs, longestTasks,
    edits: edits.wall.length, editMedianMs: median(edits.wall), editMaxMs: Math.max(...edits.wall), editCpuMedianMs: median(edits.cpu), editCpuMaxMs: Math.max(...edits.cpu), refreshCpuMs, peakRssMb: peak, baselineRssMb,
  };
}

/** A second start: a new service indexes the same files, their facts read from the cache files. */
async function cacheChild(folder: string, paths: string[], cacheFolder: string): Promise<CacheFigures> {
  const uris = paths.map((path) => URI.file(join(folder, path)).toString());
  const read = (uri: string): Promise<string> => readFile(URI.parse(uri).fsPath, 'utf8');
  const service = createBlueprintService({ readFile: read });
  let cacheBytes = 0;
  const cached = async (uri: string): Promise<BlueprintDocument | undefined> => {
    const { doc, bytes } = await getEntry(cacheFolder, uri);
    cacheBytes += bytes;
    return doc;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const fromCache = await service.indexFiles({ uris, read, cached });
  const cacheMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!service.get(uris[0])) throw new Error('lost a file');
  return { cacheMs, cacheCpuMs: (used.user + used.system) / 1000, cachedFiles: fromCache.cached, cacheBytes, peakRssMb: Math.max(rssMb(), ownPeakKb() / 1024) };
}

/** Entry of the child processes: `index-host-child FOLDER OPEN_PATH PATHS_FILE CACHE_FOLDER`, or `index-host-cache-child FOLDER - PATHS_FILE CACHE_FOLDER`. */
export async function indexHostChild(mode: 'index' | 'cache', folder: string, openPath: string, pathsFile: string, cacheFolder: string): Promise<void> {
  const paths = JSON.parse(await readFile(pathsFile, 'utf8')) as string[];
  const figures = mode === 'index' ? await child(folder, paths, openPath, cacheFolder) : await cacheChild(folder, paths, cacheFolder);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild<T>(entry: string, args: string[]): T {
  const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1], entry, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${entry} exited ${run.status}: ${run.stderr.slice(0, 1000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

/** Runs the children on a written repository (the index, then a second start from its cache) and returns their figures. */
export function measureIndexHost(folder: string, openPath: string, pathsFile: string, cacheFolder: string): IndexHostFigures & Omit<CacheFigures, 'peakRssMb'> & { cachePeakRssMb: number } {
  mkdirSync(cacheFolder, { recursive: true });
  const index = runChild<IndexHostFigures>('index-host-child', [folder, openPath, pathsFile, cacheFolder]);
  const cache = runChild<CacheFigures>('index-host-cache-child', [folder, '-', pathsFile, cacheFolder]);
  return { ...index, ...cache, peakRssMb: index.peakRssMb, cachePeakRssMb: cache.peakRssMb };
}

/** The extension's pipeline in a process of its own: memory, first problems, edits while indexing, the cache. */
export function printIndexHost(repo: string, scratch: string, paths: string[]): void {
  const pathsFile = join(scratch, 'paths.json');
  writeFileSync(pathsFile, JSON.stringify(paths));
  // Product 56 (a 125-step file using the shared personas), or the last one in a small run.
  const open = paths[Math.min(56, paths.length - 1)];
  const host = measureIndexHost(repo, open, pathsFile, join(scratch, 'index-cache'));
  console.log(`\nThe extension's pipeline (session's service + diagnostics scheduler, compact dependencies) in a child process, ${open} open\n`);
  console.log(`open file's first problems, indexing started beside it: ${ms(host.firstProblemsMs)} (goal within 2 s: ${host.firstProblemsMs <= 2000 ? 'met' : 'NOT met'})`);
  console.log(`index ${host.files} files: ${ms(host.indexMs)}; longest task between yields ${ms(host.longestTaskMs)}, longest event-loop delay ${ms(host.eventLoopMaxMs)} (both wall time, stretched by the machine's load)`);
  const longest = Math.max(host.longestCpuTaskMs, host.openingCpuTaskMs);
  console.log(`longest task in CPU time of the ${host.mainThreadOnly ? 'main thread' : 'process'} while indexing: ${ms(host.longestCpuTaskMs)}; while the opened file was first parsed and checked ${ms(host.openingCpuTaskMs)} (goal at most ${INDEX_TASK_GOAL_MS} ms for both: ${longest <= INDEX_TASK_GOAL_MS ? 'met' : 'NOT met'}); in CPU time of the whole process (the collector's helper threads too) ${ms(host.longestProcessCpuTaskMs)}`);
  console.log(`the five longest tasks in CPU time (of which garbage collection, wall time): ${host.longestTasks.map((task) => `${ms(task.cpuMs)} (GC ${ms(task.gcMs)}) at ${(task.atMs / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`edit → problems of the open file while indexing (no debounce), ${host.edits} edits: median ${ms(host.editMedianMs)}, max ${ms(host.editMaxMs)}; in CPU time median ${ms(host.editCpuMedianMs)}, max ${ms(host.editCpuMaxMs)} (budget 16 ms: ${host.editCpuMedianMs <= 16 ? 'median within' : 'median OVER'})`);
  console.log(`the open file checked again once indexing is done (as the session does after a batch): ${ms(host.refreshCpuMs)} of CPU time`);
  console.log(`process peak memory (RSS): ${host.peakRssMb.toFixed(0)} MB, ${host.baselineRssMb.toFixed(0)} MB at start (goal: extension host under ${HOST_MEMORY_GOAL_MB} MB: ${host.peakRssMb < HOST_MEMORY_GOAL_MB ? 'met' : 'NOT met'})`);
  console.log(`second start (a new process), facts of ${host.cachedFiles} files from the cache (a JSON file per blueprint, ${(host.cacheBytes / host.cachedFiles / 1024).toFixed(1)} KB each): ${ms(host.cacheMs)}, CPU time ${ms(host.cacheCpuMs)} (goal under 1 s: ${host.cacheMs < 1000 ? 'met' : 'NOT met'}); its peak memory (RSS) ${host.cachePeakRssMb.toFixed(0)} MB`);
}

/** `npm run bench -- editor-scale`: only this, on `BENCH_SCALE_FILES` (500) generated blueprints. */
export function runIndexHostBench(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'blueprint-index-host-'));
  try {
    const files = generateRepository(Number(process.env.BENCH_SCALE_FILES ?? 500), 125);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(scratch, 'repo', path)), { recursive: true });
      writeFileSync(join(scratch, 'repo', path), text);
    }
    printIndexHost(join(scratch, 'repo'), scratch, [...files.keys()]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
