/**
 * Options of `blueprint check`, read with Node's `util.parseArgs`. Mistakes become one
 * readable sentence for stderr, never a stack trace.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../core';
import { argumentError } from '../arguments';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  /** Files, folders or globs; empty means the blueprint files under the current folder. */
  inputs: string[];
  format: Format;
  /** Fail when there are more warnings than this; undefined means no limit. */
  maxWarnings?: number;
  /** `--config`: a configuration file instead of the nearest `blueprint.config.json`. */
  config?: string;
  /** Report errors only (warnings are then not counted for `--max-warnings`). */
  quiet: boolean;
  /** Write the report to this file instead of stdout. */
  outputFile?: string;
  /** Language of the findings, overriding the configuration. */
  locale?: Lang;
  /** Colours: forced on/off by `--color`/`--no-color`, else decided from the terminal. */
  color?: boolean;
  /** `--base REF`: report only the findings that are new since this git ref. */
  base?: string;
  help: boolean;
  version: boolean;
}

export type ParsedCheckArgs = { ok: true; options: CheckOptions } | { ok: false; error: string };

export const CHECK_USAGE = `Usage: blueprint check [options] [files, folders or globs...]

Check service blueprints and report the findings of the rules.

Without arguments, checks the blueprint files under the current folder: those matching
"files" in blueprint.config.json (default **/*.blueprint.md), skipping node_modules and .git.
A folder checks the blueprint files inside it; a file named explicitly is always checked.

Options:
  -f, --format <name>      stylish (default), json, sarif, github or markdown
                           (github also writes a job summary in GitHub Actions)
      --max-warnings <n>   exit with 1 when there are more than n warnings
  -c, --config <file>      use this configuration instead of the nearest blueprint.config.json
  -q, --quiet              report errors only
  -o, --output-file <file> write the report to a file instead of standard output
      --locale <en|nl>     language of the messages (default: configuration, else each file's)
      --color, --no-color  force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)
      --base <ref>         report only findings that are new since this git ref (matched by
                           rule and item, not line); the summary counts those left out
  -h, --help               show this help
  -v, --version            show the version

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  bad usage, an invalid configuration, or a file or folder that cannot be read
     (the other files are still checked and reported)

Examples:
  blueprint check
  blueprint check examples
  blueprint check "docs/**/*.blueprint.md" --max-warnings 0
  blueprint check --format github
  blueprint check --format sarif --output-file blueprint.sarif
  blueprint check --format markdown --output-file report.md
  blueprint check --base origin/main
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  quiet: { type: 'boolean', short: 'q' },
  'output-file': { type: 'string', short: 'o' },
  locale: { type: 'string' },
  base: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

/**
 * `parseArgs` refuses a value that starts with a dash ("argument is ambiguous"), so
 * `--max-warnings -1` would fail; join such a number to its option as `--max-warnings=-1`.
 */
function joinNegativeNumbers(args: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--max-warnings' && i + 1 < args.length && /^-\d+$/.test(args[i + 1])) {
      result.push(`--max-warnings=${args[++i]}`);
    } else {
      result.push(args[i]);
    }
  }
  return result;
}

/** Read the arguments after `check`. */
export function parseCheckArgs(args: readonly string[]): ParsedCheckArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(args), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: argumentError(error) };
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  if (!isFormat(format)) {
    return { ok: false, error: `Unknown format '${format}'. Use one of: ${FORMATS.join(', ')}.` };
  }

  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    // -1 means "no limit", as in ESLint, so scripts can pass a variable through.
    if (!/^(?:\d+|-1)$/.test(rawMax.trim())) {
      return { ok: false, error: `--max-warnings needs a whole number of 0 or more (or -1 for no limit), not '${rawMax}'.` };
    }
    const n = Number(rawMax.trim());
    maxWarnings = n < 0 ? undefined : n;
  }

  const locale = values.locale;
  if (locale !== undefined && locale !== 'en' && locale !== 'nl') {
    return { ok: false, error: `Unknown locale '${locale}'. Use en or nl.` };
  }
  if (values.color && values['no-color']) {
    return { ok: false, error: 'Use either --color or --no-color, not both.' };
  }

  return {
    ok: true,
    options: {
      inputs: positionals,
      format,
      maxWarnings,
      config: values.config,
      quiet: values.quiet ?? false,
      outputFile: values['output-file'],
      locale,
      color: values.color ? true : values['no-color'] ? false : undefined,
      base: values.base,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}
