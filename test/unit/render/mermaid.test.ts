import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { mermaidScore, mermaidText, renderMermaid, wrapLines } from '../../../src/core/render/mermaid';
import { PERMIT } from './fixtures';

async function model(text: string) {
  const uri = 'file:///work/m.blueprint.md';
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  const doc = workspace.setText(uri, text);
  await workspace.loadDependencies();
  return { doc, index: workspace.index };
}

describe('the Mermaid journey', () => {
  it('maps stages to sections, steps to tasks, emotions to scores and personas to actors', async () => {
    expect(renderMermaid(await model(PERMIT))).toBe([
      'journey',
      '  title Apply for a permit',
      '  accTitle: Apply for a permit',
      '  section Discover',
      '    1. Reads the website: 3: Maria',
      '    2. Calls the office: 3: Ahmed',
      '  section Apply',
      '    3. Fills in the form: 5',
      '',
    ].join('\n'));
  });

  it('draws a step with per-persona emotions once, with all its actors and their mean score', async () => {
    const text = PERMIT.replace('- persona: @maria\n- story', '- persona: @maria, @ahmed\n- story');
    const source = renderMermaid(await model(text));
    expect(source.match(/Reads the website/g)).toHaveLength(1);
    expect(source).toContain('    1. Reads the website: 3: Maria, Ahmed\n');
  });

  it('with a persona chosen, shows only the steps and scores of that persona', async () => {
    const text = PERMIT.replace('- persona: @maria\n- story', '- persona: @maria, @ahmed\n- story');
    const source = renderMermaid(await model(text), undefined, { persona: 'ahmed' });
    expect(source).toContain('    1. Reads the website: 4: Maria, Ahmed\n');
    expect(source).toContain('    2. Calls the office: 3: Ahmed\n');
    // The third step has no persona: not Ahmed's, and its stage goes with it.
    expect(source).not.toContain('Fills in the form');
    expect(source).not.toContain('section Apply');
  });

  it('breaks long titles into lines that fit a task box', () => {
    expect(wrapLines('Uploads the tenancy agreement and proof of income')).toBe('Uploads the tenancy<br>agreement and proof of<br>income');
    expect(wrapLines('short')).toBe('short');
  });

  it('maps -2..2 to 1..5, neutral when missing', () => {
    expect([-2, -1, 0, 1, 2, undefined].map(mermaidScore)).toEqual([1, 2, 3, 4, 5, 3]);
  });

  it('reduces text to one line without delimiters or directives', () => {
    expect(mermaidText('a: b; c # d %%{init: {"x": 1}}%%\nclick x')).toBe('a b c d init x 1 click x');
    expect(mermaidText('section Two')).toBe('‘section Two’');
    expect(mermaidText('x'.repeat(300))).toHaveLength(120);
  });
});
