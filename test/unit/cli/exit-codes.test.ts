/** `blueprint check` exit codes and usage, run as a real process on the built bundle. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_EN, CLEAN_NL, makeProject, REPO, requireBuiltCli, runCli, WITH_ERROR_EN, WITH_WARNING_NL } from './helpers';

const project = makeProject({
  'clean.blueprint.md': CLEAN_EN,
  'schoon.blueprint.md': CLEAN_NL,
  'errors/apply.blueprint.md': WITH_ERROR_EN,
  'warnings/aanvraag.blueprint.md': WITH_WARNING_NL,
});
const cwd = project.dir;

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('exit codes', () => {
  it('0 when the files have no problems (English and Dutch)', async () => {
    const result = await runCli(['check', 'clean.blueprint.md', 'schoon.blueprint.md'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('✔ No problems');
    expect(result.status).toBe(0);
  });

  it('0 with warnings only, when --max-warnings is not exceeded', async () => {
    const result = await runCli(['check', 'warnings', '--max-warnings', '1'], { cwd });
    expect(result.stdout).toContain('unknown-field');
    expect(result.status).toBe(0);
  });

  it('1 when there are errors', async () => {
    const result = await runCli(['check', 'errors/apply.blueprint.md'], { cwd });
    expect(result.stdout).toContain('unknown-persona');
    expect(result.status).toBe(1);
  });

  it('1 when there are more warnings than --max-warnings', async () => {
    const result = await runCli(['check', 'warnings', '--max-warnings', '0'], { cwd });
    expect(result.stdout).toContain('unknown-field');
    expect(result.status).toBe(1);
  });

  it.each([
    [['check', '--no-such-option'], /Unknown option '--no-such-option'/],
    [['check', '--format', 'xml'], /Unknown format 'xml'.*stylish, json, sarif, github/],
    [['check', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
    [['check', '--locale', 'fr'], /Unknown locale 'fr'/],
    [['check', 'x.md', '--format'], /^blueprint check: Option '--format' needs a value\.\n/],
    [['render', '-o', '-x', 'a.blueprint.md'], /^blueprint render: Option '-o' needs a value; for a value that starts with a dash, write --output=-VALUE\.\nRun 'blueprint render --help' for usage\.\n$/],
    [['render', 'a.blueprint.md', '--theme', 'sepia'], /^blueprint render: Unknown theme 'sepia'\. Use one of: light, dark\.\n/],
    [['coverage', '-f'], /^blueprint coverage: Option '--format' needs a value\.\n/],
    [['diff', '--base'], /^blueprint diff: Option '--base' needs a value\.\n/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
    [[], /Usage: blueprint <command>/],
  ])('2 for bad usage: %j', async (args, message) => {
    const result = await runCli(args, { cwd });
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('2 for a missing file, naming it on stderr, while the other files are still checked', async () => {
    const result = await runCli(['check', 'missing.blueprint.md', 'errors', '--format', 'json'], { cwd });
    expect(result.stderr).toContain('missing.blueprint.md: no such file or directory');
    const rows = JSON.parse(result.stdout) as Array<{ file: string; rule: string }>;
    expect(rows).toContainEqual(expect.objectContaining({ file: 'errors/apply.blueprint.md', rule: 'unknown-persona' }));
    expect(result.status).toBe(2);
  });

  it('2 for a glob that matches nothing', async () => {
    const result = await runCli(['check', 'nowhere/**/*.blueprint.md'], { cwd });
    expect(result.stderr).toContain('nowhere/**/*.blueprint.md: no files match this pattern');
    expect(result.status).toBe(2);
  });

  it('--quiet hides warnings, and quiet warnings do not count for --max-warnings', async () => {
    const quiet = await runCli(['check', 'warnings', '--quiet', '--max-warnings', '0'], { cwd });
    expect(quiet.stdout).not.toContain('unknown-field');
    expect(quiet.stdout).toContain('✔ No problems');
    expect(quiet.status).toBe(0);
  });
});

describe.concurrent('help and version', () => {
  it('--help prints usage with examples on stdout and exits 0', async () => {
    for (const result of await Promise.all([['--help'], ['check', '--help']].map((args) => runCli(args, { cwd })))) {
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Usage: blueprint/);
      expect(result.stdout).toMatch(/Examples:/);
    }
    expect((await runCli(['check', '-h'], { cwd })).stdout).toMatch(/--max-warnings/);
  });

  it("every command's --help says what its exit codes mean", async () => {
    const commands = ['check', 'coverage', 'diff', 'render'];
    const results = await Promise.all(commands.map((command) => runCli([command, '--help'], { cwd })));
    for (const [i, result] of results.entries()) {
      expect(result.status, commands[i]).toBe(0);
      expect(result.stdout, commands[i]).toMatch(/\nExit codes:\n {2}0 {2}\S.*\n(?: {2}\d {2}\S.*\n| {5}\S.*\n)* {2}2 {2}bad usage/);
    }
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const result of await Promise.all([['--version'], ['check', '--version']].map((args) => runCli(args, { cwd })))) {
      expect(result.stdout.trim()).toBe(version);
      expect(result.status).toBe(0);
    }
  });
});
