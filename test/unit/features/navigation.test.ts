import { describe, expect, it } from 'vitest';
import { definition } from '../../../src/core/features/definition';
import { documentHighlights, references } from '../../../src/core/features/references';
import { isRefusal, prepareRename, rename } from '../../../src/core/features/rename';
import { JOURNEY, PERSONAS, after, applyEdits, positionOf, textAt, uriOf, workspaceWith } from './workspace';

const files = { 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY };
const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');

describe('definition', () => {
  it('goes from @maria to the heading in the shared personas file', async () => {
    const workspace = await workspaceWith(files);
    const [location] = definition(workspace.index, journey, positionOf(JOURNEY, '@maria', 2, 2));
    expect(location?.uri).toBe(personas);
    expect(textAt(PERSONAS, location!.range)).toBe('### Maria');
  });

  it('goes from a #story reference to the story heading in the same file', async () => {
    const workspace = await workspaceWith(files);
    const [location] = definition(workspace.index, journey, after(JOURNEY, '#benefit'));
    expect(location?.uri).toBe(journey);
    expect(textAt(JOURNEY, location!.range)).toBe('### Benefit stopped without explanation');
  });

  it('follows a cross-file link and a front-matter personas path', async () => {
    const workspace = await workspaceWith(files);
    const [viaLink] = definition(workspace.index, journey, positionOf(JOURNEY, '[Maria]', 1));
    expect(viaLink?.uri).toBe(personas);
    const [viaFrontMatter] = definition(workspace.index, journey, positionOf(JOURNEY, 'personas.blueprint.md', 3));
    expect(viaFrontMatter?.uri).toBe(personas);
  });

  it('finds nothing on plain text', async () => {
    const workspace = await workspaceWith(files);
    expect(definition(workspace.index, journey, positionOf(JOURNEY, 'reads the letter'))).toEqual([]);
  });
});

describe('references and highlights', () => {
  it('lists every reference to Maria across files, with the declaration when asked', async () => {
    const workspace = await workspaceWith(files);
    const found = references(workspace.index, personas, positionOf(PERSONAS, 'Maria'), true);
    expect(found[0]).toMatchObject({ uri: personas });
    expect(textAt(PERSONAS, found[0]!.range)).toBe('Maria');
    const inJourney = found.slice(1).map((location) => textAt(JOURNEY, location.range));
    expect(inJourney).toEqual(['@maria', '@maria', '[Maria](personas.blueprint.md#maria)']);
    expect(found.slice(1).every((location) => location.uri === journey)).toBe(true);
    expect(references(workspace.index, personas, positionOf(PERSONAS, 'Maria'), false)).toHaveLength(3);
  });

  it('highlights only the occurrences in the current file', async () => {
    const workspace = await workspaceWith(files);
    const highlights = documentHighlights(workspace.index, journey, positionOf(JOURNEY, '@maria', 1, 2));
    expect(highlights.map((h) => [textAt(JOURNEY, h.range), h.kind])).toEqual([
      ['@maria', 'read'],
      ['@maria', 'read'],
      ['[Maria](personas.blueprint.md#maria)', 'read'],
    ]);
    const onHeading = documentHighlights(workspace.index, journey, positionOf(JOURNEY, 'Benefit stopped'));
    expect(onHeading.map((h) => h.kind)).toEqual(['write', 'read']);
  });
});

describe('rename', () => {
  it('prepare-rename offers the name on a reference and refuses plain text', async () => {
    const workspace = await workspaceWith(files);
    const prepared = prepareRename(workspace.index, journey, positionOf(JOURNEY, '@ahmed', 3));
    expect(prepared).toMatchObject({ placeholder: 'Ahmed' });
    expect(isRefusal(prepared) ? '' : textAt(JOURNEY, prepared.range)).toBe('ahmed');
    expect(prepareRename(workspace.index, journey, positionOf(JOURNEY, 'fills in the form'))).toEqual({ refused: 'notRenamable' });
    expect(prepareRename(workspace.index, journey, positionOf(JOURNEY, '## Journey'))).toEqual({ refused: 'notRenamable' });
  });

  it('renames a persona: heading, every @ref and link, and nothing else', async () => {
    const workspace = await workspaceWith(files);
    const edits = rename(workspace.index, journey, positionOf(JOURNEY, '@maria', 2, 2), 'Maria Jansen');
    if (isRefusal(edits)) throw new Error(edits.refused);
    const forFile = (uri: string) => edits.filter((edit) => edit.uri === uri);

    const newPersonas = applyEdits(PERSONAS, forFile(personas));
    const newJourney = applyEdits(JOURNEY, forFile(journey));
    expect(newPersonas).toContain('### Maria Jansen\n');
    expect(newJourney.match(/@maria-jansen\b/g)).toHaveLength(2);
    expect(newJourney).toContain('[Maria Jansen](personas.blueprint.md#maria-jansen), @ahmed');
    expect(newJourney).not.toMatch(/@maria\b(?!-)/);

    // Byte for byte: the new texts are the old ones with exactly these replacements.
    expect(newPersonas).toBe(PERSONAS.replace('### Maria\n', '### Maria Jansen\n'));
    expect(newJourney).toBe(
      JOURNEY.replace(/@maria\b/g, '@maria-jansen').replace('[Maria](personas.blueprint.md#maria)', '[Maria Jansen](personas.blueprint.md#maria-jansen)'),
    );
  });

  it('renames a story from its heading and updates #refs', async () => {
    const workspace = await workspaceWith(files);
    const edits = rename(workspace.index, journey, positionOf(JOURNEY, 'Benefit stopped'), 'Letter without reason');
    if (isRefusal(edits)) throw new Error(edits.refused);
    const updated = applyEdits(JOURNEY, edits);
    expect(updated).toContain('### Letter without reason\n');
    expect(updated).toContain('- story: #letter-without-reason\n');
    expect(updated).toBe(
      JOURNEY.replace('### Benefit stopped without explanation', '### Letter without reason').replace('#benefit-stopped-without-explanation', '#letter-without-reason'),
    );
  });

  it('refuses an empty name or one another persona has', async () => {
    const workspace = await workspaceWith(files);
    const at = positionOf(PERSONAS, 'Maria');
    expect(rename(workspace.index, personas, at, '  @ ')).toEqual({ refused: 'emptyName' });
    expect(rename(workspace.index, personas, at, 'Ahmed')).toEqual({ refused: 'nameTaken' });
  });
});
