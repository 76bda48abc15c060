/**
 * "Compare with…" against another blueprint file: the marked grid of the working copy
 * (added, changed and moved columns, removed steps struck through), live as it is edited.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { openFile, waitFor, workspaceFile } from '../helpers';

const AS_IS = `---
blueprint: Compare test
---

## Personas

### Maria
- heard: 2024-03-12, interview at home

## Journey

### Stage: Find out

#### Step: Reads the letter
- persona: @maria
- customer: reads the letter

#### Step: Calls the office
- persona: @maria
- customer: phones the office

### Stage: Apply

#### Step: Fills in the form
- persona: @maria
- customer: fills in the form
`;

const TO_BE = AS_IS
  .replace('- customer: phones the office\n', '- customer: phones the office\n- channel: phone\n')
  .replace('#### Step: Reads the letter\n- persona: @maria\n- customer: reads the letter\n\n', '')
  .replace('- customer: fills in the form\n', '- customer: fills in the form\n\n#### Step: Reads the letter\n- persona: @maria\n- customer: reads the letter\n');

const encoder = new TextEncoder();

suite('compare with', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceFile('compare-as-is.blueprint.md'), encoder.encode(AS_IS));
    await vscode.workspace.fs.writeFile(workspaceFile('compare-to-be.blueprint.md'), encoder.encode(TO_BE));
  });

  test('shows the marked grid against another blueprint file and follows edits', async () => {
    const document = await openFile(workspaceFile('compare-to-be.blueprint.md'));
    const html = await vscode.commands.executeCommand<string | undefined>('blueprint.compareWith', document.uri, { against: workspaceFile('compare-as-is.blueprint.md') });
    assert.ok(html, 'the command returns the page it shows');
    assert.match(html, /\.bp \[data-step="reads-the-letter"\]\{box-shadow:inset 0 0 0 3px #0969da/, 'moved step marked');
    assert.match(html, /\.bp \[data-step="calls-the-office"\]\{box-shadow:inset 0 0 0 3px #9a6700/, 'changed step marked');
    assert.match(html, /data-step="fills-in-the-form"/);

    // Type a new step: the page follows, with the step marked as added.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n#### Step: Gets the decision\n- persona: @maria\n- customer: reads the decision\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the added step marked', async () => {
      const state = await vscode.commands.executeCommand<string | undefined>('blueprint.compare.state');
      return state?.includes('.bp [data-step="gets-the-decision"]{box-shadow:inset 0 0 0 3px #1a7f37');
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
