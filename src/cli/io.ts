/**
 * What a command needs from the outside world, so commands stay testable and the
 * dispatcher decides once how output reaches the terminal.
 */

/** Streams, folder and environment a command runs with. */
export interface CliIo {
  /** Write to standard output (findings, help, version). */
  stdout(text: string): void;
  /** Write to standard error (usage mistakes, unreadable files, configuration problems). */
  stderr(text: string): void;
  /** The current folder: relative paths in arguments and output are relative to it. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when standard output is a terminal (colours are on by default only then). */
  stdoutIsTTY: boolean;
}

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}

/** Exit codes of every command; part of the documented interface (docs/cli.md). */
export const ExitCode = {
  /** No errors (and not too many warnings). */
  ok: 0,
  /** Errors found, or more warnings than `--max-warnings`. */
  findings: 1,
  /** Bad usage, an unusable configuration, or input that could not be read. */
  usageOrInput: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
