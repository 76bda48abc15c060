/**
 * Issue 9, the editor: files that blueprints name are read with the command line's rules
 * (`src/extension/read-file.ts` over a file system shaped like `vscode.workspace.fs`),
 * and the editor's project roots refuse `../../secret.md`. The findings are compared with
 * those of `blueprint check` run as a process on the same project.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { editorRoots, FILE_TYPE, readProjectFile, type ReadableFileSystem } from '../../../src/extension/read-file';
import { CLEAN_EN, makeProject, requireBuiltCli, runCli, type JsonFinding } from '../cli/helpers';

/** `vscode.workspace.fs` as the desktop provider answers: stat follows links and flags them; errors carry a code. */
const nodeFs: ReadableFileSystem<URI> = {
  async stat(uri) {
    try {
      const link = lstatSync(uri.fsPath).isSymbolicLink() ? FILE_TYPE.symbolicLink : 0;
      const stats = statSync(uri.fsPath);
      const type = stats.isFile() ? FILE_TYPE.file : stats.isDirectory() ? FILE_TYPE.directory : FILE_TYPE.unknown;
      return { type: type | link, size: stats.size };
    } catch (error) {
      throw Object.assign(new Error('stat failed'), { code: (error as { code?: string }).code === 'ENOENT' ? 'FileNotFound' : 'Unknown' });
    }
  },
  async readFile(uri) {
    try {
      return readFileSync(uri.fsPath);
    } catch (error) {
      throw Object.assign(new Error('read failed'), { code: (error as { code?: string }).code === 'EACCES' ? 'NoPermissions' : 'Unknown' });
    }
  },
};

const journey = (personas: string): string => CLEAN_EN.replace('lang: en\n', `lang: en\npersonas: ${JSON.stringify(personas)}\n`);
const SECRET = '---\nblueprint: Secret\n---\n\n# Secret\n\n## Personas\n\n### Secret Agent\n- heard: 2024-01-01, never\n';
const CASES = ['dot', 'big', 'latin1', 'fifo', 'parent', 'encoded', 'absent', 'locked', 'fine'] as const;

const outside = makeProject({ 'secret/personas.blueprint.md': SECRET });
const project = makeProject({
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/dot/a.blueprint.md': journey('.'),
  'repo/big/a.blueprint.md': journey('big.md'),
  'repo/latin1/a.blueprint.md': journey('latin1.md'),
  'repo/fifo/a.blueprint.md': journey('pipe.md'),
  'repo/parent/a.blueprint.md': journey('../../../' + path.basename(outside.dir) + '/secret/personas.blueprint.md'),
  'repo/encoded/a.blueprint.md': journey('%2e%2e/%2e%2e/%2e%2e/' + path.basename(outside.dir) + '/secret/personas.blueprint.md'),
  'repo/absent/a.blueprint.md': journey('../../nothing-here.blueprint.md'),
  'repo/locked/a.blueprint.md': journey('locked.md'),
  'repo/locked/locked.md': SECRET,
  'repo/fine/a.blueprint.md': journey('personas.blueprint.md'),
  'repo/fine/personas.blueprint.md': SECRET,
  'repo/linked/a.blueprint.md': journey('personas.blueprint.md'),
});
const at = (folder: string): string => path.join(project.dir, folder);
const asRoot = process.getuid?.() === 0;

beforeAll(() => {
  requireBuiltCli();
  writeFileSync(at('repo/big/big.md'), Buffer.alloc(11 * 1024 * 1024, 'a'));
  writeFileSync(at('repo/latin1/latin1.md'), Buffer.from("# Persona's\n\n### Zo\xeb\n", 'latin1'));
  execFileSync('mkfifo', [at('repo/fifo/pipe.md')]);
  chmodSync(at('repo/locked/locked.md'), 0o000);
  mkdirSync(at('repo/linked'), { recursive: true });
  symlinkSync(path.join(outside.dir, 'secret/personas.blueprint.md'), at('repo/linked/personas.blueprint.md'));
});
afterAll(() => {
  project.dispose();
  outside.dispose();
});

/** What the editor reports for one blueprint: its workspace over the editor's reader, rooted at the folder. */
async function editorFindings(file: string, roots: readonly string[]): Promise<string[]> {
  const workspace = new BlueprintWorkspace({ readFile: (uri) => readProjectFile(nodeFs, URI.parse(uri)) }, { roots });
  const uri = URI.file(file).toString();
  workspace.setText(uri, readFileSync(file, 'utf8'));
  await workspace.loadDependencies();
  return workspace.diagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule}: ${d.message}`);
}

describe('the editor reads named files as the command line does', () => {
  it.each(CASES)('%s: the same findings as `blueprint check`', async (folder) => {
    if (folder === 'locked' && asRoot) return; // root reads any file
    const cli = await runCli(['check', `${folder}/a.blueprint.md`, '-f', 'json'], { cwd: at('repo') });
    const expected = (JSON.parse(cli.stdout) as JsonFinding[]).map((row) => `${row.line}:${row.column} ${row.rule}: ${row.message}`);
    const actual = await editorFindings(at(`repo/${folder}/a.blueprint.md`), [URI.file(at('repo')).toString()]);
    expect(actual).toEqual(expected);
    expect(actual.join('\n')).not.toMatch(/secret-agent|Secret Agent/i);
  });

  it('`personas: ../../secret.md` is refused in the editor, and read without roots (what the editor did before)', async () => {
    const file = at('repo/parent/a.blueprint.md');
    const refused = await editorFindings(file, editorRoots([URI.file(at('repo')).toString()], [URI.file(file).toString()]));
    expect(refused.join('\n')).toContain('lies outside the project folder');
    const unlimited = await editorFindings(file, []);
    expect(unlimited.join('\n')).not.toContain('lies outside the project folder');
  });

  it('a symbolic link is not followed (VS Code cannot say where it leads): a finding, nothing from the target', async () => {
    const findings = await editorFindings(at('repo/linked/a.blueprint.md'), [URI.file(at('repo')).toString()]);
    expect(findings.filter((row) => row.includes(' parse: '))).toEqual([
      "4:11 parse: 'personas.blueprint.md' is a symbolic link whose target cannot be checked here (in the editor, or stored in a commit), so it is not followed; the command line follows links on disk that stay inside the project.",
    ]);
    expect(findings.join('\n')).not.toMatch(/secret-agent|Secret Agent/i);
  });

  it('a FIFO is never opened and /dev/zero never read: one stat each', async () => {
    const opened: string[] = [];
    const spy: ReadableFileSystem<URI> = { stat: (uri) => nodeFs.stat(uri), readFile: (uri) => (opened.push(uri.fsPath), nodeFs.readFile(uri)) };
    expect(await readProjectFile(spy, URI.file(at('repo/fifo/pipe.md')))).toEqual({ problem: 'notRegular' });
    expect(await readProjectFile(spy, URI.file('/dev/zero'))).toEqual({ problem: 'notRegular' });
    expect(await readProjectFile(spy, URI.file(at('repo/big/big.md')))).toEqual({ problem: 'tooLarge' });
    expect(opened).toEqual([]);
    expect(await readProjectFile(spy, URI.file(at('repo/nothing.md')))).toBeUndefined();
  });
});

describe('editor roots', () => {
  it('are the workspace folders, and the folder of each file open outside them', () => {
    expect(editorRoots(['file:///w/a', 'file:///w/b'], ['file:///w/a/x/y.blueprint.md', 'file:///elsewhere/x.blueprint.md', 'untitled:Untitled-1'])).toEqual(['file:///w/a', 'file:///w/b', 'file:///elsewhere']);
    expect(editorRoots(['file:///w/a'], ['vscode-vfs://github/o/r/blueprints/a.blueprint.md'])).toEqual(['file:///w/a', 'vscode-vfs://github/o/r/blueprints']);
    expect(editorRoots([], ['file:///w/a/x.blueprint.md', 'file:///w/a/y.blueprint.md', 'file:///v/z.md'])).toEqual(['file:///w/a', 'file:///v']);
    expect(editorRoots([], [])).toEqual([]);
  });
});
