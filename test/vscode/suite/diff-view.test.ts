/**
 * Only workspace documents are checked: the original side of a Source Control diff
 * (here a read-only content provider standing in for the `git:` scheme) is never checked
 * or indexed, so Problems keeps one group per file, with the working tree's findings,
 * while the diff is open and after it is closed.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { BlueprintExtensionApi } from '../../../src/extension/extension';
import { EXTENSION_ID, describeDiagnostics, openFile, ruleIdOf, waitFor, workspaceFile } from '../helpers';

const ORIGINAL_SCHEME = 'blueprint-test-original';

/** The committed version: other personas, a duplicate id: checked, it would show other problems. */
const ORIGINAL = `---
blueprint: Diff view test
---

## Journey

### Step: Receives the letter
- persona: @somebody-removed
- customer: reads the letter

### Step: Receives the letter
- persona: @another-removed
- customer: reads it again
`;

/** The working tree: one step without persona (a warning), nothing else. */
const WORKING = `---
blueprint: Diff view test
---

## Personas

### Maria
- heard: 2024-03-12, interview at home

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter

### Step: Calls the office
- customer: phones the office
`;

const fileUri = () => workspaceFile('diff-view.blueprint.md');
const originalUri = () => fileUri().with({ scheme: ORIGINAL_SCHEME, query: 'ref=HEAD' });

/** Every Problems group that holds a blueprint finding, as `uri -> line:rule` lists. */
function blueprintGroups(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'blueprint');
    if (ours.length > 0) groups.set(uri.toString(), ours.map((d) => `${d.range.start.line}:${ruleIdOf(d)}`).sort());
  }
  return groups;
}

async function extensionApi(): Promise<BlueprintExtensionApi> {
  const extension = vscode.extensions.getExtension<BlueprintExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

suite('diff view', () => {
  let provider: vscode.Disposable | undefined;

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(fileUri(), new TextEncoder().encode(WORKING));
    provider = vscode.workspace.registerTextDocumentContentProvider(ORIGINAL_SCHEME, {
      provideTextDocumentContent: () => ORIGINAL,
    });
  });

  suiteTeardown(() => provider?.dispose());

  test('opening and closing a diff leaves one Problems group with the working tree findings', async () => {
    const api = await extensionApi();
    await openFile(fileUri());
    const key = fileUri().toString();
    const expected = await waitFor('the working tree findings', () => {
      const findings = blueprintGroups().get(key);
      return findings?.some((finding) => finding.endsWith('step-without-persona')) ? findings : undefined;
    });
    assert.deepEqual(expected, ['15:step-without-persona']);

    // The original side alone, then the diff editor with both sides.
    const original = await vscode.workspace.openTextDocument(originalUri());
    assert.equal(original.languageId, 'markdown', 'the original side must look like a Markdown blueprint');
    await vscode.window.showTextDocument(original, { preview: false });
    await vscode.commands.executeCommand('vscode.diff', originalUri(), fileUri(), 'diff-view.blueprint.md (HEAD ↔ working tree)');
    await waitFor('the diff editor', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff);
    await api.session.scheduler.idle();

    const describe = () => JSON.stringify([...blueprintGroups()]);
    assert.deepEqual([...blueprintGroups().keys()].filter((uri) => uri.includes('diff-view')), [key], describe());
    assert.deepEqual(blueprintGroups().get(key), expected, describe());
    assert.equal(api.session.service.get(originalUri().toString()), undefined, 'the original side must not be indexed');
    assert.equal(await api.session.documentFor(original), undefined);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the original document to close', () => original.isClosed || !vscode.window.visibleTextEditors.length);
    await api.session.scheduler.idle();
    assert.deepEqual([...blueprintGroups().keys()].filter((uri) => uri.includes('diff-view')), [key], describe());
    assert.deepEqual(blueprintGroups().get(key), expected, describe());
    assert.equal(vscode.languages.getDiagnostics(originalUri()).length, 0, describeDiagnostics(vscode.languages.getDiagnostics(originalUri())));
  });
});
