/**
 * The `blueprint` command: picks the subcommand and hands it the rest of the arguments.
 * Every path returns an exit code instead of calling `process.exit`, so output is flushed.
 */
import { ExitCode, type CliIo } from './io';
import { VERSION } from './project';
import { runCheck } from './check/run';
import { FORMATS } from './check/options';
import { runRender } from './render';
import { runCoverage } from './coverage/run';
import { runDiff } from './diff/run';

/** A subcommand: its arguments and the outside world in, an exit code out. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  run: Command;
  summary: string;
}

const COMMANDS: Record<string, CommandEntry> = {
  check: { run: runCheck, summary: `check blueprints and report findings (${FORMATS.join(', ')})` },
  coverage: { run: runCoverage, summary: 'show which personas each stage serves, heard and tested (stylish, json, markdown)' },
  diff: { run: runDiff, summary: 'show what changed in the journey between two versions (two files, or --base REF with git)' },
  render: { run: runRender, summary: 'render a blueprint as a standalone HTML page or Mermaid journey source' },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `Usage: blueprint <command> [options]

Service blueprints as code: check and render Markdown blueprints from the command line.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help (blueprint <command> --help for a command's options)
  -v, --version  show the version

Examples:
  blueprint check
  blueprint check examples --format github
  blueprint diff --base main --format markdown
  blueprint render examples/bijstand-aanvragen.blueprint.md -o bijstand.html
`;
}

/** Run the CLI with `argv` (the arguments after the program name). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(usage());
    return ExitCode.usageOrInput;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(usage());
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const what = first.startsWith('-') ? `Unknown option '${first}'` : `Unknown command '${first}'`;
    io.stderr(`blueprint: ${what}. Commands: ${Object.keys(COMMANDS).join(', ')}.\nRun 'blueprint --help' for usage.\n`);
    return ExitCode.usageOrInput;
  }
  return command.run(rest, io);
}
