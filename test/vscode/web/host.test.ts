/**
 * Only in the web bundle of the suite: the tests, and with them the extension, run in
 * VS Code's web worker extension host (as in vscode.dev and github.dev), not in Node.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../helpers';

suite('web worker extension host', () => {
  test('the suite runs in a web worker, without Node', () => {
    assert.equal(typeof process, 'undefined');
    assert.equal(self.constructor.name, 'DedicatedWorkerGlobalScope');
  });

  test('the extension runs in the same host, from its browser entry', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this window`);
    const manifest = extension.packageJSON as { main?: string; browser?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    // The worker host runs on the UI side; a Node host in code-server is the workspace side.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
  });
});
