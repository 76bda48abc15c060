/**
 * Indexing a workspace in the background (issue 13): every blueprint file that is not
 * open becomes a compact document, a file at a time, yielding to the host between short
 * slices so the editor stays responsive (no task much longer than a file's parse). A run
 * can be cancelled when files change and started again; files whose facts are known (the
 * same text, or a cached compact document) cost no parse.
 */
import type { BlueprintDocument } from '../model';

/** What the indexer needs of the workspace (a subset of `BlueprintWorkspace`). */
export interface IndexTarget {
  get(uri: string): BlueprintDocument | undefined;
  isCompact(uri: string): boolean;
  setCompact(uri: string, compact: BlueprintDocument): BlueprintDocument;
  setCompactText(uri: string, text: string): BlueprintDocument;
  loadDependencies(options: { compact: boolean }): Promise<void>;
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
  /** Files read ahead while others are parsed. */
  readAhead?: number;
  /** After each file: how many are done of how many. */
  onProgress?(done: number, total: number): void;
  /** Set `cancelled` to stop a run between two files. */
  token?: { readonly cancelled: boolean };
}

export interface IndexResult {
  /** Files parsed into compact documents. */
  parsed: number;
  /** Files taken from the cache. */
  cached: number;
  /** Files skipped: open (a full model) or unreadable. */
  skipped: number;
  cancelled: boolean;
  /** The longest stretch of work without yielding, in milliseconds. */
  longestTaskMs: number;
}

/** Milliseconds; the core has no `performance` (see types/core-host.d.ts), and 1 ms is fine enough here. */
const now = (): number => Date.now();
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(() => resolve(), 0));

export async function indexFiles(target: IndexTarget, files: IndexFiles, options: IndexOptions = {}): Promise<IndexResult> {
  const sliceMs = options.sliceMs ?? 8;
  const readAhead = Math.max(1, options.readAhead ?? 8);
  const result: IndexResult = { parsed: 0, cached: 0, skipped: 0, cancelled: false, longestTaskMs: 0 };
  const uris = files.uris;
  const load = (uri: string): Promise<{ compact?: BlueprintDocument; text?: string }> =>
    (async () => {
      const existing = target.get(uri);
      if (existing && !existing.compact) return {};
      const compact = await files.cached?.(uri);
      if (compact) return { compact };
      return { text: await files.read(uri) };
    })().catch(() => ({}));
  const pending: Array<Promise<{ compact?: BlueprintDocument; text?: string }>> = [];
  for (let i = 0; i < Math.min(readAhead, uris.length); i++) pending.push(load(uris[i]));
  let sliceStart = now();
  const endTask = (): void => {
    result.longestTaskMs = Math.max(result.longestTaskMs, now() - sliceStart);
  };
  for (let i = 0; i < uris.length; i++) {
    if (options.token?.cancelled) {
      result.cancelled = true;
      break;
    }
    endTask();
    const loaded = await pending[i];
    sliceStart = now();
    delete pending[i];
    if (i + readAhead < uris.length) pending[i + readAhead] = load(uris[i + readAhead]);
    const uri = uris[i];
    const existing = target.get(uri);
    if (existing && !existing.compact) result.skipped++;
    else if (loaded.compact) {
      target.setCompact(uri, loaded.compact);
      result.cached++;
    } else if (loaded.text !== undefined) {
      target.setCompactText(uri, loaded.text);
      result.parsed++;
    } else result.skipped++;
    options.onProgress?.(i + 1, uris.length);
    if (now() - sliceStart >= sliceMs) {
      endTask();
      await yieldToHost();
      sliceStart = now();
    }
  }
  endTask();
  if (!result.cancelled) {
    await target.loadDependencies({ compact: true });
  }
  return result;
}
