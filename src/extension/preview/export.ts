/**
 * "Export Preview as HTML": the view on screen (grid, client view, journey diagram or
 * coverage; the chosen persona; the theme as shown; findings or not) as the same
 * standalone page as `blueprint render`, written through a save dialog and
 * `workspace.fs` (so it works in the web extension host too), then offered to open in
 * the browser or to reveal.
 */
import * as vscode from 'vscode';
import { renderCoveragePage, renderStandalonePage, type PageOptions } from '../../core';
import type { PreviewViewState } from '../../shared/messages';
import type { PreviewEngine } from './types';

/** What the export shows: a page's options, or the coverage table. */
export type ShownView = PageOptions | { view: 'coverage'; theme?: 'light' | 'dark' };

/** The page options for what a preview shows (its view state) in a light or dark theme. */
export function shownView(state: PreviewViewState | undefined, dark: boolean): ShownView {
  const theme = dark ? 'dark' : 'light';
  if (!state) return { theme };
  if (state.view === 'coverage') return { view: 'coverage', theme };
  const view = state.view === 'mermaid' ? 'journey' : state.clientView ? 'client' : 'grid';
  return { view, theme, persona: state.persona };
}

/** True when VS Code shows a dark (or high-contrast dark) theme. */
export function darkThemeShown(): boolean {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast;
}

/** `name.blueprint.md` → `name.html`. */
export function exportFileName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return `${base.replace(/(\.blueprint)?\.(md|markdown)$/i, '') || 'blueprint'}.html`;
}

/** Ask where to save and write the page; returns the written URI, or undefined when cancelled. */
export async function exportPreviewHtml(engine: PreviewEngine, resource: vscode.Uri, target?: vscode.Uri, shown: ShownView = {}): Promise<vscode.Uri | undefined> {
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
  const input = { doc: model.doc, diagnostics: model.diagnostics, index: model.index };
  const html = shown.view === 'coverage' ? renderCoveragePage(input, { theme: shown.theme }) : renderStandalonePage(input, shown);
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
  if (!target) void offerToOpen(destination);
  return destination;
}

/**
 * "Print / Save as PDF": the view on screen as the exported page, opened in the system
 * browser, whose print dialog prints it or saves it as PDF (the page has print styles and no
 * script, so it cannot open the dialog itself). Written to the extension's storage where
 * that is a local folder the browser can open; elsewhere (vscode.dev, remote) through the
 * save dialog, as Export does.
 */
export async function printPreview(engine: PreviewEngine, resource: vscode.Uri, storage: vscode.Uri, shown: ShownView = {}): Promise<vscode.Uri | undefined> {
  const local = storage.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
  const target = local ? vscode.Uri.joinPath(storage, 'print', exportFileName(resource.path)) : undefined;
  if (target) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  const written = await exportPreviewHtml(engine, resource, target, shown);
  if (!written || !target) return written;
  const opened = await vscode.env.openExternal(written);
  if (opened) void vscode.window.showInformationMessage(vscode.l10n.t('Opened {0} in your browser: print it or save it as PDF there (Ctrl+P).', exportFileName(resource.path)));
  return written;
}

/** After an export: open the page in the browser, or show it in the file explorer. */
async function offerToOpen(destination: vscode.Uri): Promise<void> {
  const open = vscode.l10n.t('Open in browser');
  const reveal = vscode.l10n.t('Reveal in explorer');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Exported the blueprint to {0}.', vscode.workspace.asRelativePath(destination)), open, reveal);
  if (choice === open) await vscode.env.openExternal(destination);
  // The system's file manager for files on disk; VS Code's explorer for other file systems (web).
  else if (choice === reveal) await vscode.commands.executeCommand(destination.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop ? 'revealFileInOS' : 'revealInExplorer', destination);
}
