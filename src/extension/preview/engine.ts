/**
 * Adapts the extension's `BlueprintSession` to the preview's `PreviewEngine`, typed by
 * the few members it uses so the preview does not depend on the session's internals.
 */
import * as vscode from 'vscode';
import type { BlueprintDocument, Diagnostic, Lang, WorkspaceIndex } from '../../core';
import type { PreviewEngine } from './types';

/** The part of the session the preview uses. */
export interface SessionLike {
  isBlueprint(document: vscode.TextDocument): boolean;
  readyDocument(document: vscode.TextDocument): Promise<BlueprintDocument | undefined>;
  readonly service: {
    readonly index: WorkspaceIndex;
    diagnostics(uri: string): Diagnostic[];
    localeOf?(uri: string): Lang | undefined;
    dependents?(uri: string): string[];
  };
  /** Fires with a file's URI string after its findings were published. */
  readonly onDidPublish: vscode.Event<string>;
}

/** A `PreviewEngine` over the extension's session; disposing it stops listening to the session. */
export function sessionPreviewEngine(session: SessionLike): PreviewEngine & vscode.Disposable {
  const changes = new vscode.EventEmitter<vscode.Uri>();
  const listener = session.onDidPublish((uri) => {
    changes.fire(vscode.Uri.parse(uri));
    // A personas file changed: the blueprints that use it show other names now.
    for (const dependent of session.service.dependents?.(uri) ?? []) changes.fire(vscode.Uri.parse(dependent));
  });
  return {
    isBlueprint: (document) => session.isBlueprint(document),
    async getModel(document) {
      const doc = await session.readyDocument(document);
      if (!doc) return undefined;
      const locale = session.service.localeOf?.(doc.uri) ?? doc.lang;
      return { doc, diagnostics: session.service.diagnostics(doc.uri), index: session.service.index, locale };
    },
    localeOf: (uri) => session.service.localeOf?.(uri.toString()),
    onDidChange: changes.event,
    dispose() {
      listener.dispose();
      changes.dispose();
    },
  };
}
