/**
 * `npm run bench -- hostile-commands`: the commands after `check` on hostile input
 * (issue 9), in process, CPU time, median of three after one untimed run:
 *
 * - the semantic diff of two versions (both loaded and checked, then compared) of shapes
 *   an attacker would send: every step renamed, reordered, one id for all, thousands of
 *   findings on one step, every stage renamed; at 16 KB, 160 KB and 1.6 MB, in ms per KB
 *   beside checking the two versions (goal: the diff's own part stays linear);
 * - the coverage of n personas by n stages (bounded by `MAX_COVERAGE_CELLS`);
 * - the render views other than the grid (client, journey, Mermaid, coverage) of the
 *   shapes of `bench/hostile.ts` at 16 and 160 KB, in ms per KB.
 *
 * Printed, never asserted: timings belong here, not in tests.
 */
import {
  buildCoverage, coverageToJson, createBlueprintService, diffVersions, renderCoveragePage, renderMermaid, renderStandalonePage,
  type BlueprintService,
} from '../src/core';
import { documentOf, SHAPES } from './hostile';
import { cpuTime, median } from './stats';

const host = { readFile: async (): Promise<string | undefined> => undefined };
const BASE_URI = 'file:///bench/base/h.blueprint.md';
const HEAD_URI = 'file:///bench/head/h.blueprint.md';
const HEAD = '---\nblueprint: Hostile\nlang: en\n---\n\n# Hostile\n\n## Personas\n\n### Maria\n\n## Journey\n\n';

/** CPU time of `fn`: one untimed run, then the median of three. */
function measure(fn: () => void): number {
  fn();
  return median([0, 1, 2].map(() => cpuTime(fn)));
}

/** Repeats `unit(i)` until the text has about `bytes` characters. */
function upTo(bytes: number, unit: (i: number) => string): string {
  let text = HEAD;
  for (let i = 0; text.length < bytes; i++) text += unit(i);
  return text;
}

/** Pairs of versions: base and head of about `bytes` characters each. */
const DIFF_SHAPES: Record<string, (bytes: number) => [string, string]> = {
  'every step renamed (same content)': (bytes) => [
    upTo(bytes, (i) => `### Step: Old ${i}\n- persona: @maria\n- customer: reads letter ${i} and calls\n\n`),
    upTo(bytes, (i) => `### Step: New ${i}\n- persona: @maria\n- customer: reads letter ${i} and calls\n\n`),
  ],
  'steps reordered, two findings each': (bytes) => {
    const base = upTo(bytes, (i) => `### Step: S${i}\n- backstage: w${i}\n\n`);
    const steps = base.slice(HEAD.length).split(/(?=^### Step: )/m);
    return [base, HEAD + steps.reverse().join('')];
  },
  'one id for every step': (bytes) => [
    upTo(bytes, (i) => `### Step: Same\n- customer: c${i}\n\n`),
    upTo(bytes, (i) => `### Step: Same\n- customer: c${i + 1}\n\n`),
  ],
  'one step naming thousands of unknown personas': (bytes) => {
    const refs = (prefix: string) => Array.from({ length: Math.floor(bytes / 8) }, (_, i) => `@${prefix}${i}`).join(', ');
    return [`${HEAD}### Step: One\n- persona: ${refs('p')}\n- customer: x\n`, `${HEAD}### Step: One\n- persona: ${refs('q')}\n- customer: x\n`];
  },
  'every stage renamed, one step each': (bytes) => [
    upTo(bytes, (i) => `### Stage: Stage ${i}\n\n#### Step: T${i}\n- persona: @maria\n- customer: c${i}\n\n`),
    upTo(bytes, (i) => `### Stage: Phase ${i}\n\n#### Step: T${i}\n- persona: @maria\n- customer: c${i}\n\n`),
  ],
};

function loaded(uri: string, text: string): BlueprintService {
  const workspace = createBlueprintService(host);
  workspace.setText(uri, text);
  return workspace;
}

function diffTimes(base: string, head: string): { check: number; diff: number } {
  const check = measure(() => {
    loaded(BASE_URI, base).diagnostics(BASE_URI);
    loaded(HEAD_URI, head).diagnostics(HEAD_URI);
  });
  const diff = measure(() => {
    const [before, after] = [loaded(BASE_URI, base), loaded(HEAD_URI, head)];
    diffVersions(
      { index: before.index, uri: BASE_URI, diagnostics: before.diagnostics(BASE_URI) },
      { index: after.index, uri: HEAD_URI, diagnostics: after.diagnostics(HEAD_URI) },
    );
  });
  return { check, diff };
}

const perKb = (ms: number, bytes: number): string => (ms / (bytes / 1024)).toFixed(2);

function printDiffTable(): void {
  console.log('Semantic diff of two hostile versions: ms per KB of one version (check of both / diff, which includes that check)\n');
  console.log('| shape | 16 KB | 160 KB | 1.6 MB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, shape] of Object.entries(DIFF_SHAPES)) {
    const cells = [16 * 1024, 160 * 1024, 1600 * 1024].map((bytes) => {
      const [base, head] = shape(bytes);
      const { check, diff } = diffTimes(base, head);
      return `${perKb(check, base.length)} / ${perKb(diff, base.length)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

function printCoverageTable(): void {
  console.log('\nCoverage of n personas by n stages (at most 100,000 cells): ms, and KB of JSON\n');
  console.log('| n | input KB | build + JSON ms | JSON KB |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const n of [100, 500, 2000]) {
    const text = HEAD.replace('### Maria\n', Array.from({ length: n }, (_, i) => `### P${i}\n`).join('')) +
      Array.from({ length: n }, (_, i) => `### Stage: S${i}\n#### Step: T${i}\n- persona: @p${i}\n`).join('');
    const workspace = loaded(BASE_URI, text);
    const doc = workspace.get(BASE_URI)!;
    let size = 0;
    const ms = measure(() => {
      size = JSON.stringify(coverageToJson(buildCoverage({ doc, index: workspace.index }), 'h.blueprint.md')).length;
    });
    console.log(`| ${n} | ${(text.length / 1024).toFixed(0)} | ${ms.toFixed(0)} | ${(size / 1024).toFixed(0)} |`);
  }
}

function printRenderViews(): void {
  console.log('\nRender views other than the grid, ms per KB at 16 KB / 160 KB\n');
  console.log('| shape | client | journey | Mermaid | coverage |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const shape of Object.keys(SHAPES)) {
    const cells: string[][] = [[], [], [], []];
    for (const bytes of [16 * 1024, 160 * 1024]) {
      const text = documentOf(shape, bytes);
      const workspace = loaded(BASE_URI, text);
      const input = { doc: workspace.get(BASE_URI)!, diagnostics: workspace.diagnostics(BASE_URI), index: workspace.index };
      const views: Array<() => unknown> = [
        () => renderStandalonePage(input, { view: 'client' }),
        () => renderStandalonePage(input, { view: 'journey' }),
        () => renderMermaid(input),
        () => renderCoveragePage(input),
      ];
      views.forEach((view, i) => cells[i]?.push(perKb(measure(() => void view()), text.length)));
    }
    console.log(`| ${shape} | ${cells.map((pair) => pair.join(' / ')).join(' | ')} |`);
  }
}

export function runHostileCommandsBench(): void {
  printDiffTable();
  printCoverageTable();
  printRenderViews();
}
