import { describe, expect, it } from 'vitest';
import { documentSymbols, workspaceSymbols } from '../../../src/core/features/symbols';
import { codeLenses, lastHeardDate } from '../../../src/core/features/code-lens';
import { statusSummary } from '../../../src/core/features/status';
import { completions } from '../../../src/core/features/completion';
import { blueprintFileName, newBlueprintTemplate } from '../../../src/core/features/template';
import { JOURNEY, PERSONAS, textAt, uriOf, workspaceWith } from './workspace';

const files = { 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY };
const journey = uriOf('journey.blueprint.md');
const personas = uriOf('personas.blueprint.md');

describe('document symbols', () => {
  it('outlines sections with their items; stages hold their steps', async () => {
    const workspace = await workspaceWith(files);
    const outline = documentSymbols(workspace.get(journey)!);
    const shape = outline.map((section) => [section.name, section.kind, section.children.map((item) => [item.name, item.kind, item.children.map((step) => step.name)])]);
    expect(shape).toEqual([
      ['Stories', 'stories', [['Benefit stopped without explanation', 'story', []]]],
      ['Journey', 'journey', [
        ['Discover', 'stage', ['Receives the letter', 'Calls the office']],
        ['Apply', 'stage', ['Fills in the form']],
      ]],
    ]);
    const step = outline[1]!.children[0]!.children[0]!;
    expect(step.detail).toBe('reads the letter');
    expect(textAt(JOURNEY, step.selectionRange)).toBe('Receives the letter');
  });
});

describe('workspace symbols', () => {
  it('finds items in every file by fuzzy name, with the blueprint title as container', async () => {
    const workspace = await workspaceWith(files);
    const found = workspaceSymbols(workspace.index, 'mar');
    expect(found.map((symbol) => [symbol.name, symbol.kind, symbol.containerName, symbol.uri])).toEqual([
      ['Maria', 'persona', 'Shared personas', personas],
    ]);
    expect(workspaceSymbols(workspace.index, 'fill form').map((symbol) => symbol.name)).toEqual(['Fills in the form']);
    expect(workspaceSymbols(workspace.index, '').length).toBe(2 + 1 + 2 + 3);
  });
});

describe('code lenses', () => {
  it('shows step usage and the last heard date above personas', async () => {
    const workspace = await workspaceWith(files);
    const lenses = codeLenses(workspace.index, personas, 'en');
    expect(lenses.map((lens) => [textAt(PERSONAS, lens.range), lens.title])).toEqual([
      ['### Maria', 'used in 2 steps · heard 2022-01-03'],
      ['### Ahmed', 'used in 1 step · not heard'],
    ]);
    expect(lenses[0]!.locations.map((location) => location.uri)).toEqual([journey, journey]);
  });

  it('counts steps and steps without persona above stages, in Dutch when asked', async () => {
    const workspace = await workspaceWith(files);
    const lenses = codeLenses(workspace.index, journey, 'nl');
    expect(lenses.map((lens) => lens.title)).toEqual(['2 stappen · 1 zonder persona', '1 stap · 0 zonder persona']);
    expect(lenses[0]!.locations.map((location) => textAt(JOURNEY, location.range))).toEqual(['#### Step: Calls the office']);
  });

  it('takes the latest ISO date among heard entries', () => {
    expect(lastHeardDate(['2021-05-12, interview', '2022-01-03 call', 'at home'])).toBe('2022-01-03');
    expect(lastHeardDate(['in spring'])).toBeUndefined();
  });
});

describe('status summary', () => {
  it('counts steps and steps without persona', async () => {
    const workspace = await workspaceWith(files);
    expect(statusSummary(workspace.index, journey)).toEqual({ steps: 3, withoutPersona: 1 });
    expect(statusSummary(workspace.index, uriOf('missing.blueprint.md'))).toBeUndefined();
  });
});

describe('new blueprint template', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`is a well-formed ${lang} blueprint: persona, story and a step that uses both`, async () => {
      const text = newBlueprintTemplate('Apply: for "help"', lang);
      const workspace = await workspaceWith({ 'new.blueprint.md': text });
      const doc = workspace.get(uriOf('new.blueprint.md'))!;
      expect(doc.lang).toBe(lang);
      expect(doc.title).toBe('Apply: for "help"');
      expect(doc.personas).toHaveLength(1);
      expect(doc.stories).toHaveLength(1);
      expect(doc.stages).toHaveLength(1);
      expect(doc.steps[0]!.fields.every((field) => field.known)).toBe(true);
      // The only finding is the nudge to ground the persona in a real conversation.
      expect(workspace.diagnostics(doc.uri).map((diagnostic) => diagnostic.rule)).toEqual(['persona-not-heard']);
    });

    it(`leaves a blank line between the ${lang} persona's description and its fields, so a \`- \` typed there starts a field`, async () => {
      const text = newBlueprintTemplate('Service', lang);
      const lines = text.split('\n');
      const description = lines.findIndex((line) => /^(Who they are|Wie ze zijn)/.test(line));
      expect(lines[description + 1]).toBe('');
      expect(lines[description + 2]).toMatch(/^- (vulnerable|kwetsbaar): /);
      // Typing `- ` on that blank line: completion offers the persona fields.
      const typed = [...lines.slice(0, description + 1), '- ', ...lines.slice(description + 1)].join('\n');
      const workspace = await workspaceWith({ 'new.blueprint.md': typed });
      const keys = completions(workspace.index, uriOf('new.blueprint.md'), { line: description + 1, character: 2 }, lang, ' ');
      expect(keys.map((item) => item.label)).toContain(lang === 'nl' ? 'gehoord' : 'heard');
    });
  }

  it('names the file after the title', () => {
    expect(blueprintFileName('Apply for a Living Wage!')).toBe('apply-for-a-living-wage.blueprint.md');
    expect(blueprintFileName('  ')).toBe('service.blueprint.md');
  });
});
