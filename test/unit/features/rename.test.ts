/**
 * Rename with names a heading can hold but Markdown or the reference grammar reads
 * differently (issue 9): each rename either reads back exactly as intended in every file
 * or is refused as a whole, with a reason the editor turns into a message.
 */
import { describe, expect, it } from 'vitest';
import { isRefusal, rename } from '../../../src/core/features/rename';
import type { TextEdit } from '../../../src/core/model';
import { JOURNEY, PERSONAS, applyEdits, positionOf, uriOf, workspaceWith } from './workspace';

const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');
const files = { 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY };

/** Renames Maria from her heading and returns both files after the edits. */
async function renameMaria(newName: string, texts: Record<string, string> = files) {
  const workspace = await workspaceWith(texts);
  const result = rename(workspace.index, personas, positionOf(texts['personas.blueprint.md']!, '### Maria', 4), newName);
  if (isRefusal(result)) return { refused: result.refused, id: result.id };
  const forFile = (uri: string): TextEdit[] => result.filter((edit) => edit.uri === uri);
  return {
    personas: applyEdits(texts['personas.blueprint.md']!, forFile(personas)),
    journey: applyEdits(texts['journey.blueprint.md']!, forFile(journey)),
  };
}

/** The renamed persona and what every reference in the journey resolves to, read by a fresh workspace. */
async function readBack(texts: { personas?: string; journey?: string }) {
  const workspace = await workspaceWith({ 'personas.blueprint.md': texts.personas!, 'journey.blueprint.md': texts.journey! });
  const doc = workspace.get(journey)!;
  const persona = workspace.get(personas)!.personas[0]!;
  const resolved = doc.references.filter((ref) => ref.kind === 'persona').map((ref) => workspace.resolve(journey, ref)?.item.name ?? `unknown ${ref.text}`);
  return { persona, resolved, problems: workspace.diagnostics(journey).filter((d) => d.rule === 'unknown-persona') };
}

describe('rename with hostile names', () => {
  it('refuses a name ending in an emoji while @references exist: @maria- would read as @maria', async () => {
    expect(await renameMaria('Maria 😀')).toEqual({ refused: 'notAReference', id: 'maria-' });
  });

  it('renames to a name ending in an emoji when only links point at the persona', async () => {
    const linksOnly = { ...files, 'journey.blueprint.md': JOURNEY.replace(/- persona: @maria\n/g, '- persona: [Maria](personas.blueprint.md#maria)\n') };
    const result = await renameMaria('Maria 😀', linksOnly);
    expect(result.journey).toContain('[Maria 😀](personas.blueprint.md#maria-)');
    const back = await readBack(result);
    expect(back.persona).toMatchObject({ name: 'Maria 😀', id: 'maria-' });
    expect(back.resolved.filter((name) => name === 'Maria 😀')).toHaveLength(3);
    expect(back.problems).toEqual([]);
  });

  it.each([['a line feed', 'Maria\nJansen'], ['a carriage return', 'Maria\rJansen'], ['a line separator', 'Maria\u2028Jansen'], ['an escape character', 'Maria\u001b[2J']])(
    'refuses a name with %s',
    async (_, name) => {
      expect(await renameMaria(name)).toEqual({ refused: 'multiLine' });
    },
  );

  it('escapes ] and [ in the heading and in link text, so both read back as written', async () => {
    const result = await renameMaria('Maria [de] Vries');
    expect(result.personas).toContain('### Maria \\[de\\] Vries\n');
    expect(result.journey).toContain('[Maria \\[de\\] Vries](personas.blueprint.md#maria-de-vries)');
    const back = await readBack(result);
    expect(back.persona).toMatchObject({ name: 'Maria [de] Vries', id: 'maria-de-vries' });
    expect(back.resolved).toEqual(['Maria [de] Vries', 'Maria [de] Vries', 'Maria [de] Vries', 'Ahmed']);
  });

  it('writes a link in the name as text, not as a link', async () => {
    const result = await renameMaria('[Maria](https://evil.example)');
    expect(result.personas).toContain('### \\[Maria\\](https://evil.example)\n');
    const back = await readBack(result);
    expect(back.persona.name).toBe('[Maria](https://evil.example)');
    expect(back.problems).toEqual([]);
  });

  it('refuses an HTML comment in the name and a Step: prefix on a persona: the heading would read otherwise', async () => {
    expect(await renameMaria('Maria <!-- note -->')).toEqual({ refused: 'notAHeading' });
    expect(await renameMaria('Step: Maria')).toEqual({ refused: 'notAHeading' });
  });

  it('keeps emphasis characters and a # literal', async () => {
    const result = await renameMaria('Maria *the* _first_ C#');
    const back = await readBack(result);
    expect(back.persona.name).toBe('Maria *the* _first_ C#');
    expect(back.resolved.slice(0, 3)).toEqual(Array(3).fill('Maria *the* _first_ C#'));
  });

  it('writes a decomposed (NFD) name composed (NFC), and its references resolve', async () => {
    const result = await renameMaria('Zoe\u0308');
    expect(result.personas).toContain('### Zo\u00eb\n');
    expect(result.journey).toContain('@zo\u00eb');
    const back = await readBack(result);
    expect(back.resolved.slice(0, 3)).toEqual(['Zoë', 'Zoë', 'Zoë']);
  });

  it('refuses a name that another persona seen first by a referencing file already has', async () => {
    const ownZoe = JOURNEY.replace('## Stories', '## Personas\n\n### Zoë\n- heard: 2024-01-01\n\n## Stories');
    expect(await renameMaria('Zoë', { ...files, 'journey.blueprint.md': ownZoe })).toEqual({ refused: 'nameTaken' });
  });
});

describe('references to names in any Unicode form', () => {
  it('an NFD reference finds an NFC heading and the other way round', async () => {
    const nfcHeading = PERSONAS.replace('### Maria', '### Zo\u00eb');
    const nfdRefs = JOURNEY.replace(/@maria\b/g, '@Zoe\u0308');
    const back = await readBack({ personas: nfcHeading, journey: nfdRefs });
    expect(back.resolved.slice(0, 2)).toEqual(['Zoë', 'Zoë']);
    const nfdHeading = PERSONAS.replace('### Maria', '### Zoe\u0308');
    const nfcRefs = JOURNEY.replace(/@maria\b/g, '@zo\u00eb').replace('#maria)', '#zo\u00eb)');
    expect((await readBack({ personas: nfdHeading, journey: nfcRefs })).problems).toEqual([]);
  });

  it('a reference holds combining marks that have no composed form (Devanagari)', async () => {
    const back = await readBack({ personas: PERSONAS.replace('### Maria', '### अनीता'), journey: JOURNEY.replace(/@maria\b/g, '@अनीता') });
    expect(back.resolved.slice(0, 2)).toEqual(['अनीता', 'अनीता']);
  });
});
