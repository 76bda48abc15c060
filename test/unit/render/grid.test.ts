import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { renderBlueprintHtml, renderStandalonePage } from '../../../src/core/render/html';
import { parseHtml } from './html-tree';
import { PERMIT } from './fixtures';
import { byClass, findAll, hasClass, textOf } from './hast-query';

/** The fragment the preview and export ship, read back as a tree. */
function buildTree(input: Parameters<typeof renderBlueprintHtml>[0]) {
  return parseHtml(renderBlueprintHtml(input));
}

const URI = 'file:///work/permit.blueprint.md';


async function model(text = PERMIT, uri = URI) {
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  workspace.setText(uri, text);
  await workspace.loadDependencies();
  const doc = workspace.get(uri);
  if (!doc) throw new Error('not parsed');
  return { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle));
}

function bodyRows(tree: Element): Element[] {
  const tbody = findAll(tree, (e) => e.tagName === 'tbody')[0];
  return tbody.children.filter((c): c is Element => c.type === 'element');
}

describe('the swimlane grid', () => {
  it('has one column header per step, in order, with the step hooks', async () => {
    const tree = buildTree(await model());
    const headers = findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'col');
    expect(headers.map((th) => th.properties.dataStep)).toEqual(['reads-the-website', 'calls-the-office', 'fills-in-the-form']);
    expect(headers.map((th) => th.properties.dataLine)).toEqual([
      lineOf(PERMIT, 'Step: Reads'), lineOf(PERMIT, 'Step: Calls'), lineOf(PERMIT, 'Step: Fills'),
    ]);
  });

  it('groups steps under stage headers spanning their columns', async () => {
    const tree = buildTree(await model());
    const stages = findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'colgroup');
    expect(stages.map((th) => [th.properties.dataStage, th.properties.colSpan])).toEqual([['discover', 2], ['apply', 1]]);
  });

  it('renders only the first steps when asked (the preview\'s first paint), stages cut to match', async () => {
    const { BlueprintRenderer, joinBlueprint } = await import('../../../src/core/render/grid');
    const input = await model();
    const whole = new BlueprintRenderer().render(input);
    const first = new BlueprintRenderer().render(input, { columns: 1 });
    const tree = parseHtml(joinBlueprint(first));
    const headers = findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'col');
    expect(headers.map((th) => th.properties.dataStep)).toEqual(['reads-the-website']);
    const stages = findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'colgroup');
    expect(stages.map((th) => [th.properties.dataStage, th.properties.colSpan])).toEqual([['discover', 1]]);
    // The columns drawn are the whole render's first ones; the personas for the filter are all there.
    expect(first.grid?.columns[0].header).toBe(whole.grid?.columns[0].header);
    expect(first.view.personas).toEqual(whole.view.personas);
    expect(new BlueprintRenderer().render(input, { columns: 10 }).grid?.columns.length).toBe(3);
  });

  it('lists lanes in blueprint order, lines between them, and hides rows with no content', async () => {
    const tree = buildTree(await model());
    expect(bodyRows(tree).map((tr) => tr.properties.dataLane)).toEqual([
      'customer', 'line-of-interaction', 'frontstage', 'line-of-visibility', 'backstage',
      'line-of-internal-interaction', 'support', 'persona', 'story', 'emotion', 'other',
    ]);
  });

  it('gives every lane a row header and every step a cell pointing at its source line', async () => {
    const tree = buildTree(await model());
    const customer = bodyRows(tree).find((tr) => tr.properties.dataLane === 'customer') as Element;
    const cells = customer.children.filter((c): c is Element => c.type === 'element');
    expect(cells[0].tagName).toBe('th');
    expect(cells[0].properties.scope).toBe('row');
    expect(textOf(cells[0])).toBe('Customer actions');
    expect(cells.slice(1).map((td) => [td.properties.dataStep, td.properties.dataLine])).toEqual([
      ['reads-the-website', lineOf(PERMIT, 'reads **the page**')],
      ['calls-the-office', lineOf(PERMIT, 'customer: calls')],
      ['fills-in-the-form', lineOf(PERMIT, 'fills in the form')],
    ]);
    // A step without the field points at its heading.
    const backstage = bodyRows(tree).find((tr) => tr.properties.dataLane === 'backstage') as Element;
    const third = backstage.children.filter((c): c is Element => c.type === 'element')[3];
    expect(third.properties.dataLine).toBe(lineOf(PERMIT, 'Step: Fills'));
  });

  it('renders cell Markdown: emphasis and web links', async () => {
    const html = renderBlueprintHtml(await model());
    expect(html).toContain('reads <strong>the page</strong>');
    expect(html).toContain('<a href="https://example.org/permit">web page</a>');
  });

  it('shows personas and stories by name', async () => {
    const tree = buildTree(await model());
    expect(byClass(tree, 'bp-chip-persona').map((chip) => textOf(chip))).toEqual(['Maria', 'Ahmed']);
    expect(byClass(tree, 'bp-chip-story').map((chip) => textOf(chip))).toEqual(['Needs a permit']);
  });

  it('draws one emotion line per persona where scores differ per persona', async () => {
    const tree = buildTree(await model());
    const legend = byClass(tree, 'bp-legend')[0];
    expect(findAll(legend, (e) => e.tagName === 'li').map((li) => li.properties.dataPersona)).toEqual(['maria', 'ahmed']);
    const dots = findAll(tree, (e) => e.tagName === 'circle');
    // Step 1: Maria and Ahmed; step 3: the plain score, for both (it names no persona).
    expect(dots.map((c) => [c.properties.dataPersona, c.properties.cy])).toEqual([
      ['maria', '66'], ['ahmed', '30'], ['maria', '12'], ['ahmed', '12'],
    ]);
  });

  it('puts findings on their cells with the rule id', async () => {
    const tree = buildTree(await model());
    const badges = byClass(tree, 'bp-finding');
    const placed = badges.map((badge) => {
      const cell = findAll(tree, (e) => (e.tagName === 'td' || e.tagName === 'th') && e.children.includes(badge))[0];
      return [badge.properties.dataRule, cell.properties.dataStep, findAll(tree, (e) => e.tagName === 'tr' && e.children.includes(cell))[0].properties.dataLane];
    });
    expect(placed).toContainEqual(['unknown-field', 'calls-the-office', 'other']);
    expect(placed).toContainEqual(['step-without-persona', 'fills-in-the-form', 'persona']);
  });

  it('keeps English lane keys and shows Dutch labels for a Dutch file', async () => {
    const text = `---\nblueprint: Vergunning\nlang: nl\n---\n# Vergunning\n\n## Klantreis\n\n### Stap: Belt\n- klant: belt de gemeente\n- achterkant: zoekt het dossier op\n`;
    const tree = buildTree(await model(text, 'file:///work/nl.blueprint.md'));
    const rows = bodyRows(tree);
    expect(rows.map((tr) => tr.properties.dataLane)).toContain('customer');
    const customer = rows.find((tr) => tr.properties.dataLane === 'customer') as Element;
    expect(textOf(customer.children[0])).toBe('Klantacties');
    const caption = findAll(tree, (e) => e.tagName === 'caption')[0];
    expect(textOf(caption)).toContain('1 stap');
  });

  it('marks the organisation side for client view', async () => {
    const tree = buildTree(await model());
    const internal = bodyRows(tree).filter((tr) => tr.properties.dataAudience === 'internal').map((tr) => tr.properties.dataLane);
    expect(internal).toEqual(['line-of-visibility', 'backstage', 'line-of-internal-interaction', 'support', 'other']);
  });

  it('is a table with a caption and header cells for screen readers', async () => {
    const tree = buildTree(await model());
    const table = findAll(tree, (e) => e.tagName === 'table')[0];
    expect(hasClass(table, 'bp-grid')).toBe(true);
    expect(textOf(findAll(table, (e) => e.tagName === 'caption')[0])).toBe('Service blueprint: Apply for a permit. 3 steps in 2 stages.');
  });

  it('says so when a file has no journey', async () => {
    const html = renderBlueprintHtml(await model('# Personas only\n\n## Personas\n\n### Maria\n- heard: 2024\n'));
    expect(html).not.toContain('<table');
    expect(html).toContain('no journey steps');
  });
});

describe('the standalone page', () => {
  it('is self-contained: inline styles, a CSP without script, landscape print (A3 or A4)', async () => {
    const page = renderStandalonePage(await model());
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).toContain('@page { size: landscape');
    expect(page).not.toMatch(/<script|<link|src="http/i);
  });
});

describe('the example blueprints', () => {
  it('render every step of the housing benefit journey', async () => {
    const file = new URL('../../../examples/apply-for-housing-benefit.blueprint.md', import.meta.url);
    const text = readFileSync(file, 'utf8');
    const m = await model(text, 'file:///examples/apply-for-housing-benefit.blueprint.md');
    const tree = buildTree(m);
    expect(findAll(tree, (e) => e.tagName === 'th' && e.properties.scope === 'col')).toHaveLength(m.doc.steps.length);
    expect(m.doc.steps.length).toBeGreaterThan(3);
  });
});
