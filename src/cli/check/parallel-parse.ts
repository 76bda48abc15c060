/**
 * Parsing large inputs on several cores. Markdown parsing is nearly all of a check's
 * time, and a blueprint splits into chunks that parse independently (see
 * `src/core/parse/chunks.ts`), so the CLI hands chunks to worker threads
 * (`src/cli/parse-worker.ts`, a bundle of its own) and seeds the workspace with the results.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseChunk, splitChunks, type ParsedChunk } from '../../core/parse';

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_CHARS = 256 * 1024;
const MAX_WORKERS = 4;

/**
 * Share of the chunks this thread parses itself: a little less than an equal share,
 * because the workers start later (loading their bundle) and this thread assembles
 * the results afterwards.
 */
const OWN_SHARE = 0.42;

/**
 * Parse the chunks of these texts on all cores (this thread included). Returns the
 * parsed chunks by text, or an empty map when the input is too small to gain from it.
 */
export async function preparse(texts: readonly string[], workerFile: string): Promise<Map<string, ParsedChunk>> {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  // BLUEPRINT_THREADS caps the threads (1: parse on this thread only), e.g. on a shared CI runner.
  const cap = Number.parseInt(process.env.BLUEPRINT_THREADS ?? '', 10);
  const threads = Math.min(availableParallelism(), MAX_WORKERS + 1, cap > 0 ? cap : Infinity);
  const result = new Map<string, ParsedChunk>();
  if (total < PARALLEL_THRESHOLD_CHARS || threads < 2 || !existsSync(workerFile)) return result;

  const unique = new Set<string>();
  for (const text of texts) for (const span of splitChunks(text)) unique.add(text.slice(span.start, span.end));
  // Greedy balance by length, weighted: each chunk goes to the group furthest below its target.
  const weights = [OWN_SHARE * (threads - 1) / (1 - OWN_SHARE), ...Array.from({ length: threads - 1 }, () => 1)];
  const groups = weights.map((weight) => ({ chunks: [] as string[], size: 0, weight }));
  for (const chunk of [...unique].sort((a, b) => b.length - a.length)) {
    const lightest = groups.reduce((min, group) => (group.size / group.weight < min.size / min.weight ? group : min));
    lightest.chunks.push(chunk);
    lightest.size += chunk.length;
  }
  const [own, ...others] = groups;
  const pending = others.map(
    (group) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerFile, { workerData: { chunks: group.chunks } });
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
