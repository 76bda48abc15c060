/** `blueprint coverage` as a real process, in its three formats. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageJson } from '../../../src/core';
import { makeProject, REPO, requireBuiltCli, runCli } from './helpers';

const FIXTURES = path.join(REPO, 'test/fixtures/coverage');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const project = makeProject({
  'personas.blueprint.md': fixture('personas.blueprint.md'),
  'renew.blueprint.md': fixture('renew.blueprint.md'),
  'nl/bijstand.blueprint.md': fixture('bijstand.blueprint.md').replace("persona's: personas.blueprint.md", "persona's: ../personas.blueprint.md"),
  // Hostile names: markup and pipes must not break the table or the page.
  'odd.blueprint.md': `# Odd\n\n## Personas\n\n### A|b\n- vulnerable: yes\n\n## Journey\n\n### Stage: Pipe | stage a<b\n\n#### Step: One\n- persona: @ab\n\n### Stage: Later\n`,
});
const cwd = project.dir;
const ESC = '\u001b[';

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe.concurrent('blueprint coverage --format json', () => {
  it('prints one object per file with stages in journey order and every stage in each persona', async () => {
    const result = await runCli(['coverage', 'renew.blueprint.md', 'nl', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = JSON.parse(result.stdout) as CoverageJson[];
    expect(files.map((f) => f.file)).toEqual(['renew.blueprint.md', 'nl/bijstand.blueprint.md']);
    const [renew, bijstand] = files;
    expect(renew.stages[0]).toEqual({
      id: 'discover', title: 'Discover', steps: 2, withoutPersona: 0,
      basis: { heard: 1, assumed: 1, proposed: 0, none: 0 }, staged: true, line: 17,
    });
    expect(Object.keys(renew.stages[0]).slice(0, 5)).toEqual(['id', 'title', 'steps', 'withoutPersona', 'basis']);
    expect(renew.stages.map((s) => s.id)).toEqual(['discover', 'apply', 'renewal', 'no-stage']);
    const maria = renew.personas.find((p) => p.id === 'maria');
    expect(maria).toMatchObject({
      id: 'maria', name: 'Maria', vulnerable: true, heard: true, tested: true,
      stages: { discover: 2, apply: 0, renewal: 0, 'no-stage': 1 },
      heardEntries: ['2024-05-12, interview at home', '2024-06-02, phone call'],
      testedSteps: [{ step: 'looks-up-the-rules', stage: 'discover', line: 24 }, { step: 'fills-in-the-form', stage: 'apply', line: 32 }],
    });
    expect(Object.keys(maria ?? {}).slice(0, 6)).toEqual(['id', 'name', 'vulnerable', 'heard', 'tested', 'stages']);
    for (const persona of [...renew.personas, ...bijstand.personas]) {
      const stageIds = (persona === renew.personas.find((p) => p === persona) ? renew : bijstand).stages.map((s) => s.id);
      expect(Object.keys(persona.stages)).toEqual(stageIds);
    }
    expect(renew.personas.find((p) => p.id === 'lotte')).toMatchObject({ vulnerable: true, heard: false, tested: false });
    expect(renew.unknownPersonas).toEqual([{ id: 'ahmad', stages: { discover: 0, apply: 1, renewal: 0, 'no-stage': 0 }, total: 1 }]);
    expect(bijstand.lang).toBe('nl');
    expect(bijstand.stages.map((s) => [s.id, s.basis])).toEqual([
      ['oriënteren', { heard: 1, assumed: 1, proposed: 0, none: 0 }],
      ['aanvragen', { heard: 0, assumed: 0, proposed: 1, none: 1 }],
    ]);
  });

  it('leaves out files without a journey, such as the shared personas file', async () => {
    const result = await runCli(['coverage', '-f', 'json'], { cwd });
    const files = JSON.parse(result.stdout) as CoverageJson[];
    expect(files.map((f) => f.file).sort()).toEqual(['nl/bijstand.blueprint.md', 'odd.blueprint.md', 'renew.blueprint.md']);
  });

  it('reports a missing file on stderr with exit code 2 and still covers the others', async () => {
    const result = await runCli(['coverage', 'renew.blueprint.md', 'missing.blueprint.md', '-f', 'json'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing.blueprint.md');
    expect((JSON.parse(result.stdout) as CoverageJson[]).map((f) => f.file)).toEqual(['renew.blueprint.md']);
  });

  it('rejects an unknown format with exit code 2', async () => {
    const result = await runCli(['coverage', '--format', 'sarif'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown format 'sarif'. Use one of:");
  });
});

describe.concurrent('blueprint coverage --format markdown', () => {
  it('prints a table per file: personas as rows with marks, stages as columns, in the file\'s language', async () => {
    const result = await runCli(['coverage', 'renew.blueprint.md', 'nl/bijstand.blueprint.md', '--format', 'markdown'], { cwd });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('### Coverage: Renew a parking permit (`renew.blueprint.md`)');
    expect(lines).toContain('| Persona | Vulnerable | Heard | Tested | Discover | Apply | Renewal | No stage |');
    expect(lines).toContain('| Maria | ⚠️ yes | yes (2) | yes (2) | 2 | ⚠️ 0 | ⚠️ 0 | 1 |');
    expect(lines).toContain('| Sanne | no | yes (1) | yes (1) | 1 | 0 | 0 | 0 |');
    expect(lines).toContain('| *Without persona* |  |  |  | 0 | 0 | 0 | 0 |');
    expect(lines).toContain('- `@ahmad`: Apply');
    expect(lines).toContain('### Dekking: Bijstand aanvragen (`nl/bijstand.blueprint.md`)');
    expect(lines).toContain('| Persona | Kwetsbaar | Gehoord | Getest | Oriënteren | Aanvragen |');
    expect(lines).toContain('| Kees | ⚠️ ja | ja (1) | ja (1) | 1 | ⚠️ 0 |');
    expect(lines).toContain('| *Basis: gehoord / aangenomen / voorstel / niet gegeven* |  |  |  | 1 / 1 / 0 / 0 | 0 / 0 / 1 / 1 |');
  });

  it('escapes pipes and markup from the blueprint', async () => {
    const result = await runCli(['coverage', 'odd.blueprint.md', '-f', 'markdown'], { cwd });
    expect(result.stdout).toContain('| Persona | Vulnerable | Heard | Tested | Pipe \\| stage a\\<b | Later |');
    expect(result.stdout).toContain('| A\\|b | ⚠️ yes | no | no | 1 | ⚠️ 0 |');
    expect(result.stdout).not.toContain("a<b");
  });
});

describe.concurrent('blueprint coverage (stylish)', () => {
  it('prints an aligned table per file with the stages, basis and unknown personas', async () => {
    const result = await runCli(['coverage', 'renew.blueprint.md'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('renew.blueprint.md  Renew a parking permit');
    const header = lines[1];
    expect(header.trim().split(/\s{2,}/)).toEqual(['Persona', 'Vulnerable', 'Heard', 'Tested', 'Discover', 'Apply', 'Renewal', 'No stage']);
    const maria = lines.find((l) => l.trimStart().startsWith('Maria'));
    expect(maria?.trim().split(/\s{2,}/)).toEqual(['Maria', '! yes', 'yes', 'yes (2)', '2', '0', '0', '1']);
    // Numbers are right-aligned under their stage.
    expect(maria?.length).toBe(header.length);
    expect(lines.some((l) => /^\s+Basis heard\/assumed\/proposed\/not given\s+1\/1\/0\/0\s+0\/0\/1\/1\s+0\/0\/0\/0\s+0\/0\/0\/1$/.test(l))).toBe(true);
    expect(result.stdout).toContain('Personas used in the journey but defined nowhere: @ahmad');
  });

  it('colours the empty stages of vulnerable personas when colours are forced', async () => {
    const result = await runCli(['coverage', 'renew.blueprint.md'], { cwd, env: { FORCE_COLOR: '1' } });
    const lotte = result.stdout.split('\n').find((l) => l.includes('Lotte')) ?? '';
    expect(lotte).toContain(`${ESC}33m`);
    const plain = await runCli(['coverage', 'renew.blueprint.md', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
  });

  it('shows its options with --help and is listed in the main help', async () => {
    const help = await runCli(['coverage', '--help'], { cwd });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--format <name>      stylish (default), json or markdown');
    const main = await runCli(['--help'], { cwd });
    expect(main.stdout).toMatch(/^\s+coverage\s+show which personas/m);
  });
});
