/** `blueprint render --view --persona --theme --no-findings`, run as a real process. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireBuiltCli, runCli } from './helpers';

const EXAMPLE = path.join(REPO, 'examples', 'apply-for-housing-benefit.blueprint.md');
const cwd = REPO;

beforeAll(requireBuiltCli);

describe.concurrent('blueprint render views', () => {
  it('--view client: no backstage or support lane and no finding on the page', async () => {
    const full = await runCli(['render', EXAMPLE], { cwd });
    expect(full.stdout).toContain('data-lane="backstage"');
    expect(full.stdout).toContain('data-rule=');
    const client = await runCli(['render', EXAMPLE, '--view', 'client'], { cwd });
    expect(client.status).toBe(0);
    expect(client.stdout).not.toMatch(/<tr[^>]*data-lane="(backstage|support|line-of-visibility)"|data-rule=|class="bp-outside"/);
    expect(client.stdout).toContain('data-lane="customer"');
  });

  it('--persona dims the other steps; an unknown persona is an input error naming the known ones', async () => {
    const result = await runCli(['render', EXAMPLE, '--persona', '@Maria', '--theme', 'dark', '--no-findings'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/<th data-dimmed class="bp-dim bp-step/);
    expect(result.stdout).toContain('class="bp bp-dark"');
    expect(result.stdout).not.toContain('data-rule=');
    const unknown = await runCli(['render', EXAMPLE, '--persona', 'nobody'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("No persona 'nobody' in ");
    expect(unknown.stderr).toContain('maria');
  });

  it('--view journey draws the journey without a grid; --persona narrows the Mermaid source too', async () => {
    const journey = await runCli(['render', EXAMPLE, '--view', 'journey', '--persona', 'maria'], { cwd });
    expect(journey.stdout).toContain('class="bp-journey"');
    expect(journey.stdout).not.toContain('<table');
    const mermaid = await runCli(['render', EXAMPLE, '--format', 'mermaid', '--persona', 'maria'], { cwd });
    expect(mermaid.stdout).toMatch(/^journey\n/);
    for (const line of mermaid.stdout.split('\n').filter((l) => /^ {4}\d/.test(l))) expect(line).toContain('Maria');
  });

  it('refuses an unknown view', async () => {
    const result = await runCli(['render', EXAMPLE, '--view', 'poster'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown view 'poster'. Use one of: grid, client, journey, coverage.");
  });
});
