/**
 * `blueprint check`: select files, load them into one workspace with their dependencies,
 * collect the diagnostics of the files asked for, print them, and choose the exit code.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createBlueprintService, filesFor, formatMessage, LineIndex, type BlueprintConfig, type BlueprintService, type Lang } from '../../core';
import { ExitCode, type CliIo } from '../io';
import { isAnInput } from '../output-target';
import { VERSION } from '../project';
import { painter, useColor } from '../format/colors';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatMarkdown } from '../format/markdown';
import { formatSarif } from '../format/sarif';
import { formatStylish } from '../format/stylish';
import { terminalLine } from '../format/safe-text';
import { describeFsError, findProjectRoot, loadConfig } from './config-file';
import { selectContext, selectFiles } from './files';
import { countBySeverity, toFinding, type CheckReport, type Finding, type InputProblem } from './findings';
import { describeProblem, NodeFileHost, readFileText } from './node-host';
import { onlyNewFindings } from './base';
import { CHECK_USAGE, parseCheckArgs, type CheckOptions } from './options';

/** Path as shown to people and tools: relative to the current folder, forward slashes. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}

/** The finding for a checked file that is not UTF-8: at the first invalid byte, in the file's language. */
function notUtf8Finding(file: string, text: string, offset: number, locale: Lang): Finding {
  const { line, character } = new LineIndex(text).positionAt(offset);
  const range = { start: { line, character }, end: { line, character: character + 1 } };
  return toFinding(file, { uri: '', range, rule: 'parse', severity: 'error', message: formatMessage(locale, 'parse.notUtf8') });
}

/** Reads files a few at a time and hands each result over in order: memory holds a few texts, not all. */
async function inBatches<T>(files: readonly string[], read: (file: string) => Promise<T>, use: (file: string, result: T) => void, size = 16): Promise<void> {
  for (let start = 0; start < files.length; start += size) {
    const batch = files.slice(start, start + size);
    const results = await Promise.all(batch.map(read));
    batch.forEach((file, i) => use(file, results[i]));
  }
}

/**
 * Load the files and collect their findings; dependencies are loaded but not reported.
 * Memory stays flat as the repository grows (issue 13): each file is parsed, checked with
 * what is loaded so far and kept only as a compact document (ids with their ranges,
 * references out, `personas:` files). Its rules' cross-file questions are recorded; once
 * every file is loaded they are asked again, and a file with a different answer is parsed
 * and checked once more. The findings are those of a workspace of full models
 * (test/unit/parse/workspace-compact.properties.test.ts, test/unit/cli/generated-repository.test.ts).
 */
async function analyse(files: readonly string[], context: readonly string[], config: BlueprintConfig, cwd: string, roots: readonly string[]): Promise<CheckReport> {
  const service = createBlueprintService(new NodeFileHost(roots), { config, roots: roots.map((root) => URI.file(root).toString()), leanCompact: true });
  type Checked = { uri: string; path: string; file: string; findings: Finding[]; calls: ReturnType<BlueprintService['recordedDiagnostics']>['calls'] };
  const checked: Checked[] = [];
  const inputProblems: InputProblem[] = [];
  const check = (uri: string, file: string, text: string, invalidUtf8At: number | undefined, recorded: boolean): Pick<Checked, 'findings' | 'calls'> => {
    const lang = service.setText(uri, text).lang;
    const findings: Finding[] = [];
    if (invalidUtf8At !== undefined) findings.push(notUtf8Finding(file, text, invalidUtf8At, config.locale ?? lang));
    const { diagnostics, calls } = recorded ? service.recordedDiagnostics(uri) : { diagnostics: service.diagnostics(uri), calls: new Map() };
    for (const diagnostic of diagnostics) {
      // A rule may point into another file; name that file rather than the one checked.
      const where = diagnostic.uri && diagnostic.uri !== uri ? displayPath(cwd, URI.parse(diagnostic.uri).fsPath) : file;
      findings.push(toFinding(where, diagnostic));
    }
    service.release(uri);
    return { findings, calls };
  };
  await inBatches(context, readFileText, (file, result) => {
    // Context is read quietly: a context file that cannot be read (or is not UTF-8) is left out.
    if ('text' in result && result.invalidUtf8At === undefined) service.setCompactText(URI.file(file).toString(), result.text);
  });
  await inBatches(files, readFileText, (file, result) => {
    const shown = displayPath(cwd, file);
    if ('problem' in result) {
      // Node reads a file name that is not UTF-8 with U+FFFD in it, and cannot open it by that name.
      const badName = result.problem === 'missing' && file.includes('\uFFFD');
      inputProblems.push({ file: shown, message: badName ? 'the file name is not valid UTF-8 (shown with \uFFFD); rename the file to check it' : describeProblem(result.problem) });
      return;
    }
    const uri = URI.file(file).toString();
    checked.push({ uri, path: file, file: shown, ...check(uri, shown, result.text, result.invalidUtf8At, true) });
  });
  await service.loadDependencies({ compact: true });

  // Files whose rules would now get another answer are checked again (read again from disk).
  const findings: Finding[] = [];
  for (const entry of checked) {
    if (!service.answersStand(entry.calls)) {
      const result = await readFileText(entry.path);
      if ('problem' in result) inputProblems.push({ file: entry.file, message: describeProblem(result.problem) });
      else entry.findings = check(entry.uri, entry.file, result.text, result.invalidUtf8At, false).findings;
    }
    findings.push(...entry.findings);
    entry.calls.clear();
  }
  return { files: checked.map((c) => c.file), findings, inputProblems };
}

function render(report: CheckReport, options: CheckOptions, io: CliIo, config: BlueprintConfig): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { cwd: io.cwd, config });
    case 'github':
      return formatGithub(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'stylish': {
      // A report written to a file never gets colour codes unless forced.
      const colour = useColor(options.color, io.env, options.outputFile === undefined && io.stdoutIsTTY);
      return formatStylish(report, painter(colour));
    }
  }
}

/**
 * The folders whose files checked blueprints may read: the project (the configuration's
 * folder, else the Git repository, else the current folder) and, for a file named
 * outside it, that file's own folder.
 */
export function projectRoots(root: string, files: readonly string[]): string[] {
  const outside = files.map((file) => path.dirname(file)).filter((folder) => {
    const relative = path.relative(root, folder);
    return relative.startsWith('..') || path.isAbsolute(relative);
  });
  return [root, ...new Set(outside)];
}

/** Exit code from the findings: errors, or too many warnings, fail the run. */
export function exitCodeFor(findings: readonly Finding[], maxWarnings: number | undefined): ExitCode {
  const counts = countBySeverity(findings);
  if (counts.error > 0) return ExitCode.findings;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return ExitCode.findings;
  return ExitCode.ok;
}

/** What a check found, with the configuration it used; shared with the GitHub Action. */
export interface CheckResult {
  report: CheckReport;
  config: BlueprintConfig;
  /** The configuration's folder (the `files` globs are relative to it). */
  configRoot: string;
}

/** Selects the files, checks them and (with `--base`) keeps only new findings; a git problem is returned. */
export async function checkReport(options: CheckOptions, io: CliIo): Promise<CheckResult | { error: string }> {
  const loaded = await loadConfig(io.cwd, options.config);
  const config: BlueprintConfig = options.locale ? { ...loaded.config, locale: options.locale } : loaded.config;
  const configName = loaded.file ? displayPath(io.cwd, loaded.file) : 'configuration';
  const configProblems: InputProblem[] = loaded.problems.map((message) => ({ file: configName, message }));

  const patterns = filesFor(config);
  const selection = await selectFiles(options.inputs, { cwd: io.cwd, root: loaded.root, patterns: patterns });
  const projectRoot = loaded.file !== undefined ? loaded.root : await findProjectRoot(io.cwd);
  const context =
    options.inputs.length === 0 && projectRoot === io.cwd
      ? [] // the selection already is every blueprint file of the project
      : await selectContext(selection.files, projectRoot, { cwd: io.cwd, root: loaded.root, patterns: patterns });
  if (options.outputFile !== undefined) {
    const inputs = [...selection.files, ...context, ...(loaded.file ? [loaded.file] : [])];
    if (await isAnInput(path.resolve(io.cwd, options.outputFile), inputs)) {
      return { error: `refusing to write the report over ${options.outputFile}: it is one of the files being checked.` };
    }
  }
  let report = await analyse(selection.files, context, config, io.cwd, projectRoots(projectRoot ?? io.cwd, selection.files));
  if (options.base !== undefined) {
    const filtered = await onlyNewFindings(report, { base: options.base, inputs: options.inputs, config, configRoot: loaded.root, cwd: io.cwd, projectRoot: projectRoot ?? io.cwd });
    if ('error' in filtered) return filtered;
    report = filtered;
  }
  report.inputProblems = [...configProblems, ...selection.problems, ...report.inputProblems];
  return { report, config, configRoot: loaded.root };
}

/** Run `blueprint check` with the arguments after `check`; resolves to the exit code. */
export async function runCheck(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCheckArgs(args);
  if (!parsed.ok) {
    io.stderr(`blueprint check: ${parsed.error}\nRun 'blueprint check --help' for usage.\n`);
    return ExitCode.usageOrInput;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout(CHECK_USAGE);
    return ExitCode.ok;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }

  const checked = await checkReport(options, io);
  if ('error' in checked) {
    io.stderr(`blueprint check: ${checked.error}\n`);
    return ExitCode.usageOrInput;
  }
  const { report, config } = checked;

  // Usage and input problems go to stderr so stdout stays a clean report for tools.
  for (const problem of report.inputProblems) io.stderr(`blueprint check: ${terminalLine(problem.file)}: ${terminalLine(problem.message)}\n`);

  const shown: CheckReport = options.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report;
  const output = render(shown, options, io, config);
  if (options.outputFile !== undefined) {
    try {
      await writeFile(path.resolve(io.cwd, options.outputFile), output, 'utf8');
    } catch (error) {
      io.stderr(`blueprint check: cannot write ${options.outputFile}: ${describeFsError(error)}\n`);
      return ExitCode.usageOrInput;
    }
  } else {
    io.stdout(output);
  }

  // In GitHub Actions the annotations go with a readable overview on the run's summary page.
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) {
    try {
      await appendFile(summaryFile, formatMarkdown(shown), 'utf8');
    } catch (error) {
      io.stderr(`blueprint check: cannot write the job summary ${summaryFile}: ${describeFsError(error)}\n`);
    }
  }

  if (report.inputProblems.length > 0) return ExitCode.usageOrInput;
  return exitCodeFor(shown.findings, options.maxWarnings);
}
