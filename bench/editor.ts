/**
 * Editor benchmarks: activation time of the bundled extension, and the time from a
 * one-line edit to published diagnostics on a 1000-step blueprint, measured through the
 * `DiagnosticsScheduler` the extension uses (with its real debounce, and without it).
 *
 *   npm run build && node --import tsx bench/editor.ts
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { BlueprintWorkspace } from '../src/core/index';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, DiagnosticsScheduler } from '../src/core/features/diagnosticsScheduler';
import type { Diagnostic } from '../src/core/model';
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

/** A blueprint with `steps` steps in stages of 20, using two personas from a shared file. */
export function largeBlueprint(steps: number): { personas: string; journey: string } {
  const personas = `---\nblueprint: Personas\n---\n\n## Personas\n\n### Maria\n- heard: 2024-03-12\n\n### Kees\n- heard: 2024-03-19\n- vulnerable: yes\n`;
  const lines = ['---', 'blueprint: Large', 'personas: personas.blueprint.md', 'status: draft', '---', '', '# Large', '', '## Journey', ''];
  for (let i = 0; i < steps; i++) {
    if (i % 20 === 0) lines.push(`### Stage: Stage ${i / 20 + 1}`, '');
    lines.push(
      `#### Step: Step ${i + 1}`,
      `- persona: ${i % 3 === 0 ? '@kees' : '@maria'}`,
      `- customer: does thing ${i + 1}`,
      `- frontstage: desk answers ${i + 1}`,
      `- backstage: caseworker records ${i + 1}`,
      `- channel: ${i % 2 ? 'web' : 'phone'}`,
      `- emotion: ${(i % 5) - 2}`,
      '',
    );
  }
  return { personas, journey: lines.join('\n') };
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

async function measureEdits(steps: number, rounds: number): Promise<{ editToPublishMs: number; editComputeMs: number }> {
  const { personas, journey } = largeBlueprint(steps);
  const files = new Map([
    [URI.file('/bench/personas.blueprint.md').toString(), personas],
    [URI.file('/bench/large.blueprint.md').toString(), journey],
  ]);
  const journeyUri = URI.file('/bench/large.blueprint.md').toString();
  const workspace = new BlueprintWorkspace({ readFile: async (uri) => files.get(uri) });
  let onPublish: (diagnostics: Diagnostic[]) => void = () => {};
  const publish = (uri: string, diagnostics: Diagnostic[]): void => {
    if (uri === journeyUri) onPublish(diagnostics);
  };
  const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: DEFAULT_DIAGNOSTICS_DELAY_MS });
  scheduler.update(journeyUri, journey);
  await scheduler.flush(); // opening the file: first full parse

  const withDebounce: number[] = [];
  const withoutDebounce: number[] = [];
  let text = journey;
  for (let round = 0; round < rounds; round++) {
    for (const skipDebounce of [false, true]) {
      // One line changes: a step's customer lane, somewhere in the middle.
      const step = 400 + round;
      text = text.replace(new RegExp(`(- customer: does thing ${step + 1})( again)?\\n`), (_m, base: string, again?: string) => `${base}${again ? '' : ' again'}\n`);
      const published = new Promise<void>((resolve) => { onPublish = () => resolve(); });
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
export async function benchEditor(steps = 1000, rounds = 15): Promise<EditorBenchResult> {
  const activation = await measureActivation();
  const edits = await measureEdits(steps, rounds);
  return { ...activation, ...edits, debounceMs: DEFAULT_DIAGNOSTICS_DELAY_MS, steps };
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
