/**
 * The preview feature: commands to open it (to the side or in place) and to export it,
 * one preview that follows the active blueprint editor, restore after reload through a
 * serializer, and editor ↔ preview sync of cursor and scroll.
 */
import * as vscode from 'vscode';
import { defaultViewState, type PreviewViewState, type RenderedMessage, type SetViewMessage } from '../../shared/messages';
import { darkThemeShown, exportPreviewHtml, printPreview, shownView } from './export';
import { BlueprintPreview, PREVIEW_VIEW_TYPE, webviewOptions } from './preview';
import type { PreviewEngine } from './types';

export type { PreviewEngine, PreviewModel } from './types';
export { sessionPreviewEngine } from './engine';

/** Command ids (contributed in package.json). */
export const PREVIEW_COMMANDS = {
  openToSide: 'blueprint.openPreviewToSide',
  open: 'blueprint.openPreview',
  exportHtml: 'blueprint.exportPreviewHtml',
  present: 'blueprint.present',
  print: 'blueprint.printPreview',
  zoomIn: 'blueprint.preview.zoomIn',
  zoomOut: 'blueprint.preview.zoomOut',
  zoomReset: 'blueprint.preview.zoomReset',
  /** Test mode only: what the preview shows. Resolves after a paint at or after `minVersion` when given. */
  state: 'blueprint.preview.state',
  /** Test mode only: set persona filter, client view or diagram view. */
  setView: 'blueprint.preview.setView',
  /** Test mode only: press a key in the preview (as a keydown on the page). */
  pressKey: 'blueprint.preview.pressKey',
  /** Test mode only: save a picture of the view on screen to a URI; resolves with it (or an error message). */
  savePicture: 'blueprint.preview.savePicture',
} as const;

class PreviewManager implements vscode.Disposable {
  private preview: BlueprintPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly engine: PreviewEngine) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.preview && engine.isBlueprint(editor.document)) this.preview.setResource(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.preview?.isPreviewOf(event.textEditor.document.uri)) this.preview.cursorMoved(event.selections[0].active.line);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const top = event.visibleRanges[0]?.start.line;
        if (top !== undefined && this.preview?.isPreviewOf(event.textEditor.document.uri)) this.preview.editorScrolled(top);
      }),
    );
  }

  /** Show `uri` in the preview, creating the panel in `column` if there is none. */
  open(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean): BlueprintPreview {
    if (this.preview) {
      this.preview.setResource(uri);
      this.preview.panel.reveal(column, preserveFocus);
      return this.preview;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Blueprint preview'), { viewColumn: column, preserveFocus }, webviewOptions(this.context.extensionUri));
    return this.adopt(panel, uri, undefined);
  }

  /** Take over a panel (new, or restored by the serializer). */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, state: PreviewViewState | undefined): BlueprintPreview {
    this.preview?.dispose();
    const preview = new BlueprintPreview(panel, uri, this.engine, this.context.extensionUri, state);
    preview.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
    this.preview = preview;
    return preview;
  }

  get current(): BlueprintPreview | undefined {
    return this.preview;
  }

  dispose(): void {
    this.preview?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isViewState(value: unknown): value is PreviewViewState {
  return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}

/** The blueprint to act on: the given URI, else the active editor's, else the preview's. */
function targetUri(engine: PreviewEngine, manager: PreviewManager, uri?: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  const editor = vscode.window.activeTextEditor;
  if (editor && engine.isBlueprint(editor.document)) return editor.document.uri;
  return manager.current?.resource;
}

/** Wait for the preview to report a paint at or after `version` (or any, when undefined). */
function nextRender(preview: BlueprintPreview, minVersion: number | undefined, timeoutMs: number): Promise<RenderedMessage | undefined> {
  const last = preview.lastRendered;
  if (last && (minVersion === undefined || last.version >= minVersion)) return Promise.resolve(last);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(preview.lastRendered);
    }, timeoutMs);
    const listener = preview.onDidRender((rendered) => {
      if (minVersion !== undefined && rendered.version < minVersion) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(rendered);
    });
  });
}

/** Commands the in-editor tests drive the preview with. */
function registerTestCommands(manager: PreviewManager): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(PREVIEW_COMMANDS.state, (options?: { minVersion?: number; timeoutMs?: number }) => {
      const preview = manager.current;
      if (!preview) return undefined;
      return nextRender(preview, options?.minVersion, options?.timeoutMs ?? 5000);
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.setView, (change: Omit<SetViewMessage, 'type'>) => {
      manager.current?.post({ type: 'setView', ...change });
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.pressKey, (key: string) => {
      manager.current?.post({ type: 'pressKey', key });
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.savePicture, (format: 'png' | 'svg', target: vscode.Uri) => {
      const preview = manager.current;
      if (!preview) return undefined;
      return new Promise<vscode.Uri | string>((resolve) => {
        const timer = setTimeout(() => {
          listener.dispose();
          resolve('timed out');
        }, 90_000);
        const listener = preview.onDidSavePicture((result) => {
          clearTimeout(timer);
          listener.dispose();
          resolve(result);
        });
        preview.savePictureTo(format, target);
      });
    }),
  ];
}

/**
 * Register the preview: commands, the panel serializer, editor sync. Called once from
 * `activate` with the extension's engine.
 */
export function registerPreview(context: vscode.ExtensionContext, engine: PreviewEngine): vscode.Disposable {
  const manager = new PreviewManager(context, engine);
  const disposables: vscode.Disposable[] = [
    manager,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openToSide, (uri?: unknown) => {
      const target = targetUri(engine, manager, uri);
      if (target) manager.open(target, vscode.ViewColumn.Beside, true);
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.open, (uri?: unknown) => {
      const target = targetUri(engine, manager, uri);
      if (target) manager.open(target, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, false);
    }),
    // Presentation mode: the preview (beside the editor, so edits still show) takes the
    // focus, so the slide keys reach it at once.
    vscode.commands.registerCommand(PREVIEW_COMMANDS.present, (uri?: unknown) => {
      const target = targetUri(engine, manager, uri);
      if (!target) return;
      const shown = manager.current?.isPreviewOf(target) ? manager.current : undefined;
      const preview = shown ?? manager.open(target, vscode.ViewColumn.Beside, false);
      preview.panel.reveal(preview.panel.viewColumn, false);
      preview.setView({ present: true });
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.print, async (uri?: unknown) => {
      const target = targetUri(engine, manager, uri);
      if (!target) return undefined;
      const preview = manager.current?.isPreviewOf(target) ? manager.current : undefined;
      return printPreview(engine, target, context.globalStorageUri, shownView(preview?.lastRendered?.state, darkThemeShown()));
    }),
    // Ctrl+= / Ctrl+- / Ctrl+0 while the preview has the focus (bound in package.json, so
    // they zoom the grid instead of the whole window).
    vscode.commands.registerCommand(PREVIEW_COMMANDS.zoomIn, () => manager.current?.post({ type: 'zoom', action: 'in' })),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.zoomOut, () => manager.current?.post({ type: 'zoom', action: 'out' })),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.zoomReset, () => manager.current?.post({ type: 'zoom', action: 'reset' })),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportHtml, async (uri?: unknown, destination?: unknown) => {
      const target = targetUri(engine, manager, uri);
      if (!target) return undefined;
      // What the preview of this file shows (view, persona, theme); the grid when none is open.
      const preview = manager.current?.isPreviewOf(target) ? manager.current : undefined;
      return exportPreviewHtml(engine, target, destination instanceof vscode.Uri ? destination : undefined, shownView(preview?.lastRendered?.state, darkThemeShown()));
    }),
    // The in-editor tests run the extension in Test mode (`extensionTestsPath`); users never
    // get these commands, not even through a keybinding.
    ...(context.extensionMode === vscode.ExtensionMode.Test ? registerTestCommands(manager) : []),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (!isViewState(state)) {
          panel.dispose();
          return;
        }
        manager.adopt(panel, vscode.Uri.parse(state.uri), { ...defaultViewState(state.uri), ...state });
      },
    }),
  ];
  return vscode.Disposable.from(...disposables);
}
