/**
 * The export writes the view on screen: grid, client view or journey diagram, a persona's
 * journey (other steps `data-dimmed`), light or dark, findings on or off; and the step cards
 * of the narrow layout. Checked on the page as a tree; the same in Chromium in
 * test/browser/present.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { renderStandalonePage } from '../../../src/core/render/html';
import { PERMIT } from './fixtures';
import { parseHtml } from './html-tree';
import { findAll, hasClass, textOf } from './hast-query';

const URI = 'file:///work/permit.blueprint.md';

async function model(text = PERMIT) {
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  workspace.setText(URI, text);
  await workspace.loadDependencies();
  const doc = workspace.get(URI);
  if (!doc) throw new Error('not parsed');
  return { doc, diagnostics: workspace.diagnostics(URI), index: workspace.index };
}

/** The page's body as a tree (the test parser reads fragments). */
function body(page: string) {
  return parseHtml(page.slice(page.indexOf('>', page.indexOf('<body')) + 1, page.indexOf('</body>')));
}

function gridLanes(html: string): string[] {
  const table = findAll(body(html), (e) => e.tagName === 'table' && hasClass(e, 'bp-grid'))[0];
  return findAll(table, (e) => e.tagName === 'tr' && e.properties.dataLane !== undefined).map((row) => String(row.properties.dataLane));
}

describe('the exported views', () => {
  it('grid: every lane, the findings and the cards for narrow screens', async () => {
    const page = renderStandalonePage(await model());
    expect(gridLanes(page)).toEqual(expect.arrayContaining(['backstage', 'support', 'line-of-visibility']));
    expect(page).toContain('data-rule="step-without-persona"');
    const tree = body(page);
    const cards = findAll(tree, (e) => e.tagName === 'table' && hasClass(e, 'bp-card'));
    expect(cards).toHaveLength(3);
    expect(findAll(tree, (e) => hasClass(e, 'bp-card-stage')).map(textOf)).toEqual(['Discover', 'Apply']);
    // The second card: customer, line of interaction, and backstage below the visibility line.
    const second = findAll(cards[1], (e) => e.tagName === 'tr').map((row) => String(row.properties.dataLane));
    expect(second.slice(0, 4)).toEqual(['customer', 'line-of-visibility', 'backstage', 'persona']);
    expect(second).not.toContain('line-of-internal-interaction');
  });

  it('client view: no lane below the line of visibility, no finding, no bookkeeping rows', async () => {
    const page = renderStandalonePage(await model(), { view: 'client' });
    const lanes = gridLanes(page);
    expect(lanes).toContain('customer');
    for (const lane of ['backstage', 'support', 'line-of-visibility', 'line-of-internal-interaction', 'other']) expect(lanes).not.toContain(lane);
    expect(page).not.toMatch(/data-rule=|class="bp-outside"|data-lane="backstage"|data-lane="support"/);
    expect(page).toContain('class="bp-client bp"');
  });

  it('a persona: the other steps are data-dimmed in the grid and in the cards', async () => {
    const page = renderStandalonePage(await model(), { persona: 'ahmed' });
    const tree = body(page);
    const headers = findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'col');
    expect(headers.map((th) => th.properties.dataDimmed !== undefined)).toEqual([true, false, true]);
    const dimmedCells = findAll(tree, (e) => e.tagName === 'td' && e.properties.dataDimmed !== undefined);
    expect(new Set(dimmedCells.map((td) => String(td.properties.dataStep)))).toEqual(new Set(['reads-the-website', 'fills-in-the-form']));
    const cards = findAll(tree, (e) => hasClass(e, 'bp-card'));
    expect(cards.map((card) => card.properties.dataDimmed !== undefined)).toEqual([true, false, true]);
  });

  it('findings off: no badge, no list of other findings', async () => {
    const page = renderStandalonePage(await model(), { findings: false });
    expect(page).not.toMatch(/data-rule=|class="bp-outside"/);
    expect(gridLanes(page)).toContain('backstage');
  });

  it('journey diagram: one task per step, with its personas, only the chosen persona\'s steps', async () => {
    const text = PERMIT.replace('- persona: @maria\n- story', '- persona: @maria, @ahmed\n- story');
    const all = body(renderStandalonePage(await model(text), { view: 'journey' }));
    const tasks = findAll(all, (e) => hasClass(e, 'bp-journey-task'));
    expect(tasks.map((t) => t.properties.dataStep)).toEqual(['reads-the-website', 'calls-the-office', 'fills-in-the-form']);
    expect(findAll(tasks[0], (e) => hasClass(e, 'bp-chip-persona')).map(textOf)).toEqual(['Maria', 'Ahmed']);
    expect(tasks.map((t) => String(t.properties.dataScore))).toEqual(['3', '3', '5']);
    expect(findAll(all, (e) => e.tagName === 'table')).toHaveLength(0);
    const ahmed = body(renderStandalonePage(await model(text), { view: 'journey', persona: 'ahmed' }));
    const his = findAll(ahmed, (e) => hasClass(e, 'bp-journey-task'));
    expect(his.map((t) => [t.properties.dataStep, String(t.properties.dataScore)])).toEqual([['reads-the-website', '4'], ['calls-the-office', '3']]);
  });

  it('theme: dark on screen, a light page on paper', async () => {
    const page = renderStandalonePage(await model(), { theme: 'dark' });
    expect(page).toContain('class="bp bp-dark"');
    expect(page).toMatch(/@media screen \{\s*body\.bp-page \{ background: #0d1117; \}/);
  });
});
