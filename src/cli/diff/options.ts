/**
 * Options of `blueprint diff`, read with Node's `util.parseArgs`; mistakes become one
 * readable sentence for stderr.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../core';
import { argumentError } from '../arguments';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  /** Two files, or with `base` the paths to compare (default: the current folder). */
  inputs: string[];
  base?: string;
  /** A ref for the head; undefined means the working tree. */
  head?: string;
  format: DiffFormat;
  failOnNewErrors: boolean;
  outputFile?: string;
  config?: string;
  locale?: Lang;
  color?: boolean;
  help: boolean;
}

export const DIFF_USAGE = `Usage: blueprint diff OLD.blueprint.md NEW.blueprint.md [options]
       blueprint diff --base REF [--head REF] [paths...] [options]

Show what changed in the journey between two versions of a blueprint: steps added,
removed, moved and renamed, lanes, personas (own or inherited), emotions, stories,
stages, personas and stories defined, and findings new and fixed.

With --base, compares with git: the base version is read with git itself, the head is
the working tree (or --head REF); files added, removed and renamed are followed, and
"files" in blueprint.config.json says which files are blueprints.

Options:
      --base <ref>          compare against this git ref (a branch, tag or commit)
      --head <ref>          compare this git ref instead of the working tree
  -f, --format <name>       stylish (default), json, markdown or html
      --fail-on-new-errors  exit with 1 when the head has error findings the base did not have
  -o, --output-file <file>  write the report to a file instead of standard output
  -c, --config <file>       use this configuration instead of the nearest blueprint.config.json
      --locale <en|nl>      language of the report (default: configuration, else the file's)
      --color, --no-color   force colours on or off
  -h, --help                show this help

Exit codes:
  0  it ran, whether or not anything changed
  1  with --fail-on-new-errors: new error findings
  2  bad usage, a file that cannot be read, no git, not a repository, an unknown ref

Examples:
  blueprint diff as-is.blueprint.md to-be.blueprint.md
  blueprint diff --base main
  blueprint diff --base origin/main --format markdown -o blueprint-diff.md
  blueprint diff --base v1.0 --head v2.0 services --format html -o diff.html
`;

const OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'fail-on-new-errors': { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedDiffArgs = { ok: true; options: DiffOptions } | { ok: false; error: string };

export function parseDiffArgs(args: readonly string[]): ParsedDiffArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: argumentError(error) };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, error: `Unknown format '${format}'. Use one of: ${DIFF_FORMATS.join(', ')}.` };
  }
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'nl') {
    return { ok: false, error: `Unknown locale '${values.locale}'. Use en or nl.` };
  }
  if (values.head !== undefined && values.base === undefined) return { ok: false, error: '--head needs --base.' };
  if (values.base === undefined && positionals.length !== 2 && !values.help) {
    return { ok: false, error: 'Give two files (OLD NEW), or --base REF to compare with git.' };
  }
  return {
    ok: true,
    options: {
      inputs: positionals,
      base: values.base,
      head: values.head,
      format: format as DiffFormat,
      failOnNewErrors: values['fail-on-new-errors'] ?? false,
      outputFile: values['output-file'],
      config: values.config,
      locale: values.locale as Lang | undefined,
      color: values.color ? true : values['no-color'] ? false : undefined,
      help: values.help ?? false,
    },
  };
}
