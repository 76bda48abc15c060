/**
 * One wording for every command's argument errors. `parseArgs` (node:util) writes its own:
 * several lines for a value that starts with a dash, a hint about positionals after an
 * unknown option, a final period on some and not on others, and an option's usage form
 * (`'-f, --format <value>'`) where a person wants its name. Each command prints one line.
 */
import { errorCode } from './error-code';

/** The first quoted option name in a `parseArgs` message: `'-f, --format <value>'` gives `--format`. */
function optionOf(message: string): string | undefined {
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (quoted === undefined) return undefined;
  const names = quoted.replace(/\s*<value>$/, '').split(/,\s*/);
  return names.find((name) => name.startsWith('--')) ?? names[0];
}

/** One clear line for an error that `parseArgs` threw. */
export function argumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = optionOf(message);
  if (errorCode(error) === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    // "argument is ambiguous" (the next argument starts with a dash) or "argument missing".
    const long = /'(--[^'=]+)=-XYZ'/.exec(message)?.[1] ?? option;
    return message.includes('ambiguous')
      ? `Option '${option}' needs a value; for a value that starts with a dash, write ${long}=-VALUE.`
      : `Option '${option}' needs a value.`;
  }
  return message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '').replace(/\.?$/, '.');
}
