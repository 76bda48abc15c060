import { describe, expect, it } from 'vitest';
import { DiagnosticsScheduler, type DiagnosticsSource } from '../../../src/core/features/diagnostics-scheduler';
import type { Diagnostic } from '../../../src/core/model';
import { JOURNEY, PERSONAS, uriOf, workspaceWith } from './workspace';

const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');

function recorder() {
  const published: Array<{ uri: string; rules: string[] }> = [];
  return { published, publish: (uri: string, diagnostics: Diagnostic[]) => published.push({ uri, rules: diagnostics.map((d) => d.rule) }) };
}

describe('DiagnosticsScheduler', () => {
  it('publishes once for a burst of edits, with the last text', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const { published, publish } = recorder();
    const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 5 });
    scheduler.update(journey, JOURNEY.replace('@ahmed', '@nobody'));
    scheduler.update(journey, JOURNEY.replace('@ahmed', '@nob'));
    await scheduler.idle();
    expect(published.filter((entry) => entry.uri === journey)).toHaveLength(1);
    expect(published[0]!.rules).toContain('unknown-persona');
    expect(workspace.get(journey)!.text).toContain('@nob\n');
  });

  it('re-checks the blueprints that use an edited personas file', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const { published, publish } = recorder();
    const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 0 });
    scheduler.update(personas, PERSONAS.replace('### Ahmed', '### Ahmet'));
    await scheduler.idle();
    expect(published.map((entry) => entry.uri).sort()).toEqual([journey, personas].sort());
    expect(published.find((entry) => entry.uri === journey)!.rules).toContain('unknown-persona');
  });

  it('drops results overtaken by an edit that arrived while dependencies were loading', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    let releaseLoad: () => void = () => {};
    let loadStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => { loadStarted = resolve; });
    let loads = 0;
    const slow: DiagnosticsSource = {
      setText: (uri, text) => workspace.setText(uri, text),
      diagnostics: (uri) => workspace.diagnostics(uri),
      dependents: (uri) => workspace.dependents(uri),
      loadDependencies: () => {
        if (++loads > 1) return Promise.resolve();
        loadStarted();
        return new Promise<void>((resolve) => { releaseLoad = resolve; });
      },
    };
    const { published, publish } = recorder();
    const scheduler = new DiagnosticsScheduler(slow, publish, { delayMs: 0 });
    scheduler.update(journey, JOURNEY.replace('@ahmed', '@stale'));
    const first = scheduler.flush();
    await started;
    scheduler.update(journey, JOURNEY);
    releaseLoad();
    await first;
    expect(published).toEqual([]);
    await scheduler.idle();
    expect(published).toHaveLength(1);
    expect(published[0]!.rules).not.toContain('unknown-persona');
  });

  it('refresh re-publishes without a text change (configuration changed)', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const { published, publish } = recorder();
    const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 0 });
    workspace.setConfig({ rules: { 'step-without-persona': 'off' } });
    scheduler.refresh([journey]);
    await scheduler.idle();
    expect(published).toHaveLength(1);
    expect(published[0]!.rules).not.toContain('step-without-persona');
    scheduler.dispose();
  });
});
