/** Issue 9: a folder with hostile front matter is checked as a process: findings, not a crash. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, requireBuiltCli, runCli, type JsonFinding } from './helpers';

const folder = fileURLToPath(new URL('../../fixtures/hostile/front-matter/', import.meta.url));
const project = makeProject(Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')])));

beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

describe('blueprint check on hostile front matter', () => {
  it('reports each alias as a parse error, checks every other file, exits 1 and writes nothing to stderr', async () => {
    const result = await runCli(['check', '.', '--format', 'json'], { cwd: project.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line} ${f.rule}`).sort();
    expect(findings).toEqual([
      'alias-bomb.blueprint.md:3 parse',
      'neighbour.blueprint.md:5 step-without-persona',
      'personas-alias.blueprint.md:3 parse',
      'unresolved-alias.blueprint.md:3 parse',
    ]);
  });
});
