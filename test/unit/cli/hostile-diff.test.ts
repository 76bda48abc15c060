/**
 * Issue 9, `blueprint diff` (and `check --base`) on hostile input: every blueprint, file
 * name and git object comes from the pull request. The diff reads as `check` reads: no
 * file outside the project (a `personas:` path out of it, a link out of it, a link
 * stored in a commit), no blob over 10 MB, no name that is not UTF-8; each such file is
 * named on standard error with exit code 2, the other files are still compared. A ref
 * that looks like an option is refused before git sees it. Real processes throughout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from './git-repo';
import { CLEAN_EN, makeProject, requireBuiltCli, runCli } from './helpers';

interface JsonReport {
  files: Array<{ file: string; status: string; changes: Array<{ kind: string; message?: string }> }>;
}

/** Personas whose name must never show in a report about another project. */
const SECRET = '---\nblueprint: Secret\n---\n\n# Secret\n\n## Personas\n\n### Secret Agent Zed\n- heard: 2024-01-01, never\n';

/** The clean blueprint with a `personas:` file and a step for `persona`. */
const naming = (personas: string, persona: string): string =>
  CLEAN_EN.replace('lang: en\n', `lang: en\npersonas: ${JSON.stringify(personas)}\n`)
    .concat(`\n### Step: Meets the agent\n- persona: @${persona}\n- customer: talks\n`);

const findingsOf = (report: JsonReport): string[] => report.files.flatMap((file) => file.changes.filter((c) => c.kind.startsWith('finding-')).map((c) => `${c.kind} ${c.message ?? ''}`));

describe('blueprint diff on hostile input', { timeout: 120_000 }, () => {
  beforeAll(() => requireBuiltCli());

  it('two files: a personas file outside the project, or a link out of it, is refused as check refuses it', async () => {
    const outside = makeProject({ 'secret.md': SECRET });
    const project = makeProject({
      'proj/blueprint.config.json': '{}\n',
      'proj/old.blueprint.md': CLEAN_EN,
      'proj/up.blueprint.md': naming(path.join(outside.dir, 'secret.md'), 'secret-agent-zed'),
      'proj/rel.blueprint.md': naming(`../../${path.basename(outside.dir)}/secret.md`, 'secret-agent-zed'),
      'proj/link.blueprint.md': naming('link.md', 'secret-agent-zed'),
    });
    symlinkSync(path.join(outside.dir, 'secret.md'), path.join(project.dir, 'proj', 'link.md'));
    try {
      for (const head of ['up.blueprint.md', 'rel.blueprint.md', 'link.blueprint.md']) {
        const run = await runCli(['diff', 'old.blueprint.md', head, '--format', 'json'], { cwd: path.join(project.dir, 'proj') });
        expect(run.status, run.stderr).toBe(0);
        const findings = findingsOf(JSON.parse(run.stdout) as JsonReport);
        // The secret persona is unknown in the head (nothing was read), and the file is named as outside the project.
        expect(findings).toEqual(expect.arrayContaining([
          expect.stringMatching(/^finding-new .*outside the project folder/),
          expect.stringMatching(/^finding-new No persona 'secret-agent-zed'/),
        ]));
        expect(run.stdout).not.toContain('Secret Agent');
      }
    } finally {
      project.dispose();
      outside.dispose();
    }
  });

  it('two files: a folder, a pipe or a device is named on stderr with exit code 2, never read as an empty version', async () => {
    const project = makeProject({ 'old.blueprint.md': CLEAN_EN, 'folder.blueprint.md/x': '' });
    execFileSync('mkfifo', [path.join(project.dir, 'pipe.blueprint.md')]);
    try {
      const cases: Array<[string, string]> = [
        ['folder.blueprint.md', 'is a folder, not a file'],
        ['pipe.blueprint.md', 'not a regular file (a device, pipe or socket); not read'],
        ['/dev/zero', 'not a regular file (a device, pipe or socket); not read'],
      ];
      for (const [head, message] of cases) {
        const run = await runCli(['diff', 'old.blueprint.md', head, '--format', 'json'], { cwd: project.dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^blueprint diff: [^\n]+\n$/);
        expect(run.stderr).toContain(`${path.basename(head)}: ${message}\n`);
        expect((JSON.parse(run.stdout) as JsonReport).files).toEqual([]);
      }
    } finally {
      project.dispose();
    }
  });

  describe('--base with hostile git content', () => {
    let repo: TestRepo;
    let outside: { dir: string; dispose(): void };
    beforeAll(() => {
      outside = makeProject({ 'secret.md': SECRET });
      repo = makeRepo({ 'ok.blueprint.md': CLEAN_EN });
      // In the base commit: a blob over 10 MB, a link to a file outside, a link to a folder
      // outside that a personas path goes through, and a name that is not UTF-8.
      repo.write({
        'big.blueprint.md': `${CLEAN_EN}\n<!-- ${'x'.repeat(11 * 1024 * 1024)} -->\n`,
        'through.blueprint.md': naming('out/secret.md', 'secret-agent-zed'),
      });
      symlinkSync(path.join(outside.dir, 'secret.md'), path.join(repo.dir, 'link.blueprint.md'));
      symlinkSync(outside.dir, path.join(repo.dir, 'out'));
      writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/bad`), Buffer.from([0xff]), Buffer.from('.blueprint.md')]), CLEAN_EN);
      repo.commit('hostile');
      // The working tree: ok changed, so there is a diff to report beside the problems.
      repo.write({ 'ok.blueprint.md': `${CLEAN_EN}\n### Step: Added\n- persona: @maria\n- customer: waits\n` });
    });
    afterAll(() => {
      repo.dispose();
      outside.dispose();
    });

    it('names each file it cannot read (exit 2), reads no blob over 10 MB, follows no link, and still compares the rest', async () => {
      const run = await runCli(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
      expect(run.status).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      // through.blueprint.md is unchanged: its personas path goes through a link in both versions, read in neither.
      expect(report.files.map((f) => `${f.file} ${f.status}`)).toEqual(['ok.blueprint.md modified']);
      expect(run.stdout).not.toContain('Secret Agent');
      expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual([
        'blueprint diff: bad\uFFFD.blueprint.md (HEAD): the file name is not valid UTF-8 (shown with \uFFFD); rename the file to compare it',
        'blueprint diff: bad\uFFFD.blueprint.md (working tree): the file name is not valid UTF-8 (shown with \uFFFD); rename the file to compare it',
        'blueprint diff: big.blueprint.md (HEAD): larger than 10 MB; not read',
        'blueprint diff: big.blueprint.md (working tree): larger than 10 MB; not read',
      ]);
    });

    it('a report says which files it could not compare: markdown lists them, stylish never reads as all clear', async () => {
      const markdown = await runCli(['diff', '--base', 'HEAD', '--format', 'markdown'], { cwd: repo.dir });
      expect(markdown.status).toBe(2);
      const section = markdown.stdout.slice(markdown.stdout.indexOf('### Not compared'));
      expect(section).toContain('- `big.blueprint.md (HEAD)`: larger than 10 MB; not read');
      expect(section).toContain('- `big.blueprint.md (working tree)`: larger than 10 MB; not read');
      // Only the unreadable files are named: nothing changed in them is "No readable blueprint changed".
      const stylish = await runCli(['diff', '--base', 'HEAD', '--format', 'stylish', 'big.blueprint.md'], { cwd: repo.dir });
      expect(stylish.status).toBe(2);
      expect(stylish.stdout).toContain('No readable blueprint changed; 2 files could not be compared (named below).');
      expect(stylish.stdout).not.toContain('No blueprint changed.');
      expect(stylish.stderr).toContain('big.blueprint.md (HEAD): larger than 10 MB; not read');
    });

    it('a folder named as the path to compare is a place to look, not an unreadable file', async () => {
      mkdirSync(path.join(repo.dir, 'sub'), { recursive: true });
      writeFileSync(path.join(repo.dir, 'sub', 'new.blueprint.md'), CLEAN_EN);
      try {
        for (const folder of ['.', 'sub']) {
          const run = await runCli(['diff', '--base', 'HEAD', folder, '--format', 'json'], { cwd: repo.dir });
          expect(run.stderr).not.toContain('is a folder');
          expect(run.stdout).toContain('"sub/new.blueprint.md"');
        }
      } finally {
        execFileSync('rm', ['-rf', path.join(repo.dir, 'sub')]);
      }
    });

    it('reads a personas file behind a link stored in the commit as a link, never through it', async () => {
      repo.remove('out');
      mkdirSync(path.join(repo.dir, 'out'));
      writeFileSync(path.join(repo.dir, 'out', 'secret.md'), SECRET);
      try {
        const run = await runCli(['diff', '--base', 'HEAD', '--format', 'json', 'through.blueprint.md'], { cwd: repo.dir });
        // The working tree reads its own out/secret.md; the base had a link there, which is a finding, not a read.
        const findings = findingsOf(JSON.parse(run.stdout) as JsonReport);
        expect(run.stderr).toBe('');
        expect(findings).toEqual([
          expect.stringMatching(/^finding-fixed .*'out\/secret\.md' is a symbolic link/),
          expect.stringMatching(/^finding-fixed No persona 'secret-agent-zed'/),
        ]);
      } finally {
        repo.git('checkout', '-q', '--', '.');
        execFileSync('rm', ['-rf', path.join(repo.dir, 'out')]);
        symlinkSync(outside.dir, path.join(repo.dir, 'out'));
      }
    });

    it('refuses refs that git would read as options, and writes nothing', async () => {
      const target = path.join(repo.dir, 'injected.txt');
      for (const args of [['--base=--output=' + target], ['--base', 'HEAD', '--head=--output=' + target], ['--base', '-p']]) {
        const run = await runCli(['diff', ...args], { cwd: repo.dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^blueprint diff: ('-[^']*' is not a git ref\.|Option '--base' needs a value; for a value that starts with a dash, write --base=-VALUE\.)\n/);
      }
      expect(existsSync(target)).toBe(false);
    });

    it('a shallow clone without the base commit: unknown ref, exit 2', async () => {
      const clone = makeProject({});
      try {
        execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, 'c'], { cwd: clone.dir, stdio: 'ignore' });
        const run = await runCli(['diff', '--base', 'HEAD~1'], { cwd: path.join(clone.dir, 'c') });
        expect(run).toMatchObject({ status: 2, stderr: "blueprint diff: Unknown git ref 'HEAD~1'.\n" });
      } finally {
        clone.dispose();
      }
    });
  });
});
