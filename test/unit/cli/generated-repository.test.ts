/**
 * `blueprint check` keeps one full model at a time (issue 13): compact documents of every
 * file first, then each file checked and let go. On a generated repository (products in
 * folders, a shared personas file, links between products, a misspelt persona, missing
 * personas files, CRLF files) its JSON must be byte for byte what the CLI printed before:
 *
 * - against fixtures written by the CLI built from commit 81c42ac, which kept a full
 *   model of every file (test/fixtures/generated-repository/README.md);
 * - against the old way kept here as a reference: every file a full model in one workspace
 *   through the public service, for a larger repository and when messages change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { generateRepository } from '../../../bench/generate';
import { createBlueprintService } from '../../../src/core';
import { toFinding, type Finding } from '../../../src/cli/check/findings';
import { formatJson } from '../../../src/cli/format/json';
import { makeProject, REPO, requireBuiltCli, runCli } from './helpers';

const FIXTURES = path.join(REPO, 'test/fixtures/generated-repository');

/** The check as it was: every file a full model, all loaded before any is checked. */
async function withFullModels(dir: string, files: string[]): Promise<string> {
  const service = createBlueprintService({ readFile: async () => undefined });
  for (const file of files) service.setText(URI.file(path.join(dir, file)).toString(), readFileSync(path.join(dir, file), 'utf8'));
  await service.loadDependencies();
  const findings: Finding[] = [];
  for (const file of files) {
    for (const diagnostic of service.diagnostics(URI.file(path.join(dir, file)).toString())) {
      const where = diagnostic.uri && diagnostic.uri !== URI.file(path.join(dir, file)).toString() ? path.relative(dir, URI.parse(diagnostic.uri).fsPath) : file;
      findings.push(toFinding(where, diagnostic));
    }
  }
  return formatJson({ files, findings, inputProblems: [] });
}

describe('blueprint check on a generated repository', () => {
  let small: ReturnType<typeof makeProject>;
  let large: ReturnType<typeof makeProject>;
  beforeAll(() => {
    requireBuiltCli();
    small = makeProject(Object.fromEntries(generateRepository(60, 12)));
    large = makeProject(Object.fromEntries(generateRepository(100, 20)));
  });
  afterAll(() => {
    small.dispose();
    large.dispose();
  });

  it.each([
    ['all.json', []],
    ['products-g1.json', ['products/g1']],
    ['two-files.json', ['products/g0/product-8.blueprint.md', 'personas/shared.blueprint.md']],
  ])('prints %s as the CLI did before, byte for byte', async (fixture, args) => {
    const result = await runCli(['check', '--format', 'json', ...args], { cwd: small.dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readFileSync(path.join(FIXTURES, fixture), 'utf8'));
  }, 60_000);

  it('prints for 100 files of 20 steps what a workspace of full models finds', async () => {
    const files = [...generateRepository(100, 20).keys()].sort();
    const result = await runCli(['check', '--format', 'json', ...files], { cwd: large.dir });
    expect(result.status).toBe(1);
    const expected = await withFullModels(large.dir, files);
    expect(JSON.parse(expected).length).toBeGreaterThan(5);
    expect(result.stdout).toBe(expected);
  }, 120_000);
});
