/**
 * `blueprint diff` and `blueprint check --base` as processes, against a git repository
 * built in the test: every format, the exit codes, files added, removed and renamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, HEAD } from '../diff/fixtures';
import { toDutch } from '../diff/helpers';
import { makeRepo, type TestRepo } from './git-repo';
import { makeProject, requireBuiltCli, runCli } from './helpers';

interface JsonReport {
  base: string;
  head: string;
  files: Array<{ file: string; previous?: string; status: string; changes: Array<Record<string, unknown>>; attention: Array<Record<string, unknown>> }>;
}

const ADDED = `---\nblueprint: Added later\nlang: nl\n---\n\n## Klantreis\n\n### Fase: Melden\n\n#### Stap: Meldt een verhuizing\n- klant: vult het formulier in\n- kanaal: web\n`;
const OTHER = `---\nblueprint: Other\n---\n\n## Personas\n\n### Maria\n- heard: 2024-01-01, interview\n\n## Journey\n\n### Step: Only step\n- persona: @maria\n- customer: does it\n`;

// Each test runs several processes; on a loaded machine that takes longer than the default.
describe('blueprint diff', { timeout: 120_000 }, () => {
  let repo: TestRepo;

  beforeAll(() => {
    requireBuiltCli();
    repo = makeRepo({
      'services/benefit.blueprint.md': BASE,
      'services/removed.blueprint.md': OTHER,
      'services/old-name.blueprint.md': OTHER.replace('Other', 'Renamed later'),
      'README.md': '# not a blueprint\n',
    });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'services/benefit.blueprint.md': HEAD, 'services/added.blueprint.md': ADDED });
    repo.remove('services/removed.blueprint.md');
    repo.git('mv', 'services/old-name.blueprint.md', 'services/new-name.blueprint.md');
  });
  afterAll(() => repo.dispose());

  it('--format json: the contract, with files modified, added, removed and renamed', async () => {
    const result = await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toMatchObject({ base: 'main', head: 'working tree' });
    const status = Object.fromEntries(report.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({
      'services/added.blueprint.md': 'added',
      'services/benefit.blueprint.md': 'modified',
      'services/new-name.blueprint.md': 'renamed',
      'services/removed.blueprint.md': 'removed',
    });
    expect(report.files.find((f) => f.status === 'renamed')?.previous).toBe('services/old-name.blueprint.md');
    const benefit = report.files.find((f) => f.file === 'services/benefit.blueprint.md');
    const line = HEAD.split('\n').findIndex((text) => text === '#### Step: Sends the papers') + 1;
    expect(benefit?.changes).toContainEqual({ kind: 'step-moved', step: 'sends-the-papers', name: 'Sends the papers', stage: 'find-out', from: 'apply', to: 'find-out', line });
    expect(benefit?.changes).toContainEqual(expect.objectContaining({ kind: 'persona-removed', step: 'reads-the-web-page', persona: 'maria', inherited: false }));
  });

  it('--head compares two refs; a committed change reads the same as the working tree', async () => {
    const working = JSON.parse((await runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: repo.dir })).stdout) as JsonReport;
    repo.commit('feature');
    try {
      const result = await runCli(['diff', '--base', 'main', '--head', 'feature', '--format', 'json', 'services'], { cwd: repo.dir });
      expect(result.status).toBe(0);
      const committed = JSON.parse(result.stdout) as JsonReport;
      expect(committed.head).toBe('feature');
      expect(committed.files).toEqual(working.files);
    } finally {
      repo.git('reset', '-q', '--soft', 'HEAD~1');
    }
  });

  it('stylish: per file and stage, the attention points first', async () => {
    const result = await runCli(['diff', '--base', 'main', 'services/benefit.blueprint.md'], { cwd: repo.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('services/benefit.blueprint.md (modified)');
    expect(result.stdout).toMatch(/⚠\s+\d+\s+step 'Reads the web page' lost its persona \(now inherits @ahmed\)/);
    expect(result.stdout).toMatch(/find-out\n(.*\n)*\s+\d+\s+Sends the papers\s+moved from apply to find-out/);
    expect(result.stdout).not.toContain('added.blueprint.md');
  });

  it('markdown: headline, attention, table with <details>, Mermaid chart and findings, under 60 KB', async () => {
    const result = await runCli(['diff', '--base', 'main', '--format', 'markdown'], { cwd: repo.dir });
    expect(result.status).toBe(0);
    const md = result.stdout;
    expect(md).toMatch(/^## Blueprint changes\n\n`main` → `working tree` · 4 files\n\n\*\*Steps: \d+ added · \d+ removed · 1 moved · 1 renamed/);
    expect(md.indexOf('### Needs attention')).toBeLessThan(md.indexOf('### services/'));
    expect(md).toContain('<details><summary>');
    expect(md).toMatch(/```mermaid\nflowchart LR\n/);
    expect(md).toMatch(/class n\d+(,n\d+)* moved/);
    expect(md).toContain('Removed: ~~Waits for the letter~~');
    expect(md).toMatch(/\| new \| \d+ \| error \| `unknown-persona` \|/);
    expect(Buffer.byteLength(md)).toBeLessThan(60_000);
  });

  it('markdown is cut under 60 KB with a note when the change is large', async () => {
    const steps = (title: string) => Array.from({ length: 600 }, (_, i) => `### Step: ${title} ${i}\n- customer: does thing ${i}\n- channel: web\n`).join('\n');
    const big = makeRepo({ 'big.blueprint.md': `---\nblueprint: Big\n---\n\n## Journey\n\n${steps('Old step')}` });
    try {
      big.write({ 'big.blueprint.md': `---\nblueprint: Big\n---\n\n## Journey\n\n${steps('Quite different new step with a long title')}`.replace(/does thing/g, 'performs action') });
      const result = await runCli(['diff', '--base', 'main', '--format', 'markdown'], { cwd: big.dir });
      expect(result.status).toBe(0);
      expect(Buffer.byteLength(result.stdout)).toBeLessThan(60_000);
      expect(result.stdout).toContain('This report was cut here to stay under 60 KB');
    } finally {
      big.dispose();
    }
  });

  it('html: the grid of the new version with marked columns and removed steps struck through', async () => {
    const result = await runCli(['diff', '--base', 'main', '--format', 'html', 'services/benefit.blueprint.md'], { cwd: repo.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).toContain('.bp [data-step="sends-the-papers"]{box-shadow:inset 0 0 0 3px #0969da');
    expect(result.stdout).toContain('.bp [data-step="asks-for-help"]{box-shadow:inset 0 0 0 3px #1a7f37');
    expect(result.stdout).toContain('<del>Waits for the letter</del>');
    expect(result.stdout).toContain('data-step="completes-the-online-form"');
  });

  it('two files: the as-is against the to-be, in Dutch', async () => {
    const project = makeProject({ 'as-is.blueprint.md': toDutch(BASE), 'to-be.blueprint.md': toDutch(HEAD) });
    try {
      const result = await runCli(['diff', 'as-is.blueprint.md', 'to-be.blueprint.md'], { cwd: project.dir });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('as-is.blueprint.md → to-be.blueprint.md');
      expect(result.stdout).toContain('verplaatst van apply naar find-out');
      expect(result.stdout).toMatch(/Stappen: 2 toegevoegd/);
    } finally {
      project.dispose();
    }
  });

  it('exit codes: 1 for new errors with --fail-on-new-errors, 0 without, 2 for usage, git and file problems', async () => {
    expect((await runCli(['diff', '--base', 'main', '--fail-on-new-errors', '--format', 'json'], { cwd: repo.dir })).status).toBe(1);
    expect((await runCli(['diff', '--base', 'main', '--fail-on-new-errors', 'services/added.blueprint.md'], { cwd: repo.dir })).status).toBe(0);
    const unknown = await runCli(['diff', '--base', 'no-such-branch'], { cwd: repo.dir });
    expect(unknown).toMatchObject({ status: 2, stderr: "blueprint diff: Unknown git ref 'no-such-branch'.\n" });
    const outside = makeProject({ 'a.blueprint.md': OTHER });
    try {
      const notRepo = await runCli(['diff', '--base', 'main'], { cwd: outside.dir });
      expect(notRepo.status).toBe(2);
      expect(notRepo.stderr).toMatch(/is not inside a git repository\.\n$/);
      const noGit = await runCli(['diff', '--base', 'main'], { cwd: outside.dir, env: { PATH: '/nonexistent' } });
      expect(noGit).toMatchObject({ status: 2, stderr: 'blueprint diff: git is not installed or not on the PATH.\n' });
      const missing = await runCli(['diff', 'a.blueprint.md', 'b.blueprint.md'], { cwd: outside.dir });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/^blueprint diff: b\.blueprint\.md: /);
    } finally {
      outside.dispose();
    }
    expect((await runCli(['diff', 'one.blueprint.md'], { cwd: repo.dir })).status).toBe(2);
    expect((await runCli(['diff', '--base', 'main', '--format', 'xml'], { cwd: repo.dir })).status).toBe(2);
    expect((await runCli(['diff', '--base', '--upload-pack=x'], { cwd: repo.dir })).status).toBe(2);
  });
});

describe('blueprint check --base', { timeout: 120_000 }, () => {
  it('reports only the findings the change introduces and counts those left out', async () => {
    requireBuiltCli();
    // Both versions share one old finding: an unknown field in a step that moves lines.
    const withOld = (text: string) => text.replace('- customer: phones the contact centre with questions', '$&\n- colour: blue');
    const repo = makeRepo({ 'benefit.blueprint.md': withOld(BASE) });
    try {
      repo.write({ 'benefit.blueprint.md': withOld(HEAD) });
      const all = await runCli(['check', '--format', 'json'], { cwd: repo.dir });
      const every = JSON.parse(all.stdout) as Array<{ rule: string; message: string }>;
      const result = await runCli(['check', '--base', 'main'], { cwd: repo.dir });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/unknown-persona/);
      const shown = result.stdout.split('\n').filter((line) => /^\s+\d+:\d+\s/.test(line));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(every.length);
      expect(result.stdout).toContain(`${every.length - shown.length} existing finding${every.length - shown.length === 1 ? '' : 's'} left out (already in main)`);
      // Nothing changed: nothing is new, everything is left out, and the exit code says so.
      repo.commit('head');
      const clean = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
      expect(clean.status).toBe(0);
      expect(clean.stdout).toMatch(/left out \(already in HEAD\)/);
      expect((await runCli(['check', '--base', 'nope'], { cwd: repo.dir })).status).toBe(2);
    } finally {
      repo.dispose();
    }
  });
});
