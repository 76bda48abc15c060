/**
 * The preview in a real extension host: it opens beside a blueprint, shows that
 * blueprint's steps, follows an edit, and exports the same page as the command line.
 * The webview reports what it painted; the hidden `blueprint.preview.state` command
 * hands that report to the test.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../../src/shared/messages';
import { openFile, waitFor, workspaceFile } from '../helpers';

const STATE = 'blueprint.preview.state';

function previewState(minVersion?: number): Thenable<RenderedMessage | undefined> {
  return vscode.commands.executeCommand<RenderedMessage | undefined>(STATE, { minVersion, timeoutMs: 2000 });
}

function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('blueprint.preview'));
}

suite('preview', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside a blueprint, shows its steps and follows an edit', async () => {
    const uri = workspaceFile('smoke.blueprint.md');
    const document = await openFile(uri);
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    await vscode.commands.executeCommand('blueprint.openPreviewToSide');

    const tab = await waitFor('a preview tab', () => previewTab(), 20_000);
    assert.notEqual(tab.group.viewColumn, editorColumn, 'the preview opens beside the editor');
    const first = await waitFor('the preview to paint the smoke blueprint', async () => {
      const state = await previewState();
      return state && state.uri === uri.toString() && state.steps.length > 0 ? state : undefined;
    }, 30_000);
    assert.deepEqual(first.steps, ['receives-the-letter', 'calls-the-office']);
    assert.ok(first.lanes.includes('customer'), `lanes: ${first.lanes.join(', ')}`);

    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(uri, end, '\n\n#### Step: Added in the preview test\n- persona: @maria\n- customer: waits for an answer\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await waitFor('the preview to show the added step', async () => {
      const state = await previewState(first.version + 1);
      return state?.steps.includes('added-in-the-preview-test') ? state : undefined;
    }, 30_000, () => JSON.stringify(first.steps));
    assert.equal(updated.steps.length, first.steps.length + 1);
    await vscode.commands.executeCommand('workbench.action.files.revert', uri);
  });

  test('client view and persona filter reach the webview', async () => {
    await vscode.commands.executeCommand('blueprint.preview.setView', { clientView: true, persona: 'maria' });
    const state = await waitFor('client view in the painted state', async () => {
      const current = await previewState();
      return current?.state.clientView ? current : undefined;
    }, 20_000);
    assert.equal(state.state.persona, 'maria');
    assert.ok(!state.lanes.includes('backstage'), `client view hides the back office; lanes: ${state.lanes.join(', ')}`);
    await vscode.commands.executeCommand('blueprint.preview.setView', { clientView: false, persona: null });
  });

  test('exports the preview as a standalone page', async () => {
    const uri = workspaceFile('smoke.blueprint.md');
    await openFile(uri);
    const target = workspaceFile('smoke-export.html');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('blueprint.exportPreviewHtml', uri, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /data-step="receives-the-letter"/);
    assert.doesNotMatch(html, /<script/);
    await vscode.workspace.fs.delete(target);
  });

  test('exports the view on screen: client view, persona, theme', async () => {
    const uri = workspaceFile('smoke.blueprint.md');
    await openFile(uri);
    await vscode.commands.executeCommand('blueprint.preview.setView', { clientView: true, persona: 'maria' });
    await waitFor('client view with Maria in the painted state', async () => {
      const current = await previewState();
      return current?.state.clientView && current.state.persona === 'maria' ? current : undefined;
    }, 20_000);
    const target = workspaceFile('smoke-client.html');
    await vscode.commands.executeCommand('blueprint.exportPreviewHtml', uri, target);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /class="bp-client bp/, 'the client view');
    assert.doesNotMatch(html, /<tr[^>]*data-lane="(backstage|support)"/, 'no lane below the line of visibility');
    assert.doesNotMatch(html, /data-rule=/, 'no finding');
    // The smoke blueprint's second step is Ahmed's: dimmed for Maria.
    assert.match(html, /<th data-dimmed class="bp-dim bp-step[^>]*data-step="calls-the-office"/);
    const dark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark || vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast;
    assert.equal(html.includes('class="bp-client bp bp-dark"'), dark, 'the theme as shown');
    await vscode.workspace.fs.delete(target);
    await vscode.commands.executeCommand('blueprint.preview.setView', { clientView: false, persona: null });
  });
});
