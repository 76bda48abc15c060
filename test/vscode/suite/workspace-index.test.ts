/**
 * A workspace of a few hundred generated blueprints (issue 13): the open file's problems
 * arrive while the rest is still being indexed in the background, and once indexing is
 * done a link into a file that was never opened resolves (go to definition), from the
 * compact document the index keeps of it. A workspace folder added is indexed, and one
 * removed is forgotten (the runner opens the folder through a workspace file, so adding a
 * folder does not reload the window).
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, describeDiagnostics, openFile, ruleIdOf, waitFor, workspaceFile, workspaceRoot } from '../helpers';
import { generateRepository } from '../../../bench/generate';
import type { BlueprintExtensionApi } from '../../../src/extension/extension';

const FILES = 300;
const STEPS = 30;
const encoder = new TextEncoder();

async function api(): Promise<BlueprintExtensionApi> {
  const extension = vscode.extensions.getExtension<BlueprintExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.isActive ? extension.exports : extension.activate();
}

/** A folder beside the test workspace, added as a second workspace folder by a test. */
const extraFolder = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), '..', 'extra-folder');

/** Resolves on the next change of workspace folders. */
function nextFolderChange(): Promise<vscode.WorkspaceFoldersChangeEvent> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      listener.dispose();
      resolve(event);
    });
  });
}

suite('a workspace of many blueprints', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('scale'), { recursive: true, useTrash: false });
    const at = vscode.workspace.workspaceFolders?.findIndex((folder) => folder.uri.toString() === extraFolder().toString()) ?? -1;
    if (at >= 0) vscode.workspace.updateWorkspaceFolders(at, 1);
    await vscode.workspace.fs.delete(extraFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('the open file\'s problems arrive while the workspace is still being indexed', async function () {
    this.timeout(180_000);
    const { session } = await api();
    void session.indexWorkspace();
    // New files on disk: indexed as they arrive (the file watcher), a few milliseconds of work each.
    const files = generateRepository(FILES, STEPS);
    const paths = [...files.keys()];
    for (let i = 0; i < paths.length; i += 25) {
      await Promise.all(paths.slice(i, i + 25).map((path) => vscode.workspace.fs.writeFile(workspaceFile(`scale/${path}`), encoder.encode(files.get(path)!))));
    }
    // The watcher indexes the new files as they arrive; on a quick machine that is done
    // before the last write returns, so waiting to see it running raced (it failed on an
    // idle CI run). Instead: let it finish, then index the workspace again from the start,
    // as a new window does, and open the file while that runs.
    await session.indexWorkspace();
    session.indexer.restart();
    assert.ok(session.indexer.state.running, 'indexing started again');
    // Product 56 reads the shared personas file and misspells @ahmed as @ahmet.
    const uri = workspaceFile('scale/products/g1/product-56.blueprint.md');
    let stateWhenPublished: { running: boolean; done: number; total: number } | undefined;
    const listener = session.onDidPublish((published) => {
      if (published === uri.toString() && !stateWhenPublished) stateWhenPublished = { ...session.indexer.state };
    });
    try {
      await openFile(uri);
      await waitFor('an unknown-persona problem on the open file', () =>
        vscode.languages.getDiagnostics(uri).some((d) => ruleIdOf(d) === 'unknown-persona'), 60_000, () => describeDiagnostics(vscode.languages.getDiagnostics(uri)));
    } finally {
      listener.dispose();
    }
    assert.ok(stateWhenPublished, 'problems published');
    assert.ok(stateWhenPublished.running, `indexing still running when they arrived: ${JSON.stringify(stateWhenPublished)}`);
  });

  test('once indexing is done, go to definition resolves a link into a file that was never opened', async function () {
    this.timeout(180_000);
    const { session } = await api();
    // Product 11 links to a story of product 10, which no editor opened.
    const target = workspaceFile('scale/products/g0/product-10.blueprint.md');
    const document = await openFile(workspaceFile('scale/products/g0/product-11.blueprint.md'));
    await session.indexWorkspace();
    assert.equal(session.indexer.state.running, false);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString()), 'product 10 is not open');
    assert.ok(session.service.isCompact(target.toString()), 'product 10 is known as a compact document');
    assert.ok(session.service.index.documents().length >= FILES, `${session.service.index.documents().length} documents indexed`);
    const link = 'product-10.blueprint.md#story-number-1-about-waiting';
    const at = document.positionAt(document.getText().indexOf(link) + 3);
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, at);
    const [first] = locations;
    assert.ok(first, 'a definition');
    const targetUri = 'targetUri' in first ? first.targetUri : first.uri;
    const targetRange = 'targetRange' in first ? first.targetRange : first.range;
    assert.equal(targetUri.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(text.split(/\r?\n/)[targetRange.start.line], '### Story number 1 about waiting');
  });

  test('indexing again takes the files\' facts from the cache in the extension\'s storage', async function () {
    this.timeout(180_000);
    const { session } = await api();
    await session.indexWorkspace();
    const before = session.indexer.state.cached;
    // As a second start does: every file listed again, its facts looked up before it is read.
    session.indexer.restart();
    await session.indexWorkspace();
    const cached = session.indexer.state.cached - before;
    assert.ok(cached >= FILES - 10, `${cached} of ${FILES} files from the cache; last run ${JSON.stringify(session.indexer.state.last)}`);
  });

  test('a workspace folder added is indexed, and a removed one is forgotten', async function () {
    this.timeout(120_000);
    const { session } = await api();
    await session.indexWorkspace();
    const file = vscode.Uri.joinPath(extraFolder(), 'elsewhere.blueprint.md');
    await vscode.workspace.fs.writeFile(file, encoder.encode('# Elsewhere\n\n## Personas\n\n### Noor\n\nLives in another folder.\n'));
    assert.equal(session.service.get(file.toString()), undefined, 'not known before its folder is added');

    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    const added = nextFolderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: extraFolder() }), 'the folder can be added');
    assert.equal((await added).added.length, 1);
    await waitFor('the added folder\'s blueprint indexed', async () => {
      await session.indexWorkspace();
      return session.service.isCompact(file.toString());
    }, 60_000, () => JSON.stringify(session.indexer.state));
    assert.ok(session.service.get(file.toString())?.personas.some((persona) => persona.id === 'noor'), 'its persona is known');

    const removed = nextFolderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1), 'the folder can be removed');
    assert.equal((await removed).removed.length, 1);
    await waitFor('the removed folder\'s blueprint forgotten', () => session.service.get(file.toString()) === undefined, 30_000);
    assert.ok(session.service.index.documents().length > 1, 'the first folder\'s files are still known');
  });
});
