/**
 * Parsing large inputs on several cores. Markdown parsing is nearly all of a check's
 * time, and a blueprint splits into chunks that parse independently (see
 * `src/core/parse/chunks.ts`), so the CLI hands chunks to worker threads and seeds the
 * workspace with the results. The worker is this same bundle, started in worker mode.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { parseChunk, splitChunks, type ParsedChunk } from '../../core/parse';

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_CHARS = 256 * 1024;
const MAX_WORKERS = 4;

interface WorkerInput {
  kind: 'blueprint-parse-worker';
  chunks: string[];
}

/** True when this thread was started by `preparse` to parse chunks. */
export function isParseWorker(): boolean {
  return parentPort !== null && (workerData as WorkerInput | undefined)?.kind === 'blueprint-parse-worker';
}

/** Worker side: parse the chunks given and post the results back, in order. */
export function runParseWorker(): void {
  const { chunks } = workerData as WorkerInput;
  parentPort?.postMessage(chunks.map((chunk) => parseChunk(chunk)));
}

/**
 * Parse the chunks of these texts on all cores (this thread included). Returns the
 * parsed chunks by text, or an empty map when the input is too small to gain from it.
 */
export async function preparse(texts: readonly string[], workerFile: string): Promise<Map<string, ParsedChunk>> {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  const threads = Math.min(availableParallelism(), MAX_WORKERS + 1);
  const result = new Map<string, ParsedChunk>();
  if (total < PARALLEL_THRESHOLD_CHARS || threads < 2) return result;

  const unique = new Set<string>();
  for (const text of texts) for (const span of splitChunks(text)) unique.add(text.slice(span.start, span.end));
  // Greedy balance by length: each chunk goes to the lightest group so far.
  const groups = Array.from({ length: threads }, () => ({ chunks: [] as string[], size: 0 }));
  for (const chunk of [...unique].sort((a, b) => b.length - a.length)) {
    const lightest = groups.reduce((min, group) => (group.size < min.size ? group : min));
    lightest.chunks.push(chunk);
    lightest.size += chunk.length;
  }
  const [own, ...others] = groups;
  const pending = others.map(
    (group) =>
      new Promise<void>((resolve, reject) => {
        const input: WorkerInput = { kind: 'blueprint-parse-worker', chunks: group.chunks };
        const worker = new Worker(workerFile, { workerData: input });
        worker.once('message', (parsed: ParsedChunk[]) => {
          group.chunks.forEach((chunk, i) => result.set(chunk, parsed[i]));
          void worker.terminate();
          resolve();
        });
        worker.once('error', reject);
      }),
  );
  // This thread parses its share while the workers parse theirs.
  for (const chunk of own.chunks) result.set(chunk, parseChunk(chunk));
  try {
    await Promise.all(pending);
  } catch {
    // A worker that fails only costs time: the workspace parses what is missing itself.
  }
  return result;
}
