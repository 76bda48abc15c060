/**
 * What the preview needs from the rest of the extension: up-to-date models with their
 * findings, and a signal when they change. The extension's session implements it
 * (see `sessionPreviewEngine`), tests can pass a stub.
 */
import type * as vscode from 'vscode';
import type { BlueprintDocument, Diagnostic, Lang, WorkspaceIndex } from '../../core';

/** A blueprint ready to render. */
export interface PreviewModel {
  doc: BlueprintDocument;
  /** Findings for `doc` (configured severities, rules switched off left out). */
  diagnostics: Diagnostic[];
  index: WorkspaceIndex;
  /** The language of text about the document: configured `locale`, else its `lang`. */
  locale: Lang;
}

export interface PreviewEngine {
  /** True for documents the preview can show. */
  isBlueprint(document: vscode.TextDocument): boolean;
  /** The model of the document's current text, with its personas files loaded; undefined when not a blueprint. */
  getModel(document: vscode.TextDocument): Promise<PreviewModel | undefined>;
  /** The language of text about an open document, when already known (the page's toolbar is built with it). */
  localeOf?(uri: vscode.Uri): Lang | undefined;
  /** Fires with a document's URI when its model or findings changed (also for changes in its personas files). */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}
