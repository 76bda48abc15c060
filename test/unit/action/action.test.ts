/**
 * The GitHub Action run as the runner runs it: `node action/index.js` (the committed
 * bundle) in a checkout, inputs as INPUT_* variables, the summary and outputs as files.
 * And the committed bundle must equal a fresh build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers';
import { makeRepo, type TestRepo } from '../cli/git-repo';

const BUNDLE = path.join(REPO, 'action', 'index.js');

interface ActionRun {
  status: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

function runAction(cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'bp-action-'));
  const summaryFile = path.join(temp, 'summary.md');
  const outputFile = path.join(temp, 'output.txt');
  execFileSync('touch', [summaryFile, outputFile]);
  const vars: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp, ...env,
  };
  for (const [name, value] of Object.entries(inputs)) vars[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd, env: vars, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
      resolve({ status, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs });
    });
  });
}

const CLEAN = `---\nblueprint: Clean\nstatus: tested\n---\n\n## Personas\n\n### Maria\n- heard: 2024-01-01, interview\n\n## Journey\n\n### Step: Reads the letter\n- persona: @maria\n- customer: reads it\n- tested: 2024-02-01 with @maria\n`;
/** Twelve steps, each with an unknown persona (error) and an unknown field (warning). */
const BROKEN = CLEAN + Array.from({ length: 12 }, (_, i) => `\n### Step: Broken ${i}\n- persona: @nobody${i}\n- customer: waits\n- colour: blue\n`).join('');

describe('GitHub Action', { timeout: 120_000 }, () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo({ 'services/apply.blueprint.md': CLEAN });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'services/apply.blueprint.md': BROKEN });
    repo.commit('break it');
  });
  afterAll(() => repo.dispose());

  it('the committed bundle equals a fresh build (run `npm run build:action` and commit action/index.js)', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bp-action-build-')), 'index.js');
    try {
      execFileSync(process.execPath, ['scripts/build-action.mjs', '--outfile', out], { cwd: REPO });
      expect(readFileSync(BUNDLE, 'utf8') === readFileSync(out, 'utf8'), 'action/index.js is stale: run `npm run build:action` and commit it').toBe(true);
    } finally {
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it('on a pull request: 10 annotations per severity, a notice for the rest, the summary with the diff, outputs, exit 1', async () => {
    const run = await runAction(repo.dir, { paths: 'services', 'sarif-file': 'blueprint.sarif', 'max-warnings': '' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' });
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::error file=services/apply.blueprint.md,'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning file=services/apply.blueprint.md,'))).toHaveLength(10);
    const notices = lines.filter((l) => l.startsWith('::notice file='));
    expect(notices.length).toBeLessThanOrEqual(10);
    expect(run.outputs.errors).toBe('12');
    expect(run.outputs.warnings).toBe('12');
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'blueprint.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    const total = sarif.runs[0]?.results.length ?? 0;
    expect(total).toBeGreaterThanOrEqual(24);
    // Everything not annotated is counted in one notice.
    const rest = total - 20 - notices.length;
    expect(lines.filter((l) => l.startsWith('::notice::'))).toEqual([`::notice::${rest} more blueprint findings are not annotated (GitHub shows 10 per severity); see the job summary.`]);
    expect(run.summary).toMatch(/^## Blueprint check\n/);
    expect(run.summary).toContain('| Line | Severity | Rule | Message |');
    // No remote in this repository: the base branch is found locally.
    expect(run.summary).toContain('## Blueprint changes\n\n`main` → `working tree`');
    expect(run.summary).toMatch(/Steps: 12 added/);
    // Then the coverage of personas across the journey, after the changes.
    const coverage = run.summary.indexOf('## Blueprint coverage\n');
    expect(coverage).toBeGreaterThan(run.summary.indexOf('## Blueprint changes'));
    const table = run.summary.slice(coverage).split('\n');
    expect(table).toContain('### Coverage: Clean (`services/apply.blueprint.md`)');
    expect(table).toContain('| Persona | Vulnerable | Heard | Tested | No stage |');
    expect(table).toContain('| Maria | no | yes (1) | yes (1) | 1 |');
    expect(table).toContain('| *Steps* |  |  |  | 13 |');
    expect(table).toContain('- `@nobody11`: No stage');
    expect(readFileSync(run.outputs.report as string, 'utf8')).toBe(run.summary);
  });

  it('without errors it exits 0; max-warnings fails it on warnings; outside a pull request there is no diff', async () => {
    repo.git('checkout', '-q', 'main');
    try {
      const clean = await runAction(repo.dir, {});
      expect(clean.status).toBe(0);
      expect(clean.outputs).toMatchObject({ errors: '0', warnings: '0' });
      expect(clean.summary).not.toContain('## Blueprint changes');
      expect(clean.summary).toContain('## Blueprint coverage\n');
      expect(clean.summary).toContain('| Maria | no | yes (1) | yes (1) | 1 |');
      repo.write({ 'services/apply.blueprint.md': CLEAN.replace('- customer: reads it', '- customer: reads it\n- colour: blue') });
      expect((await runAction(repo.dir, { 'max-warnings': '0' })).status).toBe(1);
      expect((await runAction(repo.dir, { 'max-warnings': 'many' })).status).toBe(2);
    } finally {
      repo.git('checkout', '-q', '--', '.');
      repo.git('checkout', '-q', 'feature');
    }
  });

  it('escapes file names and git messages in its workflow commands: a line break in a name starts no command of its own', async () => {
    const project = makeRepo({ 'ok.blueprint.md': CLEAN });
    try {
      // A name that is not UTF-8 is an input problem, reported with the name as a workflow command.
      const name = Buffer.concat([Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('\n::error file=evil.md,line=1::INJECTED %0A\r::add-mask::x.blueprint.md')]);
      writeFileSync(Buffer.concat([Buffer.from(`${project.dir}/`), name]), CLEAN);
      const run = await runAction(project.dir, { base: 'no-such-branch\n::error::REF' });
      expect(run.status).toBe(2);
      const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(commands.filter((line) => /INJECTED|add-mask|REF/.test(line))).toEqual([
        expect.stringMatching(/^::error::bad\uFFFD%0A::error file=evil.md,line=1::INJECTED %250A%0D::add-mask::x\.blueprint\.md: the file name is not valid UTF-8/),
        expect.stringMatching(/^::warning::blueprint diff against no-such-branch%0A::error::REF skipped: /),
      ]);
      expect(run.summary).toContain('Not compared with `no-such-branch ::error::REF`');
      // Committed, the name is in the base version too: the diff names it in a warning, escaped.
      project.commit('a name that is not UTF-8');
      const diffed = await runAction(project.dir, { base: 'main' });
      // (The input `.` is a folder to look in, not a file that cannot be read.)
      expect(diffed.stdout.split('\n').filter((line) => line.startsWith('::warning::blueprint diff: '))).toEqual([
        expect.stringMatching(/^::warning::blueprint diff: bad\uFFFD%0A::error file=evil.md,line=1::INJECTED %250A%0D::add-mask::x\.blueprint\.md \(main\): the file name is not valid UTF-8/),
        expect.stringMatching(/^::warning::blueprint diff: bad\uFFFD%0A.* \(working tree\): the file name is not valid UTF-8/),
      ]);
    } finally {
      project.dispose();
    }
  });
});

