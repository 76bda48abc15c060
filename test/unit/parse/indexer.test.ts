/** Background indexing (issue 13): compact documents a file at a time, yielding, cancellable, cache first. */
import { describe, expect, it, vi } from 'vitest';
import { createBlueprintService, compactDocument, parseBlueprint, storeCompact } from '../../../src/core';
import { BlueprintWorkspace } from '../../../src/core/workspace/workspace';
import { indexFiles } from '../../../src/core/workspace/indexer';
import { BlueprintParser } from '../../../src/core/parse/parser';

const uri = (i: number): string => `file:///w/f${i}.blueprint.md`;
const text = (i: number): string => `## Personas\n\n### P${i}\n- heard: 2024-01-01\n\n## Journey\n\n### Step: S${i}\n- persona: @p${i}\n`;

describe('indexFiles', () => {
  it('keeps every file compactly, leaves open documents full, reports progress and takes cached documents unread', async () => {
    const service = createBlueprintService({ readFile: async () => undefined });
    service.setText(uri(0), text(0));
    const reads: string[] = [];
    const progress: number[] = [];
    const cached = compactDocument(parseBlueprint(text(3), uri(3)));
    const result = await service.indexFiles(
      {
        uris: [0, 1, 2, 3, 4].map(uri),
        read: async (u) => (reads.push(u), u === uri(4) ? undefined : text(Number(/f(\d)/.exec(u)![1]))),
        cached: async (u) => (u === uri(3) ? cached : undefined),
      },
      { onProgress: (done) => progress.push(done) },
    );
    expect(result).toMatchObject({ parsed: 2, cached: 1, skipped: 2, cancelled: false });
    expect(reads).not.toContain(uri(3));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(service.isCompact(uri(0))).toBe(false);
    expect(service.isCompact(uri(1))).toBe(true);
    expect(service.get(uri(3))).toBe(cached);
    expect(service.index.stepsUsingPersona(uri(2), 'p2')).toHaveLength(1);
  });

  it('stops between two files when cancelled, and yields to the host on the way', async () => {
    const service = createBlueprintService({ readFile: async () => undefined });
    const token = { cancelled: false };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const result = await service.indexFiles(
      { uris: Array.from({ length: 200 }, (_, i) => uri(i)), read: async (u) => text(Number(/f(\d+)/.exec(u)![1])) },
      { sliceMs: 1, onProgress: (done) => (token.cancelled = done === 150), token },
    );
    clearInterval(timer);
    expect(result.cancelled).toBe(true);
    expect(result.parsed).toBe(150);
    expect(service.get(uri(151))).toBeUndefined();
    expect(ticks).toBeGreaterThan(0);
    expect(result.longestTaskMs).toBeGreaterThanOrEqual(0);
  });

  it('yields inside one large file\'s parse, between its chunks, and gives the same compact document', async () => {
    const steps = Array.from({ length: 300 }, (_, i) => `### Step: S${i}\n- persona: @p1\n- customer: does ${i}\n`).join('\n');
    const big = `${text(1)}\n${steps}`;
    const service = createBlueprintService({ readFile: async () => undefined });
    let ticks = 0;
    let ticksWhenParsed = -1;
    const timer = setInterval(() => ticks++, 0);
    const result = await service.indexFiles({ uris: [uri(1)], read: async () => big }, { sliceMs: 0, onProgress: () => (ticksWhenParsed = ticks) });
    clearInterval(timer);
    expect(result.parsed).toBe(1);
    expect(ticksWhenParsed).toBeGreaterThan(0);
    // The JSON form holds the packed ranges too (a deep comparison sees only the objects' own fields).
    expect(storeCompact(service.get(uri(1))!)).toEqual(storeCompact(compactDocument(parseBlueprint(big, uri(1)))));
  });

  it('parses a file outside the indexed set that indexed files name (a personas file elsewhere) in the same slices', async () => {
    const people = 'file:///shared/people.blueprint.md';
    const peopleText = `${text(1)}\n${Array.from({ length: 300 }, (_, i) => `### Step: S${i}\n- persona: @p1\n`).join('\n')}`;
    const naming = text(2).replace('## Personas', '---\npersonas: ../shared/people.blueprint.md\n---\n\n## Personas');
    const service = createBlueprintService({ readFile: async (u) => (u === people ? peopleText : undefined) });
    const parse = vi.spyOn(BlueprintParser.prototype, 'parse');
    let ticks = 0;
    let ticksWhenIndexed = -1;
    const timer = setInterval(() => ticks++, 0);
    const result = await service.indexFiles({ uris: [uri(2)], read: async () => naming }, { sliceMs: 0, onProgress: () => (ticksWhenIndexed = ticks) });
    clearInterval(timer);
    const parsedInOneGo = parse.mock.calls.filter(([, u]) => u === people).length;
    parse.mockRestore();
    expect(result.cancelled).toBe(false);
    expect(parsedInOneGo).toBe(0);
    expect(ticks).toBeGreaterThan(ticksWhenIndexed + 1);
    expect(storeCompact(service.get(people)!)).toEqual(storeCompact(compactDocument(parseBlueprint(peopleText, people))));
  });

  it('leaves out a file whose parse a cancel interrupted', async () => {
    const big = text(1) + Array.from({ length: 50 }, (_, i) => `\n### Step: S${i}\n- persona: @p1\n`).join('');
    const service = createBlueprintService({ readFile: async () => undefined });
    const token = { cancelled: false };
    setTimeout(() => (token.cancelled = true), 0);
    const result = await service.indexFiles({ uris: [uri(1)], read: async () => big }, { sliceMs: 0, token });
    expect(result).toMatchObject({ cancelled: true, parsed: 0 });
    expect(service.get(uri(1))).toBeUndefined();
  });

  it('waits while an opened file\'s first parse runs in steps, so its problems come first', async () => {
    const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
    const open = 'file:///w/open.blueprint.md';
    const steps = workspace.setTextInSteps(open, Array.from({ length: 40 }, (_, i) => `### Step: S${i}\n- customer: does ${i}\n`).join('\n'));
    steps.next();
    expect(workspace.foregroundWork()).toBe(true);
    let done = 0;
    const indexing = indexFiles(workspace, { uris: [1, 2, 3].map(uri), read: async (u) => text(Number(/f(\d)/.exec(u)![1])) }, { sliceMs: 0, onProgress: (n) => (done = n) });
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(0);
    for (let step = steps.next(); !step.done; step = steps.next());
    expect(workspace.foregroundWork()).toBe(false);
    expect((await indexing).parsed).toBe(3);
    expect(workspace.isCompact(open)).toBe(false);
  });

  it('stops waiting for steps dropped without being finished', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
      workspace.setTextInSteps('file:///w/open.blueprint.md', '### Step: A\n\n### Step: B\n').next();
      expect(workspace.foregroundWork()).toBe(true);
      vi.advanceTimersByTime(3001);
      expect(workspace.foregroundWork()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
