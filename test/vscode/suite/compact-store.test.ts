/**
 * The index cache's old folders, in the real extension host (Node and web worker): the
 * store deletes the `compact-<format>-<version>` folders of other formats and versions
 * through `vscode.workspace.fs` and leaves its own folder and everything else alone. A
 * folder of the test workspace stands in for the extension's storage.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { workspaceFile } from '../helpers';
import { COMPACT_FORMAT } from '../../../src/core';
import { FileCompactStore } from '../../../src/extension/compact-store';

const storage = (): vscode.Uri => workspaceFile('storage-stand-in');
const encoder = new TextEncoder();

suite('the index cache in storage', () => {
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(storage(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('the folders of other formats and versions are deleted, nothing else', async () => {
    const own = `compact-${COMPACT_FORMAT}-9.9.9`;
    const kept = [`${own}/a.json`, 'state.json', 'compactness/a.json', `compact-${COMPACT_FORMAT - 1}-1.0.0.json`];
    const stale = [`compact-${COMPACT_FORMAT - 1}-1.0.0/a.json`, `compact-${COMPACT_FORMAT}-1.0.0/a.json`];
    for (const path of [...kept, ...stale]) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(storage(), path), encoder.encode('{}'));

    await new FileCompactStore(storage(), '9.9.9').removeStale();

    const names = (await vscode.workspace.fs.readDirectory(storage())).map(([name]) => name).sort();
    assert.deepEqual(names, ['compactness', own, `compact-${COMPACT_FORMAT - 1}-1.0.0.json`, 'state.json'].sort());
  });
});
