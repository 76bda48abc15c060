/**
 * The GitHub Action (`action.yml`): checks the blueprints, annotates the findings (10 per
 * severity and a notice for the rest), writes the job summary (findings, the diff
 * against `base` when there is one, and the coverage of personas across each journey), a Markdown report for a sticky PR comment, SARIF on
 * request, and the outputs `report`, `errors` and `warnings`. Exits 1 on errors (or more
 * warnings than `max-warnings`). `main.ts` is the entry the bundle `action/index.js` runs.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countBySeverity } from '../cli/check/findings';
import { parseCheckArgs } from '../cli/check/options';
import { checkReport, exitCodeFor } from '../cli/check/run';
import { formatMarkdown } from '../cli/format/markdown';
import { formatSarif } from '../cli/format/sarif';
import type { CliIo } from '../cli/io';
import { codeSpanText, markdownText, type BlueprintConfig } from '../core';
import { compareGit } from '../cli/diff/compare';
import { formatDiffMarkdown } from '../cli/diff/format-markdown';
import { GitError, repositoryRoot, resolveRef } from '../cli/diff/git';
import { collectCoverage, coverageSummary } from '../cli/coverage/run';
import { annotations, workflowCommand } from './annotations';
import { readInputs } from './inputs';

/** A pull request's base branch is usually only on the remote (`origin/main`) after checkout. */
async function baseRef(cwd: string, base: string): Promise<string> {
  const root = await repositoryRoot(cwd);
  for (const candidate of [`origin/${base}`, base]) {
    try {
      await resolveRef(root, candidate);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  throw new GitError(`Unknown git ref '${base}' (fetch it: actions/checkout with fetch-depth: 0).`);
}

async function diffSection(io: CliIo, base: string, paths: readonly string[], result: { config: BlueprintConfig; configRoot: string }): Promise<string> {
  try {
    const ref = await baseRef(io.cwd, base);
    const comparison = await compareGit({ base: ref, inputs: paths, config: result.config, configRoot: result.configRoot, cwd: io.cwd });
    // Files of either version that could not be read (a blob over 10 MB, a link, a name that is not UTF-8) are not compared: say so.
    for (const problem of comparison.problems) io.stdout(workflowCommand('warning', `blueprint diff: ${problem.file}: ${problem.message}`));
    return formatDiffMarkdown(comparison, result.config.locale ?? 'en', 30_000);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    io.stdout(workflowCommand('warning', `blueprint diff against ${base} skipped: ${error.message}`));
    return `## Blueprint changes\n\nNot compared with \`${codeSpanText(base)}\`: ${markdownText(error.message)}\n`;
  }
}

export async function runAction(io: CliIo): Promise<number> {
  const inputs = readInputs(io.env);
  if ('error' in inputs) {
    io.stdout(workflowCommand('error', inputs.error));
    return 2;
  }
  const parsed = parseCheckArgs(inputs.paths);
  if (!parsed.ok) {
    io.stdout(workflowCommand('error', parsed.error));
    return 2;
  }
  const result = await checkReport(parsed.options, io);
  if ('error' in result) {
    io.stdout(workflowCommand('error', result.error));
    return 2;
  }
  const { report } = result;
  for (const problem of report.inputProblems) io.stdout(workflowCommand('error', `${problem.file}: ${problem.message}`));
  io.stdout(annotations(report.findings));

  let markdown = formatMarkdown(report);
  if (inputs.base) markdown += `\n${await diffSection(io, inputs.base, inputs.paths, result)}`;
  // Who the journeys serve, heard and tested: the picture behind single findings.
  const coverage = coverageSummary((await collectCoverage(inputs.paths, io)).results);
  if (coverage) markdown += `\n${coverage}`;
  const reportFile = path.join(io.env.RUNNER_TEMP ?? io.cwd, 'blueprint-report.md');
  await writeFile(reportFile, markdown, 'utf8');
  if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
  if (inputs.sarifFile) await writeFile(path.resolve(io.cwd, inputs.sarifFile), formatSarif(report, { cwd: io.cwd, config: result.config }), 'utf8');

  const counts = countBySeverity(report.findings);
  if (io.env.GITHUB_OUTPUT) {
    await appendFile(io.env.GITHUB_OUTPUT, `report=${reportFile}\nerrors=${counts.error}\nwarnings=${counts.warning}\n`, 'utf8');
  }
  io.stdout(`${counts.error} errors, ${counts.warning} warnings in ${report.files.length} blueprint files.\n`);
  if (report.inputProblems.length > 0) return 2;
  return exitCodeFor(report.findings, inputs.maxWarnings);
}
