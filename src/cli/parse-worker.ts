/**
 * The worker of `preparse` (see `check/parallel-parse.ts`), bundled on its own as
 * `dist/parse-worker.js` so that it starts quickly: only the Markdown parser, no CLI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk } from '../core/parse/segments';

const { chunks } = workerData as { chunks: string[] };
parentPort?.postMessage(chunks.map((chunk) => parseChunk(chunk)));
