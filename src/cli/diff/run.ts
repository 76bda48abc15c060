/**
 * `blueprint diff`: two files, or a git ref against the working tree or another ref; the
 * report in one of four formats; exit 0 when it ran (1 with --fail-on-new-errors and new
 * error findings, 2 for bad usage or input).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDiffPage, type BlueprintConfig, type Lang } from '../../core';
import { ExitCode, type CliIo } from '../io';
import { painter, useColor } from '../format/colors';
import { terminalLine } from '../format/safe-text';
import { describeFsError, findProjectRoot, loadConfig } from '../check/config-file';
import { displayPath } from '../check/run';
import { compareFiles, compareGit, type Comparison } from './compare';
import { formatDiffMarkdown } from './format-markdown';
import { formatDiffStylish } from './format-stylish';
import { GitError } from './git';
import { DIFF_USAGE, parseDiffArgs, type DiffOptions } from './options';

/** The configured language, else the files' own when they all share one, else English. */
function localeOf(comparison: Comparison, config: BlueprintConfig): Lang {
  if (config.locale) return config.locale;
  const langs = new Set(comparison.compared.map((file) => (file.head ?? file.base)?.doc.lang ?? 'en'));
  return langs.size === 1 ? [...langs][0] as Lang : 'en';
}

/** The html format: one page per file; several files are one page each, joined. */
function formatHtml(comparison: Comparison, locale: Lang): string {
  const pages = comparison.compared.flatMap((file) => (file.head ? [renderDiffPage({
    render: { doc: file.head.doc, diagnostics: file.head.diagnostics, index: file.head.index },
    changes: file.diff.changes,
    attention: file.diff.attention,
    locale,
    versions: `${comparison.report.base} → ${comparison.report.head}: ${file.diff.file}`,
  })] : []));
  return pages.join('\n');
}

function render(comparison: Comparison, options: DiffOptions, io: CliIo, locale: Lang): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(comparison.report, null, 2)}\n`;
    case 'markdown':
      return formatDiffMarkdown(comparison, locale);
    case 'html':
      return formatHtml(comparison, locale);
    case 'stylish':
      return formatDiffStylish(comparison, locale, painter(useColor(options.color, io.env, options.outputFile === undefined && io.stdoutIsTTY)));
  }
}

/** Runs the comparison the options ask for; a git or file problem becomes a message. */
export async function compareFor(options: Pick<DiffOptions, 'inputs' | 'base' | 'head'>, config: BlueprintConfig, configRoot: string, cwd: string, projectRoot: string): Promise<Comparison | { error: string }> {
  try {
    if (options.base !== undefined) {
      return await compareGit({ base: options.base, head: options.head, inputs: options.inputs, config, configRoot, cwd, projectRoot });
    }
    const [oldFile, newFile] = options.inputs as [string, string];
    for (const file of [oldFile, newFile]) {
      try {
        await import('node:fs/promises').then((fs) => fs.access(path.resolve(cwd, file)));
      } catch (error) {
        return { error: `${file}: ${describeFsError(error)}` };
      }
    }
    return await compareFiles(oldFile, newFile, config, cwd, projectRoot);
  } catch (error) {
    if (error instanceof GitError) return { error: error.message };
    throw error;
  }
}

export async function runDiff(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseDiffArgs(args);
  if (!parsed.ok) {
    io.stderr(`blueprint diff: ${parsed.error}\nRun 'blueprint diff --help' for usage.\n`);
    return ExitCode.usageOrInput;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout(DIFF_USAGE);
    return ExitCode.ok;
  }
  const loaded = await loadConfig(io.cwd, options.config);
  const config: BlueprintConfig = options.locale ? { ...loaded.config, locale: options.locale } : loaded.config;
  for (const problem of loaded.problems) io.stderr(`blueprint diff: ${loaded.file ? displayPath(io.cwd, loaded.file) : 'configuration'}: ${problem}\n`);
  const projectRoot = loaded.file !== undefined ? loaded.root : (await findProjectRoot(io.cwd)) ?? io.cwd;
  const comparison = await compareFor(options, config, loaded.root, io.cwd, projectRoot);
  if ('error' in comparison) {
    io.stderr(`blueprint diff: ${comparison.error}\n`);
    return ExitCode.usageOrInput;
  }
  const output = render(comparison, options, io, localeOf(comparison, config));
  if (options.outputFile !== undefined) {
    try {
      await writeFile(path.resolve(io.cwd, options.outputFile), output, 'utf8');
    } catch (error) {
      io.stderr(`blueprint diff: cannot write ${options.outputFile}: ${describeFsError(error)}\n`);
      return ExitCode.usageOrInput;
    }
  } else {
    io.stdout(output);
  }
  // Files that could not be read are named after the report, and make the exit code 2.
  for (const problem of comparison.problems) io.stderr(`blueprint diff: ${terminalLine(problem.file)}: ${problem.message}\n`);
  if (comparison.problems.length > 0) return ExitCode.usageOrInput;
  const newErrors = comparison.report.files.some((file) => file.changes.some((c) => c.kind === 'finding-new' && c.severity === 'error'));
  return options.failOnNewErrors && newErrors ? ExitCode.findings : ExitCode.ok;
}
