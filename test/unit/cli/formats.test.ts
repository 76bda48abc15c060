/** The output formats of `blueprint check`, from the built bundle. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../../src/core/rules/registry';
import { CLEAN_EN, CLEAN_NL, makeProject, REPO, requireBuiltCli, runCli, WITH_ERROR_EN, WITH_WARNING_NL, type JsonFinding } from './helpers';

const project = makeProject({
  'en/apply.blueprint.md': WITH_ERROR_EN,
  'nl/aanvraag.blueprint.md': WITH_WARNING_NL,
  'nl/schoon.blueprint.md': CLEAN_NL,
  // A file name with characters that workflow commands and URIs must escape.
  'odd, name: 100%.blueprint.md': WITH_WARNING_NL,
});
const cwd = project.dir;
const ESC = '\u001b[';

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('--format json', () => {
  it('prints one array with 1-based positions and the documented fields', async () => {
    const result = await runCli(['check', 'en', 'nl', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    const rows = JSON.parse(result.stdout) as JsonFinding[];
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message']);
      expect(['error', 'warning', 'info', 'hint']).toContain(row.severity);
    }
    // `- persona: @marja` is line 17; `@` is the 12th character.
    expect(rows).toContainEqual({
      file: 'en/apply.blueprint.md',
      line: 17,
      column: 12,
      endLine: 17,
      endColumn: 18,
      rule: 'unknown-persona',
      severity: 'error',
      message: expect.stringContaining("'marja'") as string,
    });
    // Dutch file, Dutch message: `- achtrkant: ...` on line 19, from column 3.
    expect(rows).toContainEqual(
      expect.objectContaining({ file: 'nl/aanvraag.blueprint.md', line: 19, column: 3, rule: 'unknown-field', severity: 'warning', message: expect.stringContaining('Onbekend veld') as string }),
    );
    expect(rows.some((row) => row.file === 'nl/schoon.blueprint.md')).toBe(false);
  });

  it('prints an empty array when there is nothing to report', async () => {
    const result = await runCli(['check', 'nl/schoon.blueprint.md', '-f', 'json'], { cwd });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });
});

describe.concurrent('--format stylish', () => {
  it('groups findings per file with line:col, severity, message and rule, then a summary', async () => {
    const result = await runCli(['check', 'en', 'nl'], { cwd });
    const lines = result.stdout.split('\n');
    const en = lines.indexOf('en/apply.blueprint.md');
    const nl = lines.indexOf('nl/aanvraag.blueprint.md');
    expect(en).toBeGreaterThanOrEqual(0);
    expect(nl).toBeGreaterThan(en);
    expect(lines.slice(en + 1, nl).join('\n')).toMatch(/^ {2}17:12 +error +No persona 'marja'.* {2}unknown-persona$/m);
    expect(lines.slice(nl + 1).join('\n')).toMatch(/^ {2}19:3 +warning +Onbekend veld 'achtrkant'.* {2}unknown-field$/m);
    expect(result.stdout).toContain('✖ 3 problems (1 error, 1 warning, 0 infos, 1 hint)');
    expect(result.stdout).not.toContain(ESC);
  });

  it('says so when there are no problems', async () => {
    const result = await runCli(['check', 'nl/schoon.blueprint.md'], { cwd });
    expect(result.stdout.trim()).toBe('✔ No problems in 1 file');
  });

  it('does not claim "no problems" when nothing could be checked', async () => {
    const result = await runCli(['check', 'nl/does-not-exist.blueprint.md'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stdout.trim()).toBe('✖ No blueprint files were checked');
    expect(result.stderr).toContain('does-not-exist.blueprint.md');
  });

  it('uses colours when FORCE_COLOR is set, and not with NO_COLOR or --no-color', async () => {
    const [forced, noColor, flag] = await Promise.all([
      runCli(['check', 'en'], { cwd, env: { FORCE_COLOR: '1' } }),
      runCli(['check', 'en'], { cwd, env: { NO_COLOR: '1' } }),
      runCli(['check', 'en', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toContain(ESC);
    expect(noColor.stdout).not.toContain(ESC);
    expect(flag.stdout).not.toContain(ESC);
  });
});

describe.concurrent('--format github', () => {
  it('prints one workflow command per finding with escaped properties and message', async () => {
    const result = await runCli(['check', 'en', 'odd, name: 100%.blueprint.md', '--format', 'github'], { cwd });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      "::error file=en/apply.blueprint.md,line=17,col=12,endLine=17,endColumn=18,title=unknown-persona::No persona 'marja' is defined in this file or its persona files. Did you mean '@maria'?",
    );
    // hints and infos become notices
    expect(lines.some((line) => line.startsWith('::notice file=en/apply.blueprint.md,') && line.includes('title=unused-persona::'))).toBe(true);
    // `,` `:` and `%` in the file name are escaped so they cannot end the property.
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=odd%2C name%3A 100%25\.blueprint\.md,line=19,col=3,endLine=19,endColumn=\d+,title=unknown-field::/));
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
  });

  it('a file name with CR, LF, `::` and `%0A` stays inside its command: no forged command of its own', async () => {
    const project = makeProject({ 'x\r\n::error file=evil.md,line=1::forged %0A.blueprint.md': WITH_ERROR_EN });
    try {
      const result = await runCli(['check', '.', '--format', 'github'], { cwd: project.dir });
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => /^::(error|notice) file=x%0D%0A%3A%3Aerror file=evil\.md%2Cline=1%3A%3Aforged %250A\.blueprint\.md,line=/.test(line))).toBe(true);
    } finally {
      project.dispose();
    }
  });
});

describe('--format markdown', () => {
  // A step whose name has a pipe and markup: the message must stay inside its table cell.
  const pipes = makeProject({
    'apply.blueprint.md': WITH_ERROR_EN.replace('### Step: Receives the letter\n', '### Step: Receives the letter\n\n### Step: Calls | asks if 1 < 2\n- customer: phones\n\n### Step: Reads\n'),
  });
  afterAll(() => pipes.dispose());

  it('prints the totals and a table per file, rules linked to their docs, cells escaped', async () => {
    const result = await runCli(['check', '--format', 'markdown'], { cwd: pipes.dir });
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('## Blueprint check');
    expect(lines[2]).toMatch(/^✖ \d+ problems \(1 error, \d+ warnings?, \d+ infos?, \d+ hints?\) in 1 of 1 checked file\.$/);
    expect(lines).toContain('### apply.blueprint.md');
    expect(lines).toContain('| Line | Severity | Rule | Message |');
    const unknown = lines.find((line) => line.includes('`unknown-persona`'));
    expect(unknown).toMatch(/^\| 22:12 \| error \| \[`unknown-persona`\]\(https:\/\/\S+\/docs\/rules\/unknown-persona\.md\) \| No persona 'marja'/);
    const piped = lines.find((line) => line.includes('Calls'));
    expect(piped).toContain("Step 'Calls \\| asks if 1 \\< 2'");
    // Every row has exactly four cells: no unescaped pipe split one.
    for (const row of lines.filter((line) => line.startsWith('| ') && !line.startsWith('| Line'))) {
      expect(row.split(/(?<!\\)\|/).length, row).toBe(6);
    }
  });

  it('says so when there is nothing to report', async () => {
    const clean = makeProject({ 'a.blueprint.md': CLEAN_EN });
    try {
      const result = await runCli(['check', '--format', 'markdown'], { cwd: clean.dir });
      expect(result.stdout).toBe('## Blueprint check\n\n✔ No problems in 1 file.\n');
      expect(result.status).toBe(0);
    } finally {
      clean.dispose();
    }
  });

  it('is appended to the GitHub Actions job summary by --format github', async () => {
    const summary = path.join(pipes.dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = await runCli(['check', 'apply.blueprint.md', '--format', 'github'], { cwd: pipes.dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout.trimEnd().split('\n').every((line) => line.startsWith('::'))).toBe(true);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# Earlier step\n## Blueprint check\n')).toBe(true);
    expect(written).toContain('`unknown-persona`');
    expect(result.status).toBe(1);
  });
});

describe.concurrent('--format sarif', () => {
  it('prints a SARIF 2.1.0 log with the registry rules, results and relative locations', async () => {
    const result = await runCli(['check', 'en', 'nl', '--format', 'sarif'], { cwd, env: {} });
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(driver.name).toBe('blueprint');
    expect(driver.version).toBe(version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const rules = driver.rules ?? [];
    for (const rule of allRules) {
      const descriptor = rules.find((r) => r.id === rule.id);
      expect(descriptor, rule.id).toBeDefined();
      expect(descriptor?.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      const expected = rule.defaultSeverity === 'error' ? 'error' : rule.defaultSeverity === 'warning' ? 'warning' : 'note';
      expect(descriptor?.defaultConfiguration?.level).toBe(expected);
    }
    expect(run.originalUriBaseIds?.SRCROOT?.uri).toMatch(/^file:\/\/.*\/$/);

    const results = run.results ?? [];
    expect(results.length).toBe(3);
    for (const r of results) {
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
      const location = r.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uriBaseId).toBe('SRCROOT');
      expect(location?.artifactLocation?.uri).not.toMatch(/^(file:|\/)/);
      expect(location?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(location?.region?.startColumn).toBeGreaterThanOrEqual(1);
    }
    const unknown = results.find((r) => r.ruleId === 'unknown-persona');
    expect(unknown?.level).toBe('error');
    expect(unknown?.message.text).toContain("'marja'");
    expect(unknown?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('en/apply.blueprint.md');
    expect(unknown?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 17, startColumn: 12, endLine: 17, endColumn: 18 });
    // a hint is a note
    expect(results.find((r) => r.ruleId === 'unused-persona')?.level).toBe('note');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
  });

  it('writes to --output-file, percent-encodes paths, and records unreadable inputs', async () => {
    const result = await runCli(['check', 'odd, name: 100%.blueprint.md', 'gone.blueprint.md', '-f', 'sarif', '-o', 'out.sarif'], { cwd });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
    const log = JSON.parse(readFileSync(path.join(cwd, 'out.sarif'), 'utf8')) as Sarif.Log;
    const run = log.runs[0];
    expect(run.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('odd%2C%20name%3A%20100%25.blueprint.md');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toContain('gone.blueprint.md');
  });
});

describe.concurrent('the examples folder', () => {
  it('reports the deliberate findings of the shipped examples and exits 1', async () => {
    const result = await runCli(['check', 'examples', '--format', 'json'], { cwd: REPO });
    expect(result.status).toBe(1);
    const rows = JSON.parse(result.stdout) as JsonFinding[];
    const files = new Set(rows.map((row) => row.file));
    expect([...files].every((file) => file.startsWith('examples/') && file.endsWith('.blueprint.md'))).toBe(true);
    expect(files.size).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => row.severity === 'error')).toBe(true);
    // Findings come in both languages.
    expect(rows.some((row) => /^(Geen|Onbekend|Stap|Persona '.*' staat)/.test(row.message))).toBe(true);
    expect(rows.some((row) => /^(No |Step |Stage |Persona )/.test(row.message))).toBe(true);
  });
});
