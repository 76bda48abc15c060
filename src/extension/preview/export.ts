/**
 * "Export Preview as HTML": the same standalone page as `blueprint render --format html`,
 * written next to the blueprint (the user picks the place).
 */
import * as vscode from 'vscode';
import { renderStandalonePage } from '../../core';
import type { PreviewEngine } from './types';

/** `name.blueprint.md` → `name.html`. */
export function exportFileName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return `${base.replace(/(\.blueprint)?\.(md|markdown)$/i, '') || 'blueprint'}.html`;
}

/** Ask where to save and write the page; returns the written URI, or undefined when cancelled. */
export async function exportPreviewHtml(engine: PreviewEngine, resource: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = await vscode.workspace.openTextDocument(resource);
  const model = await engine.getModel(document);
  if (!model) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a blueprint.', resource.path));
    return undefined;
  }
  const destination = target ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(resource, '..', exportFileName(resource.path)),
    filters: { HTML: ['html'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!destination) return undefined;
  const html = renderStandalonePage({ doc: model.doc, diagnostics: model.diagnostics, index: model.index });
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported the blueprint to {0}.', vscode.workspace.asRelativePath(destination)));
  return destination;
}
