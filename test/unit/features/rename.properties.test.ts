/**
 * Rename round trip (issue 9): for every name a heading can hold, renaming a persona
 * either is refused as a whole, or only its heading name, the slugs of the references to
 * it and link texts equal to its name change, and a fresh parse of the result reads the
 * heading as that name and every former reference as a reference to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, isRefusal, rename } from '../../../src/core/features/rename';
import { comparePositions } from '../../../src/core/features/positions';
import type { Range, TextEdit } from '../../../src/core/model';
import { idOf } from '../../../src/core/parse/ids';
import { anyName, plainName } from './names';
import { JOURNEY, PERSONAS, applyEdits, positionOf, uriOf, workspaceWith } from './workspace';

const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');
/** Maria is referenced as @maria (story and step), by a link, and in a tested: and emotion: value. */
const JOURNEY_WITH_MORE = JOURNEY.replace('- emotion: -2\n', '- emotion: @maria -2\n- tested: 2024-06-11 with @maria\n');
const files = { 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY_WITH_MORE };

const within = (inner: Range, outer: Range): boolean => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

async function check(name: string): Promise<void> {
  const workspace = await workspaceWith(files);
  const maria = workspace.get(personas)!.personas[0]!;
  const before = workspace.get(journey)!.references.map((ref) => workspace.resolve(journey, ref)?.item.id ?? null);
  const result = rename(workspace.index, personas, positionOf(PERSONAS, '### Maria', 4), name);
  if (isRefusal(result)) {
    const cleaned = cleanName(name);
    if (result.refused === 'multiLine') expect(cleaned).toEqual({ refused: 'multiLine' });
    if (result.refused === 'emptyName') expect(idOf(cleaned as string)).toBe('');
    expect(['multiLine', 'emptyName', 'nameTaken', 'notAReference', 'notAHeading', 'unsafe']).toContain(result.refused);
    return;
  }
  const cleaned = cleanName(name) as string;
  const id = idOf(cleaned);

  // Only target text: Maria's heading name, the references to her, their link texts.
  const allowed: Array<{ uri: string; range: Range }> = [
    { uri: personas, range: maria.nameRange },
    ...workspace.index.referencesTo(personas, 'maria', 'persona').map(({ uri, ref }) => ({ uri, range: ref.range })),
  ];
  for (const edit of result) expect(allowed.some((a) => a.uri === edit.uri && within(edit.range, a.range))).toBe(true);

  const forFile = (uri: string): TextEdit[] => result.filter((edit) => edit.uri === uri);
  const after = await workspaceWith({
    'personas.blueprint.md': applyEdits(PERSONAS, forFile(personas)),
    'journey.blueprint.md': applyEdits(JOURNEY_WITH_MORE, forFile(journey)),
  });
  const renamed = after.get(personas)!.personas[0]!;
  expect(renamed.name).toBe(cleaned);
  expect(renamed.id).toBe(id);
  const now = after.get(journey)!.references.map((ref) => after.resolve(journey, ref)?.item.id ?? null);
  expect(now).toEqual(before.map((was) => (was === 'maria' ? id : was)));
  expect(after.diagnostics(journey).map((d) => `${d.range.start.line}:${d.rule}`)).toEqual(
    workspace.diagnostics(journey).map((d) => `${d.range.start.line}:${d.rule}`),
  );
}

describe('rename round trip', () => {
  it('any name: refused as a whole, or only the target text changes and everything reads back', async () => {
    await fc.assert(fc.asyncProperty(anyName, check), { numRuns: 40 });
  });

  it('names of letters, marks, digits and spaces are never refused', async () => {
    await fc.assert(
      fc.asyncProperty(plainName, async (name) => {
        const workspace = await workspaceWith(files);
        expect(isRefusal(rename(workspace.index, personas, positionOf(PERSONAS, '### Maria', 4), name))).toBe(false);
        await check(name);
      }),
      { numRuns: 15 },
    );
  });

  it.each(['Maria 😀', 'Maria\nJansen', 'Ma]ria', '[Maria](https://x.example)', 'Maria <!-- c -->', 'Step: Maria', 'Zoe\u0308', '\u202eairaM', 'Maria &amp; Ahmed'])(
    'the issue\'s names: %j',
    async (name) => {
      await check(name);
    },
  );
});
