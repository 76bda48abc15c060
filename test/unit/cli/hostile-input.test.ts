/**
 * Issue 9, the command line: hostile blueprints and configurations, and the mistakes a
 * first-time user makes. Every case runs the built CLI as a real process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_EN, makeProject, REPO, requireBuiltCli, runCli, type JsonFinding } from './helpers';

/** A step name carrying a screen clear, a bell and a right-to-left override. */
const NASTY_NAME = 'Pays \u001b[2J\u0007 \u202eevil\u202c';
/** A persona file name (repeated in the unresolved-file message) carrying Markdown. */
const MARKDOWN_PATH = '[link](https://evil.test) ![img](https://evil.test/x.png) <b>bold</b> www.evil.test';
const NASTY = CLEAN_EN.replace('lang: en\n', `lang: en\npersonas: "${MARKDOWN_PATH}"\n`).replace('### Step: Receives the letter\n- persona: @maria\n', `### Step: Receives the letter\n- persona: @maria\n\n### Step: ${NASTY_NAME}\n- customer: pays\n`);

const project = makeProject({
  'nasty/nasty.blueprint.md': NASTY,
  'bom/blueprint.config.json': '\uFEFF{ "rules": { "unused-persona": "off" } }',
  'bom/a.blueprint.md': CLEAN_EN,
  'proto/blueprint.config.json': '{\n  "__proto__": { "rules": { "step-without-persona": "off" } }\n}\n',
  'proto/a.blueprint.md': NASTY,
  'deep/blueprint.config.json': '['.repeat(5000) + ']'.repeat(5000),
  'deep/a.blueprint.md': CLEAN_EN,
  'broken/blueprint.config.json': '{ "rules": 3 }',
  'broken/a.blueprint.md': CLEAN_EN,
  'lang/a.blueprint.md': CLEAN_EN.replace('lang: en', 'lang: [en]'),
  'overwrite/a.blueprint.md': CLEAN_EN,
  'overwrite/.git/HEAD': 'ref: refs/heads/main\n',
  'configured/blueprint.config.json': JSON.stringify({ files: ['journeys/**/*.blueprint.md'] }),
  'configured/journeys/a.blueprint.md': CLEAN_EN,
  'configured/elsewhere/b.blueprint.md': CLEAN_EN.replace('- persona: @maria', '- persona: @marja'),
  ...Object.fromEntries((['lf', 'cr', 'crlf'] as const).map((name) => [
    `eol-${name}/a.blueprint.md`,
    CLEAN_EN.replace('- persona: @maria', '- persona: @marja').replace(/\n/g, { lf: '\n', cr: '\r', crlf: '\r\n' }[name]),
  ])),
});
const at = (folder: string): string => path.join(project.dir, folder);

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('terminal and Markdown safety of blueprint text', () => {
  it('stylish shows control and bidi characters as visible escapes, never raw', async () => {
    const result = await runCli(['check', '--no-color'], { cwd: at('nasty') });
    expect(result.stdout).toContain('Pays \\x1b[2J\\x07 \\u202eevil\\u202c');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  });

  it('github workflow commands carry no control characters into the CI log', async () => {
    const result = await runCli(['check', '--format', 'github'], { cwd: at('nasty') });
    const line = result.stdout.split('\n').find((row) => row.includes('Pays'));
    expect(line).toContain('Pays \\x1b[2J\\x07 \\u202eevil\\u202c');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  });

  it('the markdown report shows links, images, HTML and autolinks from blueprints as text', async () => {
    const result = await runCli(['check', '--format', 'markdown'], { cwd: at('nasty') });
    const html = micromark(result.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('[link](https://evil.test)');
    expect(html).toContain('![img](https://evil.test/x.png)');
    expect(html).not.toContain('evil.test"');
    expect(html).not.toMatch(/<img|<b>/);
    // The only links are the rules' documentation pages.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
  });
});

describe.concurrent('configuration mistakes', () => {
  it('accepts a configuration with a UTF-8 byte-order mark', async () => {
    const result = await runCli(['check'], { cwd: at('bom') });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a __proto__ key with its line and column, exit 2, and no rule is switched off', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('proto') });
    expect(result.stderr).toContain("blueprint.config.json: line 2, column 3: Unknown setting '__proto__'.");
    expect(result.status).toBe(2);
    const rows = JSON.parse(result.stdout) as JsonFinding[];
    expect(rows.some((row) => row.rule === 'step-without-persona')).toBe(true);
  });

  it('answers a configuration nested 5,000 levels with one error naming line and column, exit 2', async () => {
    const result = await runCli(['check'], { cwd: at('deep') });
    expect(result.stderr).toMatch(/^blueprint check: blueprint\.config\.json: nested more than 32 levels deep at line 1, column 33/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.status).toBe(2);
  });

  it('render exits 2 with a broken configuration, as check does', async () => {
    const [render, check] = await Promise.all([runCli(['render', 'a.blueprint.md'], { cwd: at('broken') }), runCli(['check'], { cwd: at('broken') })]);
    expect(render.stderr).toContain('blueprint render: blueprint.config.json: line 1, column 12: "rules" must be an object');
    expect(render.status).toBe(2);
    expect(check.status).toBe(2);
  });

  it('`lang: [en]` says the language must be one word, not that en is unknown', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('lang') });
    const messages = (JSON.parse(result.stdout) as JsonFinding[]).filter((row) => row.rule === 'parse').map((row) => row.message);
    expect(messages).toEqual(["'lang' must be one word, 'en' or 'nl', not a list or a number."]);
  });
});

describe.concurrent('command-line mistakes', () => {
  it('--max-warnings -1 means no limit, in both spellings', async () => {
    const [spaced, joined, wrong] = await Promise.all(
      [['--max-warnings', '-1'], ['--max-warnings=-1'], ['--max-warnings', '-2']].map((args) => runCli(['check', ...args], { cwd: at('lang') })),
    );
    for (const result of [spaced, joined]) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
    expect(wrong.stderr).toContain("--max-warnings needs a whole number of 0 or more (or -1 for no limit), not '-2'.");
    expect(wrong.status).toBe(2);
  });

  it.each([
    ['check', ['check', 'a.blueprint.md', '-o', 'a.blueprint.md']],
    ['check (another spelling)', ['check', 'a.blueprint.md', '-o', './../overwrite/a.blueprint.md']],
    ['render', ['render', 'a.blueprint.md', '-o', 'a.blueprint.md']],
  ])('%s -o refuses to write over an input file', async (_name, args) => {
    const result = await runCli(args, { cwd: at('overwrite') });
    expect(result.stderr).toMatch(/refusing to write .*over .*a\.blueprint\.md/);
    expect(result.status).toBe(2);
    expect(readFileSync(path.join(at('overwrite'), 'a.blueprint.md'), 'utf8')).toBe(CLEAN_EN);
  });

  it('a folder named on the command line is checked even where `files` would not look', async () => {
    const result = await runCli(['check', 'elsewhere', '-f', 'json'], { cwd: at('configured') });
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as JsonFinding[]).map((row) => `${row.file} ${row.rule}`)).toContain('elsewhere/b.blueprint.md unknown-persona');
    expect(result.status).toBe(1);
  });

  it('from the repository root, `check test/fixtures/realistic` checks that folder', async () => {
    const result = await runCli(['check', 'test/fixtures/realistic', '-f', 'json'], { cwd: REPO });
    expect(result.stderr).toBe('');
    const files = new Set((JSON.parse(result.stdout) as JsonFinding[]).map((row) => row.file));
    expect([...files].every((file) => file.startsWith('test/fixtures/realistic/'))).toBe(true);
    expect(files.size).toBeGreaterThan(0);
  });

  it('--help lists every format of check, markdown among them', async () => {
    const result = await runCli(['--help'], { cwd: REPO });
    expect(result.stdout).toContain('(stylish, json, sarif, github, markdown)');
  });
});

describe('line endings', () => {
  it('a CR-only (classic Mac) or CRLF file gives the findings of the LF file, on the same lines and columns', async () => {
    const results = await Promise.all(['lf', 'cr', 'crlf'].map((name) => runCli(['check', '--format', 'json', 'a.blueprint.md'], { cwd: at(`eol-${name}`) })));
    const [lf, cr, crlf] = results.map((result) => JSON.parse(result.stdout) as JsonFinding[]);
    expect(lf.map((row) => `${row.rule} ${row.line}:${row.column}`)).toEqual(['unused-persona 11:1', 'unknown-persona 17:12']);
    expect(cr).toEqual(lf);
    expect(crlf).toEqual(lf);
  });
});

describe('documentation', () => {
  it('the sample at the top of docs/cli.md is exactly what `check examples` prints', async () => {
    const docs = readFileSync(path.join(REPO, 'docs/cli.md'), 'utf8');
    const sample = /```sh\nnpx blueprint check examples\n```\n\n```text\n([\s\S]*?)```\n/.exec(docs)?.[1];
    const result = await runCli(['check', 'examples', '--no-color'], { cwd: REPO });
    expect(sample).toBe(result.stdout);
  });
});
