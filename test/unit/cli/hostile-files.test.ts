/**
 * Issue 9, files: what `blueprint check` reads when blueprints name files. Only regular
 * files inside the project, at most 10 MB, strictly UTF-8; every other case is a finding
 * on the line that names the file (or a clear input problem), never a hang, a crash or a
 * peek outside the project. Every case runs the built CLI as a real process.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_EN, CLI, makeProject, requireBuiltCli, runCli, type CliResult, type JsonFinding } from './helpers';

/** A journey whose front matter names `personas` and whose step links to `link` (when given). */
function journey(personas: string, link?: string): string {
  const withPersonas = CLEAN_EN.replace('lang: en\n', `lang: en\npersonas: ${JSON.stringify(personas)}\n`);
  return link === undefined ? withPersonas : withPersonas.replace('- customer: reads the letter', `- customer: reads the letter\n- support: [desk](${link})`);
}

/** A personas file with one persona whose name must never appear in output about another project. */
const SECRET_PERSONAS = `---
blueprint: Secret personas
---

# Secret personas

## Personas

### Secret Agent
- heard: 2024-01-01, never
`;

const outside = makeProject({ 'secret/personas.blueprint.md': SECRET_PERSONAS });
const project = makeProject({
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/clean.blueprint.md': CLEAN_EN,
  'repo/dot/a.blueprint.md': journey('.'),
  'repo/big/a.blueprint.md': journey('big.md'),
  'repo/latin1/a.blueprint.md': journey('latin1.md'),
  'repo/fifo/a.blueprint.md': journey('pipe.md'),
  'repo/zero/a.blueprint.md': journey('/dev/zero'),
  'repo/parent/a.blueprint.md': journey('../../secret/personas.blueprint.md'),
  'repo/encoded/a.blueprint.md': journey('%2e%2e/%2e%2e/secret/personas.blueprint.md'),
  'repo/absolute/a.blueprint.md': journey(path.join(outside.dir, 'secret/personas.blueprint.md')),
  'repo/absent/a.blueprint.md': journey('../../secret/nothing-here.blueprint.md'),
  'repo/linked/a.blueprint.md': journey('personas.blueprint.md'),
  'repo/cross/a.blueprint.md': CLEAN_EN.replace('- persona: @maria', `- persona: [Agent](${path.join(outside.dir, 'secret/personas.blueprint.md')}#secret-agent)`),
  'repo/surrogate/a.blueprint.md': journey('\uD800.md'),
  'repo/locked/a.blueprint.md': journey('locked.md'),
  'repo/locked/locked.md': SECRET_PERSONAS,
  'loop/a.blueprint.md': CLEAN_EN.replace('- persona: @maria', '- persona: @marja'),
});
const at = (folder: string): string => path.join(project.dir, folder);

beforeAll(() => {
  requireBuiltCli();
  writeFileSync(at('repo/big/big.md'), Buffer.alloc(11 * 1024 * 1024, 'a'));
  writeFileSync(at('repo/latin1/latin1.md'), Buffer.from('# Persona\'s\n\n### Zo\xeb\n', 'latin1'));
  execFileSync('mkfifo', [at('repo/fifo/pipe.md')]);
  symlinkSync(path.join(outside.dir, 'secret/personas.blueprint.md'), at('repo/linked/personas.blueprint.md'));
  symlinkSync('/', at('repo/root'));
  symlinkSync('.', at('loop/again'));
  symlinkSync('..', at('loop/up'));
  chmodSync(at('repo/locked/locked.md'), 0o000);
  mkdirSync(at('bytes/names'), { recursive: true });
  writeFileSync(at('bytes/a.blueprint.md'), Buffer.from(CLEAN_EN.replace('reads the letter', 'reads the \u0000 letter'), 'utf8').map((byte) => (byte === 0 ? 0xff : byte)));
  writeFileSync(Buffer.concat([Buffer.from(at('bytes/names') + '/b'), Buffer.from([0xff]), Buffer.from('.blueprint.md')]), CLEAN_EN);
});
afterAll(() => {
  project.dispose();
  outside.dispose();
});

const json = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];
const messages = (result: CliResult): string[] => json(result).filter((row) => row.rule === 'parse' || row.rule === 'unresolved-file').map((row) => `${row.line} ${row.rule}: ${row.message}`);

describe.concurrent('files that blueprints name', () => {
  it.each([
    ['dot', "'.' is a folder, not a file."],
    ['big', "File 'big.md' is larger than 10 MB and is not read."],
    ['latin1', "File 'latin1.md' is not UTF-8 text and is not read."],
    ['fifo', "'pipe.md' is not a regular file (but a device, pipe or socket) and is not read."],
    ['zero', "'/dev/zero' lies outside the project folder; files there are not read."],
  ])('%s: a finding that says what is wrong, on the personas line, without hanging', async (folder, message) => {
    const result = await runCli(['check', `${folder}/a.blueprint.md`, '-f', 'json'], { cwd: at('repo') });
    expect(messages(result)).toEqual([`4 parse: ${message}`]);
    expect(result.status).toBe(1);
  });

  it('a lone surrogate in a file name is an unresolved file, not a crash', async () => {
    const result = await runCli(['check', 'surrogate/a.blueprint.md', '-f', 'json'], { cwd: at('repo') });
    expect(result.stderr).toBe('');
    expect(messages(result)).toEqual(["4 unresolved-file: File '\uD800.md' does not exist."]);
  });
});

describe.concurrent('bytes and names that are not UTF-8', () => {
  it('a checked file with invalid UTF-8 gets a finding at the first bad byte, and is still checked', async () => {
    const result = await runCli(['check', 'a.blueprint.md', '-f', 'json'], { cwd: at('bytes') });
    expect(json(result).map((row) => [row.line, row.column, row.rule, row.message])).toEqual([
      [18, 23, 'parse', 'This file is not UTF-8 text: the bytes here are not valid UTF-8 (shown as \uFFFD).'],
    ]);
    expect(result.status).toBe(1);
  });

  it('a file name that is not UTF-8 is named as such, not as missing', async () => {
    const result = await runCli(['check', 'names'], { cwd: at('bytes') });
    expect(result.stderr).toBe('blueprint check: names/b\uFFFD.blueprint.md: the file name is not valid UTF-8 (shown with \uFFFD); rename the file to check it\n');
    expect(result.status).toBe(2);
  });
});

describe.concurrent('reading outside the project', () => {
  it.each([
    ['parent', '../../secret/personas.blueprint.md'],
    ['encoded', '%2e%2e/%2e%2e/secret/personas.blueprint.md'],
    ['absolute', path.join(outside.dir, 'secret/personas.blueprint.md')],
    ['absent', '../../secret/nothing-here.blueprint.md'],
    ['linked', 'personas.blueprint.md'],
  ])('%s: refused with the same finding whether the file exists or not, and nothing from it shows', async (folder, written) => {
    const result = await runCli(['check', `${folder}/a.blueprint.md`, '-f', 'json'], { cwd: at('repo') });
    expect(messages(result)).toEqual([`4 parse: '${written}' lies outside the project folder; files there are not read.`]);
    expect(result.stdout).not.toMatch(/secret-agent|Secret Agent/i);
  });

  it('a cross-file link out of the project is refused, with no did-you-mean from the outside file', async () => {
    const result = await runCli(['check', 'cross/a.blueprint.md', '-f', 'json'], { cwd: at('repo') });
    const rows = json(result).map((row) => `${row.rule}: ${row.message}`);
    expect(rows.some((row) => row.startsWith('parse:') && row.includes('lies outside the project folder'))).toBe(true);
    expect(result.stdout).not.toMatch(/secret-agent|Secret Agent/i);
  });

  it('render does not put names from outside files into the page', async () => {
    const result = await runCli(['render', 'parent/a.blueprint.md'], { cwd: at('repo') });
    expect(result.stdout).toContain('lies outside the project folder');
    expect(result.stdout).not.toMatch(/secret-agent|Secret Agent/i);
  });

  it('a link `root -> /` in the project is not followed: only the project is checked', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('repo') });
    const files = new Set(json(result).map((row) => row.file));
    for (const file of files) expect(file.startsWith('root/'), file).toBe(false);
  });

  it('a symlinked folder loop reports each file once', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('loop') });
    expect(json(result).filter((row) => row.rule === 'unknown-persona').map((row) => row.file)).toEqual(['a.blueprint.md']);
  });
});

/** Run the CLI as the unprivileged user `nobody` when running as root (root reads every file). */
function runUnprivileged(args: string[], cwd: string): Promise<CliResult> {
  const asRoot = process.getuid?.() === 0;
  const [command, ...rest] = asRoot
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, rest, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('permissions', () => {
  it('a personas file without read permission is "permission denied", not unresolved-file', async () => {
    chmodSync(project.dir, 0o755);
    const result = await runUnprivileged(['check', 'locked/a.blueprint.md', '-f', 'json'], at('repo'));
    expect(messages(result)).toEqual(["4 parse: File 'locked.md' cannot be read: permission denied."]);
  });
});
