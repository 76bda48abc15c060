import { describe, expect, it } from 'vitest';
import { completions } from '../../../src/core/features/completion';
import { hover } from '../../../src/core/features/hover';
import { JOURNEY, PERSONAS, after, positionOf, textAt, uriOf, workspaceWith } from './workspace';

const journey = uriOf('journey.blueprint.md');

/** The journey with one extra line typed at the end of the first step. */
function typed(line: string): string {
  return JOURNEY.replace('- emotion: -2\n', `- emotion: -2\n${line}\n`);
}

async function completeAfter(line: string, cursorAfter = line) {
  const text = typed(line);
  const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': text });
  const items = completions(workspace.index, journey, after(text, cursorAfter), 'en');
  return { items, text };
}

describe('completion', () => {
  it('offers the personas in scope after @, with their summary, replacing the typed word', async () => {
    const { items, text } = await completeAfter('- pain: hard for @ma');
    expect(items.map((item) => item.label)).toEqual(['@maria', '@ahmed']);
    expect(items[0]).toMatchObject({ kind: 'persona', insertText: 'maria' });
    expect(items[0]!.detail).toContain('Single mother of two');
    expect(items[0]!.documentation).toContain('Vulnerable: yes');
    expect(textAt(text, items[0]!.range)).toBe('ma');
  });

  it('offers personas with their @ inside a persona: value, after a separator', async () => {
    const { items, text } = await completeAfter('- persona: @maria, ah');
    expect(items.map((item) => item.insertText)).toEqual(['@maria', '@ahmed']);
    expect(textAt(text, items[0]!.range)).toBe('ah');
  });

  it('offers stories (then steps) after # in a list item, and stories in a story: value', async () => {
    const { items } = await completeAfter('- idea: see #');
    expect(items[0]).toMatchObject({ label: '#benefit-stopped-without-explanation', kind: 'story' });
    expect(items[0]!.detail).toContain('Nobody told me');
    expect(items.filter((item) => item.kind === 'step').map((item) => item.label)).toContain('#calls-the-office');
    const inValue = await completeAfter('- story: ');
    expect(inValue.items.map((item) => [item.label, item.insertText])).toEqual([
      ['#benefit-stopped-without-explanation', '#benefit-stopped-without-explanation'],
    ]);
  });

  it('offers heading anchors after (# and after (file.md#', async () => {
    const own = await completeAfter('- idea: [see](#');
    expect(own.items.map((item) => item.label)).toContain('#receives-the-letter');
    const other = await completeAfter('- idea: [see](personas.blueprint.md#');
    expect(other.items.map((item) => item.label)).toEqual(['#maria', '#ahmed']);
  });

  it('offers field keys at the start of a list item: step lanes in a step, persona fields in a persona', async () => {
    const { items } = await completeAfter('- fro');
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['customer', 'frontstage', 'backstage', 'emotion']));
    expect(items.find((item) => item.label === 'frontstage')).toMatchObject({ insertText: 'frontstage: ', kind: 'field' });
    expect(items.find((item) => item.label === 'frontstage')!.detail).toMatch(/in sight of the customer/);

    const text = PERSONAS.replace('- vulnerable: no\n', '- vulnerable: no\n- \n');
    const workspace = await workspaceWith({ 'personas.blueprint.md': text });
    const personaKeys = completions(workspace.index, uriOf('personas.blueprint.md'), after(text, '- vulnerable: no\n- '), 'en');
    expect(personaKeys.map((item) => item.label)).toEqual(expect.arrayContaining(['heard', 'needs', 'vulnerable']));
    expect(personaKeys.map((item) => item.label)).not.toContain('frontstage');
  });

  it('offers the persona fields for `- ` typed right under the description line, which Markdown reads as a setext underline', async () => {
    for (const typedLine of ['- ', '-', '-  ']) {
      const text = PERSONAS.replace('lost her benefit in 2019.\n', `lost her benefit in 2019.\n${typedLine}\n`);
      const workspace = await workspaceWith({ 'personas.blueprint.md': text });
      const cursor = after(text, `2019.\n${typedLine}`);
      const keys = completions(workspace.index, uriOf('personas.blueprint.md'), cursor, 'en', typedLine.endsWith(' ') ? ' ' : undefined);
      if (typedLine === '-') {
        expect(keys).toEqual([]);
        continue;
      }
      expect(keys.map((item) => item.label)).toEqual(expect.arrayContaining(['heard', 'needs', 'age']));
      expect(keys.map((item) => item.label)).not.toContain('frontstage');
    }
    // A second description line above: the whole paragraph is the setext heading; still Maria's.
    const twoLines = PERSONAS.replace('lost her benefit in 2019.\n', 'lost her benefit in 2019.\nShe works nights.\n- \n');
    const workspace = await workspaceWith({ 'personas.blueprint.md': twoLines });
    const keys = completions(workspace.index, uriOf('personas.blueprint.md'), after(twoLines, 'nights.\n- '), 'en', ' ');
    expect(keys.map((item) => item.label)).toContain('heard');
    // After a blank line `- ` is no underline and no item is cut short: nothing new is guessed.
    const outside = '# Notes\n\nSome prose.\n- \n';
    const notes = await workspaceWith({ 'notes.blueprint.md': outside });
    expect(completions(notes.index, uriOf('notes.blueprint.md'), after(outside, 'prose.\n- '), 'en', ' ')).toEqual([]);
  });

  it('offers lanes as soon as `- ` is typed in an item, but not after other spaces or outside items', async () => {
    const text = typed('- ');
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': text });
    const keys = completions(workspace.index, journey, after(text, '- emotion: -2\n- '), 'en', ' ');
    expect(keys.map((item) => item.label)).toEqual(expect.arrayContaining(['frontstage', 'backstage']));
    // Keys the step already has come after the lanes it lacks.
    const order = [...keys].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
    expect(order.indexOf('backstage')).toBeLessThan(order.indexOf('customer'));
    expect(order.indexOf('backstage')).toBeLessThan(order.indexOf('emotion'));
    expect(order.indexOf('frontstage')).toBeLessThan(order.indexOf('persona'));

    const prose = typed('- customer: reads the ');
    const proseSpace = await workspaceWith({ 'journey.blueprint.md': prose });
    expect(completions(proseSpace.index, journey, after(prose, 'reads the '), 'en', ' ')).toEqual([]);

    const outside = `# Title\n\n- \n\n## Journey\n\n### Step: One\n- persona: @maria\n`;
    const outsideSpace = await workspaceWith({ 'journey.blueprint.md': outside });
    expect(completions(outsideSpace.index, journey, after(outside, '# Title\n\n- '), 'en', ' ')).toEqual([]);
    // Asked for explicitly (Ctrl+Space), keys are offered there too.
    expect(completions(outsideSpace.index, journey, after(outside, '# Title\n\n- '), 'en').length).toBeGreaterThan(0);
  });

  it('offers keys in the file\'s language (Dutch file, Dutch keys)', async () => {
    const text = `---\nblueprint: Aanvraag\nlang: nl\n---\n\n## Klantreis\n\n### Stap: Belt\n- kl\n`;
    const workspace = await workspaceWith({ 'nl.blueprint.md': text });
    const items = completions(workspace.index, uriOf('nl.blueprint.md'), after(text, '- kl'), 'en');
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['klant', 'voorkant', 'emotie']));
    expect(items.map((item) => item.label)).not.toContain('customer');
  });

  it('offers values for emotion, channel and vulnerable', async () => {
    expect((await completeAfter('- emotion: ')).items.map((item) => item.label)).toEqual(['-2', '-1', '0', '1', '2']);
    expect((await completeAfter('- channel: ho')).items.map((item) => item.label)).toContain('home visit');
    const text = PERSONAS.replace('- vulnerable: no\n', '- vulnerable: \n');
    const workspace = await workspaceWith({ 'p.blueprint.md': text });
    const values = completions(workspace.index, uriOf('p.blueprint.md'), after(text, '- vulnerable: '), 'en');
    expect(values.map((item) => item.label)).toEqual(['yes', 'no']);
  });

  it('offers nothing in prose or in a heading', async () => {
    const { items } = await completeAfter('- customer: reads', '- customer: reads');
    expect(items).toEqual([]);
    const workspace = await workspaceWith({ 'journey.blueprint.md': JOURNEY });
    expect(completions(workspace.index, journey, after(JOURNEY, '### Stage'), 'en')).toEqual([]);
  });
});

describe('hover', () => {
  it('shows the persona card on @maria: description, vulnerable, heard, needs, usage', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const result = hover(workspace.index, journey, positionOf(JOURNEY, '@maria', 3, 2), 'en');
    expect(result?.markdown).toContain('**Maria** · _persona_');
    expect(result?.markdown).toContain('Single mother of two');
    expect(result?.markdown).toContain('- Vulnerable: yes');
    expect(result?.markdown).toContain('- Heard: 2021-05-12');
    expect(result?.markdown).toContain('- Needs: letters she can understand');
    expect(result?.markdown).toContain('used in 2 steps');
    expect(textAt(JOURNEY, result!.range)).toBe('@maria');
  });

  it('shows the story with its quote, in Dutch when asked', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const result = hover(workspace.index, journey, after(JOURNEY, '#benefit'), 'nl');
    expect(result?.markdown).toContain('_verhaal_');
    expect(result?.markdown).toContain('> Nobody told me why my benefit stopped.');
    expect(result?.markdown).toContain('beantwoord door 1 stap');
  });

  it('says "not heard" for a persona without heard, and nothing on plain text', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const ahmed = hover(workspace.index, journey, positionOf(JOURNEY, '@ahmed', 2), 'en');
    expect(ahmed?.markdown).toContain('- Vulnerable: no');
    expect(ahmed?.markdown).toContain('_not heard_');
    expect(hover(workspace.index, journey, positionOf(JOURNEY, 'reads the letter'), 'en')).toBeUndefined();
  });
});
