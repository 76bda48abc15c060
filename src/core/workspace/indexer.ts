/**
 * Indexing a workspace in the background (issue 13): every blueprint file that is not
 * open becomes a compact document, a file at a time, yielding to the host whenever a
 * slice of work passed `sliceMs`, also inside one file's parse (between the chunks the
 * parser splits at headings), so the editor stays responsive. A run can be cancelled when
 * files change and started again; files whose facts are known (the same text, or a cached
 * compact document) cost no parse.
 */
import type { BlueprintDocument } from '../model';
import { parseForCompactInSteps } from '../parse/parser';
import type { StepRunner } from '../steps';

/** What the indexer needs of the workspace (a subset of `BlueprintWorkspace`). */
export interface IndexTarget {
  get(uri: string): BlueprintDocument | undefined;
  /** Stores a compact document; a full model given is made compact first. */
  setCompact(uri: string, compact: BlueprintDocument): BlueprintDocument;
  /** True when the file is known compactly for exactly this text (no parse needed). */
  hasCompactOf(uri: string, text: string): boolean;
  loadDependencies(options: { compact: boolean; inSteps?: StepRunner }): Promise<void>;
  /** True while work that goes first runs in steps (an opened file's first check): indexing waits. */
  foregroundWork?(): boolean;
}

export interface IndexFiles {
  /** The files to index. */
  uris: readonly string[];
  /** A file's text; undefined when it cannot be read. */
  read(uri: string): Promise<string | undefined>;
  /** A compact document remembered from an earlier run and still valid for the file, if any. */
  cached?(uri: string): Promise<BlueprintDocument | undefined>;
}

export interface IndexOptions {
  /** Longest stretch of work before yielding to the host, in milliseconds. */
  sliceMs?: number;
  /**
   * Files read ahead while others are parsed (2: with 8, a text waited through eight files'
   * parses and indexing 500 files moved 611 MB to the old space instead of 133 MB).
   */
  readAhead?: number;
  /** After each file: how many are done of how many. */
  onProgress?(done: number, total: number): void;
  /** A file was parsed into this compact document (for the caller's cache). */
  onParsed?(uri: string, compact: BlueprintDocument): void;
  /** Set `cancelled` to stop a run at the next yield (a file half parsed is left out). */
  token?: { readonly cancelled: boolean };
}

export interface IndexResult {
  /** Files parsed into compact documents. */
  parsed: number;
  /** Files taken from the cache. */
  cached: number;
  /** Files skipped: open (a full model), unreadable, or known with the same text. */
  skipped: number;
  cancelled: boolean;
  /** The longest stretch of work without yielding, in milliseconds. */
  longestTaskMs: number;
}

/** Milliseconds; the core has no `performance` (see types/core-host.d.ts), and 1 ms is fine enough here. */
const now = (): number => Date.now();
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(() => resolve(), 0));

/** Measures stretches of work and yields to the host when one passed the slice. */
class Slices {
  private start = now();
  longestTaskMs = 0;
  constructor(
    private readonly sliceMs: number,
    private readonly waitFor?: () => boolean,
  ) {}

  private end(): void {
    this.longestTaskMs = Math.max(this.longestTaskMs, now() - this.start);
  }

  /** Waits for something the host does (a read): not counted as work. */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.end();
    const value = await promise;
    this.start = now();
    return value;
  }

  /** Work resumes after the host did something not measured here (a read by the caller): not counted as work. */
  resume(): void {
    this.start = now();
  }

  /** Yields when the current slice is used up. */
  async check(): Promise<void> {
    if (now() - this.start < this.sliceMs && !this.waitFor?.()) return;
    this.end();
    do await yieldToHost();
    while (this.waitFor?.());
    this.start = now();
  }

  finish(): void {
    this.end();
  }
}

type Loaded = { compact?: BlueprintDocument; text?: string };

/**
 * A file parsed in slices for its compact document (a model only `compactDocument` is
 * meant for: see `parseForCompactInSteps`); undefined when the run was cancelled meanwhile.
 */
async function parseInSlices(text: string, uri: string, slices: Slices, token: IndexOptions['token']): Promise<BlueprintDocument | undefined> {
  return (await inSlices(parseForCompactInSteps(text, uri), slices, token))?.value;
}

/** Runs steps in the run's slices; undefined when the run was cancelled meanwhile. */
async function inSlices<T>(steps: Generator<void, T, void>, slices: Slices, token: IndexOptions['token']): Promise<{ value: T } | undefined> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value };
    await slices.check();
    if (token?.cancelled) {
      steps.return(undefined as T);
      return undefined;
    }
  }
}

export async function indexFiles(target: IndexTarget, files: IndexFiles, options: IndexOptions = {}): Promise<IndexResult> {
  const slices = new Slices(options.sliceMs ?? 8, target.foregroundWork && (() => target.foregroundWork!()));
  const readAhead = Math.max(1, options.readAhead ?? 2);
  const result: IndexResult = { parsed: 0, cached: 0, skipped: 0, cancelled: false, longestTaskMs: 0 };
  const uris = files.uris;
  const isFull = (uri: string): boolean => {
    const existing = target.get(uri);
    return existing !== undefined && !existing.compact;
  };
  const load = (uri: string): Promise<Loaded> =>
    (async (): Promise<Loaded> => {
      if (isFull(uri)) return {};
      const compact = await files.cached?.(uri);
      if (compact) return { compact };
      return { text: await files.read(uri) };
    })().catch(() => ({}));
  const pending: Array<Promise<Loaded>> = [];
  for (let i = 0; i < Math.min(readAhead, uris.length); i++) pending.push(load(uris[i]));
  for (let i = 0; i < uris.length && !result.cancelled; i++) {
    const loaded = await slices.wait(pending[i]);
    delete pending[i];
    if (i + readAhead < uris.length) pending[i + readAhead] = load(uris[i + readAhead]);
    result.cancelled = options.token?.cancelled === true || !(await indexOne(target, uris[i], loaded, slices, options, result));
    if (result.cancelled) break;
    options.onProgress?.(i + 1, uris.length);
    await slices.check();
  }
  // The files the indexed ones point at that lie outside the indexed set, parsed in the same slices.
  // `resume`: the dependency's read before its parse is the host's wait, not work.
  if (!result.cancelled) {
    await target.loadDependencies({
      compact: true,
      inSteps: (steps) => {
        slices.resume();
        return inSlices(steps, slices, options.token);
      },
    });
  }
  slices.finish();
  result.longestTaskMs = slices.longestTaskMs;
  return result;
}

/** Indexes one loaded file and counts it; false when the run was cancelled during its parse. */
async function indexOne(target: IndexTarget, uri: string, loaded: Loaded, slices: Slices, options: IndexOptions, result: IndexResult): Promise<boolean> {
  const existing = target.get(uri);
  if (existing && !existing.compact) result.skipped++;
  else if (loaded.compact) {
    target.setCompact(uri, loaded.compact);
    result.cached++;
  } else if (loaded.text === undefined || target.hasCompactOf(uri, loaded.text)) result.skipped++;
  else {
    const doc = await parseInSlices(loaded.text, uri, slices, options.token);
    if (!doc) return false;
    // An editor may have opened the file while it was parsed: its full model stays.
    const now = target.get(uri);
    if (now && !now.compact) {
      result.skipped++;
      return true;
    }
    await slices.check();
    const compact = target.setCompact(uri, doc);
    options.onParsed?.(uri, compact);
    result.parsed++;
  }
  return true;
}
