/**
 * Issue 9, `blueprint coverage` on hostile sizes: the table is personas × stages, so a
 * 25 KB file of 1,000 personas and 1,000 stages would be a million cells (42 MB of JSON;
 * 2,000 × 2,000, 173 MB and 1.2 GB of memory). The table holds at most
 * `MAX_COVERAGE_CELLS` cells and says how many personas it left out. Sizes and counts
 * here; the times are in `npm run bench -- hostile-commands`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COVERAGE_CELLS, type CoverageJson } from '../../../src/core';
import { spawn } from 'node:child_process';
import { CLI, makeProject, requireBuiltCli, runCli } from './helpers';

const head = '---\nblueprint: Many\nlang: en\n---\n\n# Many\n\n## Personas\n\n';
const grid = (personas: number, stages: number): string =>
  head + Array.from({ length: personas }, (_, i) => `### P${i}\n`).join('') + '\n## Journey\n\n' +
  Array.from({ length: stages }, (_, i) => `### Stage: S${i}\n#### Step: T${i}\n- persona: @p${i % personas}\n- customer: c\n`).join('');
/** Stages that all have one name: their ids are numbered as GitHub numbers repeated anchors. */
const sameName = (stages: number): string =>
  `${head}### Maria\n\n## Journey\n\n` + Array.from({ length: stages }, (_, i) => `### Stage: Same\n#### Step: T${i}\n- persona: @maria\n`).join('');

const project = makeProject({
  'grid/many.blueprint.md': grid(1000, 1000),
  'same/same.blueprint.md': sameName(3000),
});
const cwd = project.dir;

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('blueprint coverage on hostile sizes', { timeout: 120_000 }, () => {
  it('1,000 personas by 1,000 stages: at most MAX_COVERAGE_CELLS cells, and the personas left out are counted', async () => {
    const json = await runCli(['coverage', 'grid', '--format', 'json'], { cwd });
    expect(json.status).toBe(0);
    const [file] = JSON.parse(json.stdout) as CoverageJson[];
    const rows = Math.floor(MAX_COVERAGE_CELLS / 1000);
    expect(file?.stages).toHaveLength(1000);
    expect(file?.personas).toHaveLength(rows);
    expect(file?.omittedPersonas).toBe(1000 - rows);
    expect(json.stdout.length).toBeLessThan(6_000_000);
    for (const format of ['markdown', 'stylish']) {
      const run = await runCli(['coverage', 'grid', '--format', format], { cwd });
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeLessThan(1_500_000);
      expect(run.stdout).toContain(`${1000 - rows} more personas are not shown: the table holds at most 100,000 cells.`);
    }
  });

  it('3,000 stages of one name get ids numbered in order', async () => {
    const run = await runCli(['coverage', 'same', '--format', 'json'], { cwd });
    const [file] = JSON.parse(run.stdout) as CoverageJson[];
    const ids = file?.stages.map((stage) => stage.id) ?? [];
    expect(ids.slice(0, 3)).toEqual(['same', 'same-1', 'same-2']);
    expect(ids.at(-1)).toBe('same-2999');
    expect(new Set(ids).size).toBe(3000);
    expect(file?.omittedPersonas).toBeUndefined();
  });

  it('a reader that stops early (`| head`) ends the run quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'coverage', 'grid', '--format', 'json'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

