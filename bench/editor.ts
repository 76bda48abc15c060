/**
 * Editor benchmarks: activation time of the bundled extension, and the time from a
 * one-line edit to published diagnostics on the generated 1000-step blueprint, measured through the
 * `DiagnosticsScheduler` the extension uses (with its real debounce, and without it).
 *
 *   npm run build && node --import tsx bench/editor.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { createBlueprintService, DEFAULT_DIAGNOSTICS_DELAY_MS } from '../src/core';
import { generateBlueprint } from './generate';
import { installVscodeStub, stubContext } from './vscode-stub';

export interface EditorBenchResult {
  /** Loading `dist/extension.js` (module evaluation). */
  loadMs: number;
  /** `activate()` itself, as the extension measures it. */
  activateMs: number;
  /** Edit → diagnostics published, debounce included (median). */
  editToPublishMs: number;
  /** Edit → diagnostics published with the debounce skipped: the work itself (median). */
  editComputeMs: number;
  debounceMs: number;
  steps: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measureActivation(): Promise<{ loadMs: number; activateMs: number }> {
  installVscodeStub();
  const require = createRequire(import.meta.url);
  const started = performance.now();
  const extension = require(resolve(import.meta.dirname, '../dist/extension.js')) as {
    activate(context: unknown): { activationTimeMs: number };
  };
  const loadMs = performance.now() - started;
  const api = extension.activate(stubContext());
  return { loadMs, activateMs: api.activationTimeMs };
}

/** Toggles " (edited)" at the end of the `nth` customer lane: a one-line edit. */
function editOneLine(text: string, nth: number): string {
  let seen = 0;
  return text.replace(/^(- customer: .*?)( \(edited\))?$/gm, (line, base: string, edited?: string) =>
    seen++ === nth ? (edited ? base : `${base} (edited)`) : line);
}

async function measureEdits(journey: string, rounds: number): Promise<{ editToPublishMs: number; editComputeMs: number }> {
  const journeyUri = URI.file('/bench/large.blueprint.md').toString();
  const service = createBlueprintService({ readFile: async (uri) => (uri === journeyUri ? journey : undefined) });
  let onPublish: () => void = () => {};
  const publish = (uri: string): void => {
    if (uri === journeyUri) onPublish();
  };
  const scheduler = service.createDiagnosticsScheduler(publish, { delayMs: DEFAULT_DIAGNOSTICS_DELAY_MS });
  scheduler.update(journeyUri, journey);
  await scheduler.flush(); // opening the file: first full parse

  const withDebounce: number[] = [];
  const withoutDebounce: number[] = [];
  let text = journey;
  for (let round = 0; round < rounds; round++) {
    for (const skipDebounce of [false, true]) {
      text = editOneLine(text, 400 + round);
      const published = new Promise<void>((resolve) => { onPublish = resolve; });
      const started = performance.now();
      scheduler.update(journeyUri, text);
      if (skipDebounce) void scheduler.flush();
      await published;
      (skipDebounce ? withoutDebounce : withDebounce).push(performance.now() - started);
    }
  }
  scheduler.dispose();
  return { editToPublishMs: median(withDebounce), editComputeMs: median(withoutDebounce) };
}

/** Runs the editor benchmarks and returns their numbers. */
export async function benchEditor(journey = generateBlueprint(1000), steps = 1000, rounds = 15): Promise<EditorBenchResult> {
  const activation = await measureActivation();
  const edits = await measureEdits(journey, rounds);
  return { ...activation, ...edits, debounceMs: DEFAULT_DIAGNOSTICS_DELAY_MS, steps };
}

/** Entry for `bench/run.ts`: `files` maps step counts to generated blueprint paths. */
export async function runBench(files: Record<number, string>): Promise<void> {
  const path = files[1000];
  const result = await benchEditor(path ? readFileSync(path, 'utf8') : generateBlueprint(1000));
  console.log(formatEditorBench(result).join('\n'));
}

/** One line per number, for the bench report. */
export function formatEditorBench(result: EditorBenchResult): string[] {
  return [
    `editor: extension bundle load          ${result.loadMs.toFixed(1)} ms`,
    `editor: activate()                     ${result.activateMs.toFixed(1)} ms`,
    `editor: edit → diagnostics, ${result.steps} steps  ${result.editToPublishMs.toFixed(1)} ms (includes ${result.debounceMs} ms debounce)`,
    `editor: edit → diagnostics, no debounce ${result.editComputeMs.toFixed(1)} ms`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  benchEditor().then((result) => console.log(formatEditorBench(result).join('\n')), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
