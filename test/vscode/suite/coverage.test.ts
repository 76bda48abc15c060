/**
 * The preview's Coverage view in a real extension host: switched to by the view command,
 * it paints the persona × stage matrix of the blueprint and follows an edit. The webview
 * reports the stage and persona ids it painted through `blueprint.preview.state`.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../../src/shared/messages';
import { openFile, waitFor, workspaceFile } from '../helpers';

function previewState(minVersion?: number): Thenable<RenderedMessage | undefined> {
  return vscode.commands.executeCommand<RenderedMessage | undefined>('blueprint.preview.state', { minVersion, timeoutMs: 2000 });
}

suite('coverage view', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'grid' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('switches the preview to Coverage, shows personas by stages and follows an edit', async () => {
    const uri = workspaceFile('examples/apply-for-housing-benefit.blueprint.md');
    const document = await openFile(uri);
    await vscode.commands.executeCommand('blueprint.openPreviewToSide');
    const grid = await waitFor('the preview to paint the example', async () => {
      const state = await previewState();
      return state && state.uri === uri.toString() && state.steps.length > 0 ? state : undefined;
    }, 30_000);
    assert.equal(grid.state.view, 'grid');

    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'coverage' });
    const shown = await waitFor('the coverage view in the painted state', async () => {
      const state = await previewState();
      // The extension sends the coverage once the webview says it shows that view.
      return state?.state.view === 'coverage' && state.coverage ? state : undefined;
    }, 20_000, () => 'still the grid');
    assert.deepEqual(shown.coverage?.stages, ['find-out', 'apply', 'decision', 'changes-during-the-year', 'renewal']);
    assert.deepEqual(shown.coverage?.personas, ['maria', 'kees', 'ahmed', 'sanne', 'henk', 'lotte']);

    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(uri, end, '\n\n### Stage: Aftercare\n\n#### Step: Gets a call from the youth team\n- persona: @lotte\n- customer: answers the phone\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await waitFor('the coverage view to show the added stage', async () => {
      const state = await previewState(shown.version + 1);
      return state?.coverage?.stages.includes('aftercare') ? state : undefined;
    }, 30_000, () => JSON.stringify(shown.coverage));
    assert.equal(updated.state.view, 'coverage', 'an edit keeps the coverage view');
    await vscode.commands.executeCommand('workbench.action.files.revert', uri);
  });
});
