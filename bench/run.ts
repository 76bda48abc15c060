/**
 * `npm run bench`: every speed figure of the project, measured in one run on this
 * machine, with the ratios the issues set as goals. Run after `npm run build`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBlueprint } from './generate';
import { measureCore } from './core';
import { printDiff } from './diff';
import { measureProcesses } from './cli';
import { runBench as runEditorBench } from './editor';
import { runBench as runPreviewBench } from './preview';
import { printWebBundleSize } from './web';
import { hostileMemoryChild, hostileTimesChild, runHostileBench, runHostileMemoryBench } from './hostile';
import { runHostileCommandsBench } from './hostile-commands';
import { ms } from './stats';
import { runScaleBench } from './scale';
import { indexHostChild, runIndexHostBench } from './index-host';

const EDIT_BUDGET_MS = 16;
const PROCESS_RATIO_GOAL = 0.6;

async function main(): Promise<void> {
  // `npm run bench -- hostile`: only the worst-case table.
  const child = process.argv.indexOf('hostile-memory-child');
  if (child >= 0) {
    hostileMemoryChild(process.argv[child + 1], Number(process.argv[child + 2]));
    return;
  }
  if (process.argv.includes('hostile-times-child')) {
    hostileTimesChild();
    return;
  }
  for (const [entry, mode] of [['index-host-child', 'index'], ['index-host-cache-child', 'cache']] as const) {
    const at = process.argv.indexOf(entry);
    if (at >= 0) {
      await indexHostChild(mode, process.argv[at + 1], process.argv[at + 2], process.argv[at + 3], process.argv[at + 4]);
      return;
    }
  }
  // `npm run bench -- editor-scale`: only the extension's pipeline on many files.
  if (process.argv.includes('editor-scale')) {
    runIndexHostBench();
    return;
  }
  // `npm run bench -- hostile-commands`: diff, coverage and the other render views on hostile input.
  if (process.argv.includes('hostile-commands')) {
    runHostileCommandsBench();
    return;
  }
  if (process.argv.includes('hostile')) {
    runHostileBench();
    console.log('');
    runHostileMemoryBench();
    return;
  }
  // `npm run bench -- scale`: only the many-files table (`-- preview`: only the preview's, below).
  if (process.argv.includes('scale')) {
    await runScaleBench();
    return;
  }
  // Outside the repository: each tool sees one standalone file, not this project's
  // configuration or other blueprints.
  const folder = mkdtempSync(join(tmpdir(), 'blueprint-bench-'));
  const files: Record<number, string> = {};
  for (const steps of [125, 1000]) {
    // Each file in its own folder: the CLI also reads a checked file's neighbours.
    mkdirSync(join(folder, String(steps)), { recursive: true });
    const file = join(folder, String(steps), `generated-${steps}.blueprint.md`);
    writeFileSync(file, generateBlueprint(steps));
    files[steps] = file;
  }
  // `npm run bench -- diff`: only the semantic diff's figures.
  if (process.argv.includes('diff')) {
    printDiff(readFileSync(files[1000], 'utf8'));
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  // `npm run bench -- preview`: only the preview's figures.
  if (process.argv.includes('preview')) {
    console.log(`Preview (Chromium: model change to painted DOM; load average ${loadavg().map((n) => n.toFixed(2)).join(', ')})\n`);
    await runPreviewBench(files);
    rmSync(folder, { recursive: true, force: true });
    return;
  }

  console.log('Core (median times; one-line edit = a character typed on a random journey line)\n');
  console.log('| steps | lines | remark parse | full check | edit: parse | edit: parse + check | parse / edit | newline: parse + check |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  let edit1000 = 0;
  for (const steps of [125, 1000]) {
    const text = readFileSync(files[steps], 'utf8');
    const figures = measureCore(text, steps);
    if (steps === 1000) edit1000 = figures.editReanalysis;
    console.log(
      `| ${steps} | ${figures.lines} | ${ms(figures.remarkParse)} | ${ms(figures.fullCheck)} | ${ms(figures.editParse)} | ${ms(figures.editReanalysis)} | ${(figures.remarkParse / figures.editReanalysis).toFixed(0)}x | ${ms(figures.newlineReanalysis)} |`,
    );
  }
  console.log(`\nOne-line edit on 1000 steps re-analysed (parse + all rules) in ${ms(edit1000)}: ${edit1000 <= EDIT_BUDGET_MS ? 'within' : 'OVER'} the ${EDIT_BUDGET_MS} ms budget.`);

  printDiff(readFileSync(files[1000], 'utf8'));

  console.log('\nWorst cases (issue 9): hostile shapes checked and rendered, time per KB against the examples\n');
  runHostileBench();
  console.log('');
  runHostileMemoryBench();

  console.log('\nWhole process on the 1000-step file (median of 7, alternated)\n');
  const processes = measureProcesses(files[1000]);
  const ratio = processes.blueprint / processes.markdownlint;
  console.log(`blueprint check:   ${ms(processes.blueprint)}`);
  console.log(`markdownlint-cli2: ${ms(processes.markdownlint)}`);
  console.log(`ratio: ${ratio.toFixed(2)}x (goal at most ${PROCESS_RATIO_GOAL}x): ${ratio <= PROCESS_RATIO_GOAL ? 'met' : 'NOT met'}`);

  console.log('\nScale (issue 13): a whole organisation\'s blueprints\n');
  await runScaleBench();

  console.log('\nEditor (through the extension\'s own diagnostics pipeline, with a stand-in for the vscode API)\n');
  await runEditorBench(files);
  console.log(`\nPreview (Chromium: model change to painted DOM; load average ${loadavg().map((n) => n.toFixed(2)).join(', ')})\n`);
  await runPreviewBench(files);
  console.log('\nIn the browser (vscode.dev, github.dev)\n');
  printWebBundleSize();
  rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
