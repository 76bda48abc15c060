/**
 * Entry point of the VS Code extension. Activation stays cheap: it registers providers
 * and listeners and returns; nothing is parsed or read from disk until a blueprint is
 * open. Non-blueprint Markdown files cost one glob test and a look at the front matter.
 */
import * as vscode from 'vscode';
import { BlueprintSession } from './session';
import { FileCompactStore } from './compact-store';
import { registerProviders } from './providers';
import { registerCommands } from './commands';
import { registerCompare } from './compare';
import { registerStatusBar } from './status-bar';
import { SETTINGS_SECTION } from './settings';
import { registerPreview, sessionPreviewEngine } from './preview';
import { CONFIG_FILE_NAME } from '../core';
import { logDisposable, logFailure } from './log';

/** What `activate` returns: for the in-editor tests and the bench. */
export interface BlueprintExtensionApi {
  session: BlueprintSession;
  /** Milliseconds `activate` took. */
  activationTimeMs: number;
}

export function activate(context: vscode.ExtensionContext): BlueprintExtensionApi {
  const started = performance.now();
  // Facts of the workspace's blueprints kept between sessions (issue 13).
  const store = new FileCompactStore(context.storageUri ?? context.globalStorageUri, String(context.extension.packageJSON.version));
  const session = new BlueprintSession(store);
  const previewEngine = sessionPreviewEngine(session);
  context.subscriptions.push(
    logDisposable,
    session,
    ...registerProviders(session),
    ...registerCommands(session),
    ...registerCompare(session),
    ...registerStatusBar(session),
    ...registerSync(session),
    previewEngine,
    registerPreview(context, previewEngine),
  );
  for (const document of vscode.workspace.textDocuments) session.track(document);
  logFailure('reading the configuration failed', session.reloadConfig());
  return { session, activationTimeMs: performance.now() - started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Keeps the core workspace in step with editors, files on disk, settings and the config file. */
function registerSync(session: BlueprintSession): vscode.Disposable[] {
  const markdownWatcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  const reload = (): void => logFailure('reading the configuration failed', session.reloadConfig());
  return [
    markdownWatcher,
    configWatcher,
    vscode.workspace.onDidOpenTextDocument((document) => session.track(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) session.track(event.document);
    }),
    // A closed editor may have discarded unsaved text: go back to what is on disk.
    vscode.workspace.onDidCloseTextDocument((document) => logFailure('re-reading a closed file failed', session.fileChanged(document.uri))),
    markdownWatcher.onDidChange((uri) => logFailure('reading a changed file failed', session.fileChanged(uri))),
    markdownWatcher.onDidCreate((uri) => logFailure('reading a new file failed', session.fileChanged(uri))),
    markdownWatcher.onDidDelete((uri) => session.fileDeleted(uri)),
    configWatcher.onDidChange(reload),
    configWatcher.onDidCreate(reload),
    configWatcher.onDidDelete(reload),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) session.applyConfig();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders((event) => session.foldersChanged(event.removed.map((folder) => folder.uri.toString()))),
  ];
}
