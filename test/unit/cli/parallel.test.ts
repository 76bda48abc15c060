/**
 * Large inputs are parsed on worker threads; the findings must be exactly those of a
 * parse on one thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBlueprint } from '../../../bench/generate';
import { requireBuiltCli, runCli } from './helpers';

describe('parallel parsing', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'blueprint-parallel-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reports the same findings with worker threads as on one thread', async () => {
    requireBuiltCli();
    // Large enough to cross the threshold for workers; with a few deliberate findings.
    const text = generateBlueprint(600)
      .replace('- persona: @maria, @ahmed', '- persona: @marja, @ahmed')
      .replace('- customer: reads the *letter* for step 300 and calls the office\n', '')
      .replace('- emotion: @henk 1;', '- emotion: @henk 9;');
    expect(text.length).toBeGreaterThan(256 * 1024);
    writeFileSync(path.join(folder, 'big.blueprint.md'), text);
    const [parallel, single] = await Promise.all([
      runCli(['check', 'big.blueprint.md', '--format', 'json'], { cwd: folder }),
      runCli(['check', 'big.blueprint.md', '--format', 'json'], { cwd: folder, env: { BLUEPRINT_THREADS: '1' } }),
    ]);
    expect(parallel.status).toBe(1);
    const findings = JSON.parse(parallel.stdout) as Array<{ rule: string }>;
    expect(findings.map((finding) => finding.rule).sort()).toEqual(['invalid-emotion', 'step-without-customer-action', 'unknown-persona']);
    expect(parallel.stdout).toBe(single.stdout);
  });
});
