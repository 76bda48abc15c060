/** Options of `blueprint coverage`, read with Node's `util.parseArgs`. */
import { parseArgs } from 'node:util';
import { argumentError } from '../arguments';

export const COVERAGE_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export interface CoverageOptions {
  /** Files, folders or globs; empty means the blueprint files under the current folder. */
  inputs: string[];
  format: CoverageFormat;
  config?: string;
  outputFile?: string;
  color?: boolean;
  help: boolean;
}

export const COVERAGE_USAGE = `Usage: blueprint coverage [options] [files, folders or globs...]

Show which personas each stage of the journey serves: per persona the steps per stage
(own or inherited persona), whether it is vulnerable, heard and tested; per stage the
steps, the steps without persona and what they rest on (basis: heard, assumed, proposed).

Without arguments, covers the blueprint files under the current folder. Files without a
journey (shared personas files) are left out; their personas show in the blueprints
that use them.

Options:
  -f, --format <name>      stylish (default), json or markdown
  -c, --config <file>      use this configuration instead of the nearest blueprint.config.json
  -o, --output-file <file> write to a file instead of standard output
      --color, --no-color  force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)
  -h, --help               show this help

Exit codes:
  0  the coverage was written
  2  bad usage, or a file or folder that cannot be read (the others are still covered)

Examples:
  blueprint coverage examples
  blueprint coverage journey.blueprint.md --format json
  blueprint coverage --format markdown >> "$GITHUB_STEP_SUMMARY"
`;

export type ParsedCoverageArgs = { ok: true; options: CoverageOptions } | { ok: false; error: string };

export function parseCoverageArgs(args: readonly string[]): ParsedCoverageArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'output-file': { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, error: argumentError(error) };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, error: `Unknown format '${format}'. Use one of: ${COVERAGE_FORMATS.join(', ')}.` };
  }
  return {
    ok: true,
    options: {
      inputs: positionals,
      format: format as CoverageFormat,
      config: values.config,
      outputFile: values['output-file'],
      color: values['no-color'] ? false : values.color,
      help: values.help === true,
    },
  };
}
