/** Which files `blueprint check` reads, and how `blueprint.config.json` steers it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { CLEAN_EN, CLEAN_NL, makeProject, requireBuiltCli, runCli, WITH_ERROR_EN, WITH_WARNING_NL, type JsonFinding } from './helpers';

/** Personas in their own file, used by a journey next to it. */
const SHARED_PERSONAS = `---
blueprint: Personas
---

# Personas

## Personas

### Maria
- heard: 2024-03-02, interview at home
`;

const JOURNEY_USING_SHARED = `---
blueprint: Apply for a living wage
lang: en
status: tested
personas: personas.blueprint.md
---

# Apply for a living wage

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
- tested: 2024-05-01 with @maria
`;

const project = makeProject({
  // a project with a configuration one folder up from where the command runs
  'repo/blueprint.config.json': JSON.stringify({ rules: { 'unknown-field': 'error', 'unused-persona': 'off' }, files: ['**/*.blueprint.md', 'docs/journeys/*.md'] }),
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/docs/a.blueprint.md': WITH_WARNING_NL,
  'repo/docs/journeys/plain.md': WITH_ERROR_EN,
  'repo/docs/notes.md': WITH_ERROR_EN,
  'repo/docs/node_modules/pkg/x.blueprint.md': WITH_ERROR_EN,
  'repo/docs/shared/personas.blueprint.md': SHARED_PERSONAS,
  'repo/docs/shared/apply.blueprint.md': JOURNEY_USING_SHARED,
  // no configuration here: defaults apply
  'plain/clean.blueprint.md': CLEAN_EN,
  'plain/warn.blueprint.md': WITH_WARNING_NL,
  'plain/README.md': WITH_ERROR_EN,
  'plain/.git/x.blueprint.md': WITH_ERROR_EN,
  'plain/broken-config/blueprint.config.json': '{ "rules": { "unknown-feild": "off" } ',
  'plain/broken-config/schoon.blueprint.md': CLEAN_NL,
  'plain/custom.json': JSON.stringify({ rules: { 'unknown-field': 'off' } }),
});
const root = project.dir;
const at = (folder: string): string => path.join(root, folder);
const json = (stdout: string): JsonFinding[] => JSON.parse(stdout) as JsonFinding[];

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('file selection', () => {
  it('without arguments checks the blueprint files under the current folder, skipping node_modules and .git', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('plain') });
    const files = new Set(json(result.stdout).map((row) => row.file));
    expect([...files]).toEqual(['warn.blueprint.md']);
    expect(result.status).toBe(0);
  });

  it('uses the `files` globs of the nearest configuration, relative to its folder', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('repo/docs') });
    const files = new Set(json(result.stdout).map((row) => row.file));
    expect(files.has('a.blueprint.md')).toBe(true);
    expect(files.has('journeys/plain.md')).toBe(true); // matched by docs/journeys/*.md, relative to the configuration's folder
    expect(files.has('notes.md')).toBe(false);
    expect([...files].some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('expands folders and globs, and checks a file named explicitly whatever its name', async () => {
    const result = await runCli(['check', 'plain', 'plain/README.md', 'repo/docs/*.blueprint.md', '-f', 'json'], { cwd: root });
    const files = new Set(json(result.stdout).map((row) => row.file));
    expect(files).toEqual(new Set(['plain/warn.blueprint.md', 'plain/README.md', 'repo/docs/a.blueprint.md']));
  });

  it('reports a persona file with the journeys around it as context, but not files only loaded as dependencies', async () => {
    const personas = await runCli(['check', 'personas.blueprint.md', '-f', 'json', '--config', '../../../plain/custom.json'], { cwd: at('repo/docs/shared') });
    // Maria is used by apply.blueprint.md next to it, so she is not "unused".
    expect(json(personas.stdout).filter((row) => row.rule === 'unused-persona')).toEqual([]);
    const journey = await runCli(['check', 'shared/apply.blueprint.md', '-f', 'json'], { cwd: at('repo/docs') });
    expect(json(journey.stdout).map((row) => row.file).filter((file) => file !== 'shared/apply.blueprint.md')).toEqual([]);
    expect(journey.status).toBe(0);
  });
});

describe.concurrent('configuration', () => {
  it('applies configured severities (found upward from the current folder)', async () => {
    const result = await runCli(['check', 'a.blueprint.md', '-f', 'json'], { cwd: at('repo/docs') });
    expect(json(result.stdout)).toContainEqual(expect.objectContaining({ rule: 'unknown-field', severity: 'error' }));
    expect(result.status).toBe(1);
  });

  it('--config replaces the nearest configuration', async () => {
    const result = await runCli(['check', 'a.blueprint.md', '-f', 'json', '--config', path.join(root, 'plain/custom.json')], { cwd: at('repo/docs') });
    expect(json(result.stdout).some((row) => row.rule === 'unknown-field')).toBe(false);
    expect(result.status).toBe(0);
  });

  it('an invalid configuration is named on stderr and exits 2, the files are still checked', async () => {
    const result = await runCli(['check', '-f', 'json'], { cwd: at('plain/broken-config') });
    expect(result.stderr).toMatch(/blueprint\.config\.json: .*not valid JSON/);
    expect(json(result.stdout)).toEqual([]);
    expect(result.status).toBe(2);
  });

  it('a missing --config file exits 2 with its name', async () => {
    const result = await runCli(['check', 'clean.blueprint.md', '--config', 'nope.json'], { cwd: at('plain') });
    expect(result.stderr).toContain('nope.json');
    expect(result.status).toBe(2);
  });
});
