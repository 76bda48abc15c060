/**
 * Issue 9 in a real editor: the workspace folder is the project's root, so a blueprint
 * naming `../../secret.md` gets the command line's finding ("lies outside the project
 * folder") and nothing is read from there, whether the file exists or not.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFile, waitFor, workspaceFile } from '../helpers';

const BLUEPRINT = `---
blueprint: Reads a secret
lang: en
personas: ../../secret.blueprint.md
---

## Journey

### Step: Looks around
- persona: @secret-agent
- customer: looks around
`;

suite('project roots', () => {
  test('personas: ../../secret.blueprint.md is refused with the command line\'s finding', async () => {
    const uri = workspaceFile('roots.blueprint.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BLUEPRINT));
    try {
      await openFile(uri);
      const diagnostics = await waitFor(
        'the outside-the-project finding',
        () => {
          const list = vscode.languages.getDiagnostics(uri);
          return list.some((d) => d.message.includes('lies outside the project folder')) ? list : undefined;
        },
        20_000,
        () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
      );
      const finding = diagnostics.find((d) => d.message.includes('lies outside the project folder'));
      assert.equal(finding?.message, "'../../secret.blueprint.md' lies outside the project folder; files there are not read.");
      assert.equal(finding?.range.start.line, 3);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
