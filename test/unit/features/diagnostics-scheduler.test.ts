import { describe, expect, it, vi } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { BlueprintParser } from '../../../src/core/parse/parser';
import { memoryHost } from '../helpers/expectations';
import { turnsDuring } from '../extension/host-turns';
import { DiagnosticsScheduler, type DiagnosticsSource } from '../../../src/core/features/diagnostics-scheduler';
import type { Diagnostic } from '../../../src/core/model';
import { JOURNEY, PERSONAS, uriOf, workspaceWith } from './workspace';
import { generateBlueprint } from '../../../bench/generate';

const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');

function recorder() {
  const published: Array<{ uri: string; rules: string[] }> = [];
  const messages: string[][] = [];
  return {
    published,
    messages,
    publish: (uri: string, diagnostics: Diagnostic[]) => {
      published.push({ uri, rules: diagnostics.map((d) => d.rule) });
      messages.push(diagnostics.map((d) => d.message));
    },
  };
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

  describe('a file opened while the workspace is indexed (issue 13)', () => {
    const big = uriOf('big.blueprint.md');
    const BIG = generateBlueprint(60);
    it('parses and checks it in steps, giving the host turns, with the findings of a check in one go', async () => {
      const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS });
      const { published, publish } = recorder();
      const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 0, sliceMs: 0 });
      scheduler.update(big, BIG);
      const { turns } = await turnsDuring(() => scheduler.flush());
      // A step per chunk (a heading each) and per rule.
      expect(turns).toBeGreaterThan(60);
      const reference = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'big.blueprint.md': BIG });
      expect(published).toEqual([{ uri: big, rules: reference.diagnostics(big).map((d) => d.rule) }]);
      // Later edits reuse its results: one step.
      scheduler.update(big, BIG.replace('Step 7', 'Step seven'));
      expect((await turnsDuring(() => scheduler.flush())).turns).toBeLessThan(5);
      scheduler.dispose();
    });

    it('parsed() waits for the stepped parse of the newest text only, starting it without the quiet time, not for the check', async () => {
      const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS });
      const { published, publish } = recorder();
      const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 60_000, sliceMs: 0 });
      await scheduler.parsed(big); // nothing to parse: at once
      scheduler.update(big, BIG.replace('@maria', '@stale'));
      const waited = scheduler.parsed(big);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(scheduler.isParsing(big)).toBe(true);
      scheduler.update(big, BIG); // supersedes the parse under way
      await scheduler.parsed(big);
      await waited;
      expect(scheduler.isParsing(big)).toBe(false);
      expect(workspace.get(big)!.text).toBe(BIG);
      // The check comes after the parse, in steps: not published yet.
      expect(published).toEqual([]);
      await scheduler.idle();
      expect(published.map((entry) => entry.uri)).toEqual([big]);
      scheduler.update(big, BIG.replace('Step 7', 'Step seven'));
      const pending = scheduler.parsed(big);
      scheduler.dispose(); // a waiter never outlives the scheduler
      await pending;
    });

    it('an edit during the unfinished first parse or check supersedes it: only the newest text is published', async () => {
      for (const turnsBeforeEdit of [2, 40, 80]) {
        const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS });
        const { published, messages, publish } = recorder();
        const scheduler = new DiagnosticsScheduler(workspace, publish, { delayMs: 0, sliceMs: 0 });
        scheduler.update(big, BIG.replace('@maria', '@stale'));
        const first = scheduler.flush();
        for (let i = 0; i < turnsBeforeEdit; i++) await new Promise((resolve) => setTimeout(resolve, 0));
        const newest = BIG.replace('@maria', '@nobody');
        scheduler.update(big, newest);
        await first;
        await scheduler.idle();
        const reference = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'big.blueprint.md': newest });
        expect(published.at(-1)).toEqual({ uri: big, rules: reference.diagnostics(big).map((d) => d.rule) });
        expect(messages.at(-1)).toEqual(reference.diagnostics(big).map((d) => d.message));
        expect(messages.at(-1)!.join('\n')).toContain('nobody');
        expect(published.length).toBeLessThanOrEqual(2);
        if (published.length === 2) expect(turnsBeforeEdit).toBeGreaterThan(40);
        expect(workspace.get(big)!.text).toBe(newest);
        scheduler.dispose();
      }
    });
  });
});

describe('a personas file newly named in an edit (issue 9)', () => {
  // Big enough that its parse takes many slices; named by the edit, so loaded by the scheduler's run.
  const PEOPLE = generateBlueprint(400).replace(/^blueprint: .*$/m, 'blueprint: People');
  const people = uriOf('people.blueprint.md');
  const naming = JOURNEY.replace('personas: personas.blueprint.md', 'personas: people.blueprint.md');

  async function editNamingPeople(inSteps: boolean) {
    const workspace = new BlueprintWorkspace(memoryHost({ 'journey.blueprint.md': JOURNEY, 'people.blueprint.md': PEOPLE }, uriOf));
    workspace.setText(journey, JOURNEY);
    const source: DiagnosticsSource = {
      setText: (uri, text) => workspace.setText(uri, text),
      ...(inSteps ? { setTextInSteps: (uri: string, text: string) => workspace.setTextInSteps(uri, text) } : {}),
      diagnostics: (uri) => workspace.diagnostics(uri),
      dependents: (uri) => workspace.dependents(uri),
      isCompact: (uri) => workspace.isCompact(uri),
      loadDependencies: (options) => workspace.loadDependencies(options),
    };
    const parse = vi.spyOn(BlueprintParser.prototype, 'parse');
    const { published, publish } = recorder();
    const scheduler = new DiagnosticsScheduler(source, publish, { delayMs: 0, compactDependencies: true, sliceMs: 2 });
    scheduler.update(journey, naming);
    const { turns } = await turnsDuring(() => scheduler.flush());
    const parsedInOneGo = parse.mock.calls.filter(([, uri]) => uri === people).length;
    parse.mockRestore();
    return { workspace, published, turns, parsedInOneGo };
  }

  it('is parsed in steps, giving the host turns, when the source parses in steps (the editor)', async () => {
    const { workspace, published, turns, parsedInOneGo } = await editNamingPeople(true);
    expect(parsedInOneGo).toBe(0);
    expect(turns).toBeGreaterThan(2);
    // Known compactly, exactly as a parse in one go would know it.
    const reference = new BlueprintWorkspace(memoryHost({}, uriOf));
    expect(workspace.get(people)).toEqual(reference.setCompactText(people, PEOPLE));
    // The journey's problems are those of a workspace that loaded the file in one go.
    const oneGo = new BlueprintWorkspace(memoryHost({ 'people.blueprint.md': PEOPLE }, uriOf));
    oneGo.setText(journey, naming);
    await oneGo.loadDependencies({ compact: true });
    expect(published.find((entry) => entry.uri === journey)?.rules).toEqual(oneGo.diagnostics(journey).map((d) => d.rule));
    expect(workspace.index.scope(journey).some((item) => item.uri === people)).toBe(true);
  });

  it('is parsed in one go without steps (the CLI, the bench)', async () => {
    const { parsedInOneGo } = await editNamingPeople(false);
    expect(parsedInOneGo).toBe(1);
  });
});
