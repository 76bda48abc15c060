import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { escapeAttribute, escapeText } from '../../../src/core/render/escape';
import { BlueprintRenderer, joinBlueprint } from '../../../src/core/render/grid';
import { diffBlueprint } from '../../../src/core/render/patch';
import { PERMIT } from './fixtures';

const URI = 'file:///work/permit.blueprint.md';

function session() {
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  return (text: string) => {
    const doc = workspace.setText(URI, text);
    return { doc, diagnostics: workspace.diagnostics(URI), index: workspace.index };
  };
}

function edit(text: string, needle: string, change: (line: string) => string): string {
  return text.split('\n').map((line) => (line.includes(needle) ? change(line) : line)).join('\n');
}

describe('re-rendering after an edit', () => {
  it('re-renders only the step that changed, and the result equals a fresh render', () => {
    const model = session();
    const renderer = new BlueprintRenderer();
    const before = renderer.render(model(PERMIT));
    expect(renderer.lastStats).toEqual({ rendered: 3, reused: 0 });
    const text = edit(PERMIT, 'customer: calls', (line) => `${line} back`);
    const after = renderer.render(model(text));
    expect(renderer.lastStats).toEqual({ rendered: 1, reused: 2 });
    expect(joinBlueprint(after)).toBe(joinBlueprint(new BlueprintRenderer().render(model(text))));
    expect(joinBlueprint(after)).toContain('calls back');

    const patch = diffBlueprint(before, after);
    expect(patch?.cells.map(([lane, column]) => [lane, column])).toEqual([['customer', 1]]);
    expect(patch?.cells[0][2]).toContain('calls back');
    expect(patch?.headers).toEqual([]);
    expect(patch?.shifts).toEqual([]);
  });

  it('moves the line hooks of later steps when a line is inserted above them, without re-rendering their content', () => {
    const model = session();
    const renderer = new BlueprintRenderer();
    const before = renderer.render(model(PERMIT));
    const text = edit(PERMIT, 'backstage: looks up', (line) => `${line}\n- owner: the desk`);
    const after = renderer.render(model(text));
    const patch = diffBlueprint(before, after);
    // Step 3 only moved down a line: one shift, no cells of its own.
    expect(patch?.shifts).toEqual([[2, 2, 1]]);
    expect(patch?.cells.every(([, column]) => column === 1)).toBe(true);
    // A row that was empty before comes in whole.
    expect(patch?.rowOrder).toContain('owner');
    expect(patch?.newRows.map(([lane]) => lane)).toEqual(['owner']);
    expect(joinBlueprint(after)).toBe(joinBlueprint(new BlueprintRenderer().render(model(text))));
  });

  it('asks for a full render when steps are added', () => {
    const model = session();
    const renderer = new BlueprintRenderer();
    const before = renderer.render(model(PERMIT));
    const after = renderer.render(model(`${PERMIT}\n#### Step: Pays the fee\n- customer: pays\n`));
    expect(diffBlueprint(before, after)).toBeUndefined();
  });
});

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeText('a < b & c > d "q"')).toBe('a &lt; b &amp; c &gt; d "q"');
    expect(escapeAttribute('x" onload="y <z> &')).toBe('x&quot; onload=&quot;y &lt;z&gt; &amp;');
  });
});
