/**
 * `blueprint coverage`: load the files with their personas files into one workspace and
 * print each blueprint's coverage of personas across its stages.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { buildCoverage, coverageToJson, coverageToMarkdown, createBlueprintService, filesFor, type Coverage } from '../../core';
import { describeFsError, findProjectRoot, loadConfig } from '../check/config-file';
import { selectContext, selectFiles } from '../check/files';
import { describeProblem, NodeFileHost, readFileText } from '../check/node-host';
import { projectRoots } from '../check/run';
import { terminalLine } from '../format/safe-text';
import { displayPath } from '../check/run';
import { painter, useColor } from '../format/colors';
import { ExitCode, type CliIo } from '../io';
import { COVERAGE_USAGE, parseCoverageArgs, type CoverageOptions } from './options';
import { formatCoverageStylish } from './stylish';

export interface FileCoverage {
  /** Path as shown: relative to the current folder. */
  file: string;
  coverage: Coverage;
}

export interface CollectedCoverage {
  results: FileCoverage[];
  /** Readable problems (configuration, unreadable inputs), without a prefix. */
  problems: string[];
  /** True when an input could not be read. */
  failed: boolean;
}

/**
 * The coverage of the blueprints that `inputs` select (as `check` selects them), loaded with
 * their personas files and the project's other blueprints. Files without a journey are left out.
 * Shared by `blueprint coverage` and the GitHub Action's job summary.
 */
export async function collectCoverage(inputs: readonly string[], io: CliIo, configFile?: string): Promise<CollectedCoverage> {
  const loaded = await loadConfig(io.cwd, configFile);
  const problems = [...loaded.problems];
  const select = { cwd: io.cwd, root: loaded.root, patterns: filesFor(loaded.config) };
  const selection = await selectFiles(inputs, select);
  // Personas files and the project's other blueprints are context, as for `check`.
  const context = await selectContext(selection.files, loaded.file !== undefined ? loaded.root : await findProjectRoot(io.cwd), select);
  let failed = selection.problems.length > 0;
  for (const problem of selection.problems) problems.push(`${problem.file}: ${problem.message}`);

  // Files blueprints name are read only inside the project, as for `check`.
  const roots = projectRoots((loaded.file !== undefined ? loaded.root : await findProjectRoot(io.cwd)) ?? io.cwd, selection.files);
  const workspace = createBlueprintService(new NodeFileHost(roots), { config: loaded.config, roots: roots.map((root) => URI.file(root).toString()) });
  for (const file of context) {
    const result = await readFileText(file);
    if ('text' in result && result.invalidUtf8At === undefined) workspace.setText(URI.file(file).toString(), result.text);
  }
  const chosen: Array<{ uri: string; file: string }> = [];
  for (const file of selection.files) {
    const result = await readFileText(file);
    if ('problem' in result) {
      problems.push(`${terminalLine(displayPath(io.cwd, file))}: ${describeProblem(result.problem)}`);
      failed = true;
      continue;
    }
    const uri = URI.file(file).toString();
    workspace.setText(uri, result.text);
    chosen.push({ uri, file: displayPath(io.cwd, file) });
  }
  await workspace.loadDependencies();
  const results: FileCoverage[] = [];
  for (const { uri, file } of chosen) {
    const doc = workspace.get(uri);
    if (!doc || (doc.steps.length === 0 && doc.stages.length === 0)) continue;
    results.push({ file, coverage: buildCoverage({ doc, index: workspace.index }) });
  }

  return { results, problems, failed };
}

/**
 * The coverage section of a job summary: a heading, then one table per blueprint, as many
 * as fit in `maxChars` (GitHub keeps 1 MiB of summary per step, shared with the findings).
 */
export function coverageSummary(results: readonly FileCoverage[], maxChars = 200_000): string {
  if (results.length === 0) return '';
  const out = ['## Blueprint coverage', ''];
  let size = 0;
  for (const [i, result] of results.entries()) {
    const table = coverageToMarkdown(result.coverage, result.file, 3);
    if (size + table.length > maxChars) {
      out.push(`… and ${results.length - i} more ${results.length - i === 1 ? 'blueprint' : 'blueprints'}: run \`blueprint coverage\` for all.`, '');
      break;
    }
    out.push(table);
    size += table.length;
  }
  return out.join('\n');
}

function format(results: readonly FileCoverage[], options: CoverageOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(results.map((r) => coverageToJson(r.coverage, r.file)), null, 2) + '\n';
    case 'markdown':
      return results.map((r) => coverageToMarkdown(r.coverage, r.file)).join('\n');
    case 'stylish': {
      const paint = painter(useColor(options.color, io.env, options.outputFile === undefined && io.stdoutIsTTY));
      return results.length === 0 ? 'No blueprint with a journey was found.\n' : results.map((r) => formatCoverageStylish(r.coverage, r.file, paint)).join('');
    }
  }
}

/** Run `blueprint coverage`; resolves to the exit code. */
export async function runCoverage(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCoverageArgs(args);
  if (!parsed.ok) {
    io.stderr(`blueprint coverage: ${parsed.error}\nRun 'blueprint coverage --help' for usage.\n`);
    return ExitCode.usageOrInput;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout(COVERAGE_USAGE);
    return ExitCode.ok;
  }
  const collected = await collectCoverage(options.inputs, io, options.config);
  for (const problem of collected.problems) io.stderr(`blueprint coverage: ${problem}\n`);
  const results = collected.results;
  const failed = collected.failed;

  const output = format(results, options, io);
  if (options.outputFile !== undefined) {
    try {
      await writeFile(path.resolve(io.cwd, options.outputFile), output, 'utf8');
    } catch (error) {
      io.stderr(`blueprint coverage: cannot write ${options.outputFile}: ${describeFsError(error)}\n`);
      return ExitCode.usageOrInput;
    }
  } else {
    io.stdout(output);
  }
  return failed ? ExitCode.usageOrInput : ExitCode.ok;
}
