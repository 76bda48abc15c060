/**
 * The preview's zoom and journey diagram in a real extension host: the zoom commands (what
 * Ctrl+= / Ctrl+- / Ctrl+0 run while the preview has the focus) reach the webview and are
 * kept in its state; the journey diagram is drawn for the chosen persona.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../../src/shared/messages';
import { openFile, waitFor, workspaceFile } from '../helpers';

function previewState(): Thenable<RenderedMessage | undefined> {
  return vscode.commands.executeCommand<RenderedMessage | undefined>('blueprint.preview.state', { timeoutMs: 2000 });
}

function waitForState(what: string, accept: (state: RenderedMessage) => boolean): Promise<RenderedMessage> {
  let last: RenderedMessage | undefined;
  return waitFor(what, async () => {
    last = await previewState();
    return last && accept(last) ? last : undefined;
  }, 30_000, () => JSON.stringify({ zoom: last?.zoom, state: last?.state, diagramFor: last?.diagramFor, mermaidError: last?.mermaidError }));
}

suite('preview zoom and diagram', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the zoom commands zoom the grid, and Ctrl+= / Ctrl+- / Ctrl+0 are bound to them in the preview', async () => {
    const uri = workspaceFile('examples/apply-for-housing-benefit.blueprint.md');
    await openFile(uri);
    await vscode.commands.executeCommand('blueprint.openPreviewToSide');
    await waitForState('the preview of the example', (s) => s.uri === uri.toString() && s.steps.length > 0);
    await vscode.commands.executeCommand('blueprint.preview.zoomIn');
    await waitForState('zoomed in', (s) => s.zoom === 1.1 && s.state.zoom === 1.1);
    await vscode.commands.executeCommand('blueprint.preview.zoomOut');
    await vscode.commands.executeCommand('blueprint.preview.zoomOut');
    await waitForState('zoomed out', (s) => s.zoom === 0.9);
    await vscode.commands.executeCommand('blueprint.preview.zoomReset');
    await waitForState('back to 100 %', (s) => s.zoom === 1 && s.state.zoom === undefined);

    const manifest = vscode.extensions.all.find((e) => e.packageJSON.name === 'service-blueprints')?.packageJSON as
      { contributes: { keybindings: Array<{ command: string; key: string; when: string }> } };
    const bound = (key: string) => manifest.contributes.keybindings.find((k) => k.key === key);
    assert.equal(bound('ctrl+=')?.command, 'blueprint.preview.zoomIn');
    assert.equal(bound('ctrl+-')?.command, 'blueprint.preview.zoomOut');
    assert.equal(bound('ctrl+0')?.command, 'blueprint.preview.zoomReset');
    assert.match(bound('ctrl+=')?.when ?? '', /activeWebviewPanelId == 'blueprint.preview'/);
  });

  test('saves a picture of the grid as PNG and of the journey diagram as SVG, through workspace.fs', async function () {
    // A PNG of the whole grid at twice its size takes seconds on a loaded machine.
    this.timeout(180_000);
    const png = workspaceFile('examples/picture-test.png');
    const saved = await vscode.commands.executeCommand<vscode.Uri | string>('blueprint.preview.savePicture', 'png', png);
    assert.ok(typeof saved !== 'string' && saved !== undefined, `saved: ${String(saved)}`);
    const bytes = await vscode.workspace.fs.readFile(png);
    assert.deepEqual(Array.from(bytes.subarray(0, 4)), [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(bytes.length > 10_000, `${bytes.length} bytes`);
    await vscode.workspace.fs.delete(png);

    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'mermaid' });
    await waitForState('the diagram drawn', (s) => s.state.view === 'mermaid' && s.diagramFor !== undefined);
    const svg = workspaceFile('examples/picture-test.svg');
    const written = await vscode.commands.executeCommand<vscode.Uri | string>('blueprint.preview.savePicture', 'svg', svg);
    assert.ok(typeof written !== 'string' && written !== undefined, `saved: ${String(written)}`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(svg));
    assert.match(text, /^<svg[^>]*aria-roledescription="journey"/);
    await vscode.workspace.fs.delete(svg);
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'grid' });
  });

  test('the journey diagram shows the chosen persona\'s journey', async () => {
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'mermaid', persona: 'maria' });
    await waitForState('the diagram drawn for Maria', (s) => s.state.view === 'mermaid' && s.diagramFor === 'maria');
    await vscode.commands.executeCommand('blueprint.preview.setView', { persona: null });
    await waitForState('the diagram drawn for everyone', (s) => s.diagramFor === '');
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'grid' });
  });
});
