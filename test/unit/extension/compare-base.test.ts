/**
 * "Compare with…" keeps its checked base version while nothing the base read has changed
 * (`src/extension/compare-base.ts`): a redraw for a keystroke in the working copy does not
 * parse and check the base again, and a change to a file the base points at does.
 */
import { describe, expect, it } from 'vitest';
import type { FileHost, FileReadResult } from '../../../src/core';
import { runToEnd } from '../../../src/core/steps';
import { BaseVersion, checkBase, stillCurrent } from '../../../src/extension/compare-base';

const BASE_URI = 'file:///project/journey.blueprint.md';
const PERSONAS_URI = 'file:///project/personas.blueprint.md';

const BASE = `---
blueprint: Journey
personas: personas.blueprint.md
---

# Journey

## Journey

### Step: Reads the letter
- persona: @maria
- customer: reads the letter
`;

const PERSONAS = (name: string): string => `---
blueprint: Personas
---

# Personas

## Personas

### ${name}
- heard: 2024-03-12, interview at home
`;

/** Files by URI; counts the reads so a test can tell a reuse from a fresh check. */
function filesHost(files: Map<string, FileReadResult>): FileHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: async (uri) => {
      reads.push(uri);
      return files.get(uri);
    },
  };
}

const inOneGo = async <T>(steps: Generator<void, T, void>): Promise<{ value: T }> => ({ value: runToEnd(steps) });
const rules = (diagnostics: ReadonlyArray<{ rule: string }>): string[] => diagnostics.map((d) => d.rule).sort();

describe('the base version of a comparison', () => {
  it('is checked with the files it points at, read through the host, and remembers each read', async () => {
    const files = new Map<string, FileReadResult>([[PERSONAS_URI, PERSONAS('Maria')]]);
    const base = await checkBase(BASE_URI, BASE, filesHost(files), inOneGo);
    expect(base).toBeDefined();
    expect(rules(base!.diagnostics)).not.toContain('unknown-persona');
    expect(base!.reads.get(PERSONAS_URI)).toBe(PERSONAS('Maria'));
    expect(await stillCurrent(base!, filesHost(files))).toBe(true);
  });

  it('is reused while every file it read reads the same, and checked again when one changes', async () => {
    const files = new Map<string, FileReadResult>([[PERSONAS_URI, PERSONAS('Maria')]]);
    const version = new BaseVersion(BASE_URI, BASE, filesHost(files));
    const first = await version.get(inOneGo);
    expect(await version.get(inOneGo)).toBe(first);

    // The persona is renamed in the personas file: the base's step now names an unknown persona.
    files.set(PERSONAS_URI, PERSONAS('Ahmed'));
    const second = await version.get(inOneGo);
    expect(second).not.toBe(first);
    expect(rules(second!.diagnostics)).toContain('unknown-persona');
    expect(await version.get(inOneGo)).toBe(second);
  });

  it('notices a file that appears, disappears or cannot be read differently', async () => {
    const files = new Map<string, FileReadResult>();
    const version = new BaseVersion(BASE_URI, BASE, filesHost(files));
    const missing = await version.get(inOneGo);
    expect(rules(missing!.diagnostics)).toContain('unresolved-file');
    expect(await version.get(inOneGo)).toBe(missing);

    files.set(PERSONAS_URI, PERSONAS('Maria'));
    const present = await version.get(inOneGo);
    expect(present).not.toBe(missing);
    expect(rules(present!.diagnostics)).not.toContain('unresolved-file');

    files.set(PERSONAS_URI, { problem: 'tooLarge' });
    const tooLarge = await version.get(inOneGo);
    expect(tooLarge).not.toBe(present);
    expect(await version.get(inOneGo)).toBe(tooLarge);
    files.set(PERSONAS_URI, { problem: 'notUtf8' });
    expect(await version.get(inOneGo)).not.toBe(tooLarge);
  });

  it('reads only the files to compare when reused, and never its own file (its text is given)', async () => {
    const files = new Map<string, FileReadResult>([[PERSONAS_URI, PERSONAS('Maria')]]);
    const host = filesHost(files);
    const version = new BaseVersion(BASE_URI, BASE, host);
    await version.get(inOneGo);
    expect(host.reads).not.toContain(BASE_URI);
    host.reads.length = 0;
    // As "Compare with…" against the same file's last commit: the editor's text of that file differs.
    files.set(BASE_URI, BASE.replace('reads the letter', 'opens the letter'));
    const first = await version.get(inOneGo);
    expect(await version.get(inOneGo)).toBe(first);
    expect(host.reads).toEqual([PERSONAS_URI, PERSONAS_URI]);
  });

  it('reads no file outside the project, as the working copy is checked (issue 9)', async () => {
    const outside = 'file:///secret/personas.blueprint.md';
    const files = new Map<string, FileReadResult>([[outside, PERSONAS('Maria')]]);
    const host = filesHost(files);
    const base = await checkBase(BASE_URI, BASE.replace('personas.blueprint.md', '../secret/personas.blueprint.md'), host, inOneGo, ['file:///project']);
    expect(host.reads).not.toContain(outside);
    expect(rules(base!.diagnostics)).toContain('unknown-persona');
    // Without roots (no project known) the same file is read: the refusal above is the roots'.
    const unbounded = filesHost(files);
    await checkBase(BASE_URI, BASE.replace('personas.blueprint.md', '../secret/personas.blueprint.md'), unbounded, inOneGo);
    expect(unbounded.reads).toContain(outside);
  });

  it('keeps nothing when its steps were stopped (the session was disposed)', async () => {
    const files = new Map<string, FileReadResult>([[PERSONAS_URI, PERSONAS('Maria')]]);
    const version = new BaseVersion(BASE_URI, BASE, filesHost(files));
    const stopped = async (): Promise<undefined> => undefined;
    expect(await version.get(stopped)).toBeUndefined();
    const checked = await version.get(inOneGo);
    expect(checked).toBeDefined();
  });
});
