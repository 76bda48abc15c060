/**
 * One preview panel: renders a blueprint into its webview, refreshes on change (the first
 * render at once, later ones debounced), and answers the webview's messages: reveal a
 * source line, follow links, sync scrolling both ways without echoing.
 */
import * as vscode from 'vscode';
import type { Lang } from '../../core';
import { BlueprintRenderer, buildCoverage, diffBlueprint, joinBlueprint, renderCoverageHtml, renderMermaid, type BlueprintParts } from '../../core';
import { defaultViewState, isFromWebviewMessage, type FromWebviewMessage, type PreviewViewState, type RenderedMessage, type SavePictureMessage, type SetViewMessage, type ToWebviewMessage } from '../../shared/messages';
import { exportFileName } from './export';
import { openPreviewLink } from './links';
import { makeNonce, previewPage, toolbarLabels } from './page';
import type { PreviewEngine, PreviewModel } from './types';

/** The webview panel type; the serializer is registered for it. */
export const PREVIEW_VIEW_TYPE = 'blueprint.preview';
/**
 * Quiet time after a change before re-rendering; the first render is immediate. Short:
 * an update re-renders only the changed steps and patches only their cells (tens of ms
 * for 1000 steps), so the wait is only there to fold a burst of keystrokes into one.
 */
export const PREVIEW_DEBOUNCE_MS = 40;
/**
 * A long journey's first render shows this many steps at once, the whole grid follows (a
 * panel shows a dozen columns; rendering and drawing 1000 before the first paint takes
 * seconds). Only for journeys of more than twice as many steps, shown as the grid.
 */
export const FIRST_PAINT_STEPS = 40;
/** How long a scroll caused by the other side is not reported back. */
const SCROLL_ECHO_MS = 250;

/** Options for the webview: scripts on, and only the extension's own build output readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class BlueprintPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** Fires after the webview painted an update (tests and the state command wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private shownUri: string | undefined;
  private ready = false;
  private disposed = false;
  private editorScrolledAt = 0;
  private previewScrolledAt = 0;
  private lastModel: PreviewModel | undefined;
  /**
   * The language the page's toolbar was built in: the document's (like its lanes and its
   * diagnostics), not VS Code's display language. A change rebuilds the page.
   */
  private pageLocale: Lang;
  /** Keeps the columns of the last render, so an edit re-renders only the steps it changed. */
  private readonly renderer = new BlueprintRenderer();
  /** What the webview was last sent, as parts (patches are made against it). */
  private sent: { parts: BlueprintParts; version: number } | undefined;
  /** What the webview last reported. */
  lastRendered: RenderedMessage | undefined;
  /** True when the last update carried the coverage (sent only while the Coverage view is shown). */
  private coverageSent = false;
  /** Where the next picture goes (tests); undefined: ask with a save dialog. */
  private pictureTarget: vscode.Uri | undefined;
  private readonly pictureEmitter = new vscode.EventEmitter<vscode.Uri | string>();
  /** Fires with the saved picture's URI, or with an error message. */
  readonly onDidSavePicture = this.pictureEmitter.event;
  /** The persona the last update's journey diagram was made for. */
  private mermaidSentFor: string | undefined;
  /** A view change asked for before the page could take it: sent after the next update. */
  private pendingView: Omit<SetViewMessage, 'type'> | undefined;
  /** The view state the page was opened with (until it reports one). */
  private readonly openedWith: PreviewViewState | undefined;
  /** Counts renders started: a render that yielded checks it is still the latest. */
  private renders = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private readonly engine: PreviewEngine,
    private readonly extensionUri: vscode.Uri,
    state?: PreviewViewState,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    this.openedWith = state;
    this.pageLocale = engine.localeOf?.(resourceUri) ?? (vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en');
    this.setHtml(state ?? defaultViewState(resourceUri.toString()));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebviewMessage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isPreviewOf(event.document.uri)) this.refresh();
      }),
      engine.onDidChange((uri) => {
        if (this.isPreviewOf(uri)) this.refresh();
      }),
    );
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  isPreviewOf(uri: vscode.Uri): boolean {
    return uri.toString() === this.resourceUri.toString();
  }

  /** Show another blueprint in this panel (following the active editor). */
  setResource(uri: vscode.Uri): void {
    if (this.isPreviewOf(uri)) return;
    this.resourceUri = uri;
    this.refresh(true);
  }

  /** Re-render soon; `now` skips the debounce (first render, another file). */
  refresh(now = false): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    if (now) void this.update();
    else this.timer = setTimeout(() => void this.update(), PREVIEW_DEBOUNCE_MS);
  }

  post(message: ToWebviewMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** Change the view (presentation mode, persona, …) once the page shows content. */
  setView(change: Omit<SetViewMessage, 'type'>): void {
    // Only once the page shows this file: a view change for the file shown before would be lost.
    if (this.ready && this.sent && this.shownUri === this.resourceUri.toString()) this.post({ type: 'setView', ...change });
    else this.pendingView = { ...this.pendingView, ...change };
  }

  /** Make a picture of the view on screen and save it to `target` (tests). */
  savePictureTo(format: 'png' | 'svg', target: vscode.Uri): void {
    this.pictureTarget = target;
    this.post({ type: 'makePicture', action: format });
  }

  /** The editor's cursor moved to `line`. */
  cursorMoved(line: number): void {
    this.post({ type: 'cursor', line });
  }

  /** The editor scrolled so `line` is on top; ignored right after the preview moved the editor. */
  editorScrolled(line: number): void {
    if (Date.now() - this.previewScrolledAt < SCROLL_ECHO_MS) return;
    this.editorScrolledAt = Date.now();
    this.post({ type: 'scrollToLine', line });
  }

  private setHtml(state: PreviewViewState): void {
    const webview = this.panel.webview;
    const dist = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', name)).toString();
    this.ready = false;
    webview.html = previewPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: dist('webview/webview.js'),
      state,
      lang: this.pageLocale,
      labels: toolbarLabels(this.pageLocale),
    });
  }

  private async update(): Promise<void> {
    this.timer = undefined;
    if (this.disposed || !this.ready) return;
    const uri = this.resourceUri;
    const model = await this.modelToRender(uri);
    if (!model) return;
    const input = { doc: model.doc, diagnostics: model.diagnostics, index: model.index, locale: model.locale };
    const newDocument = this.shownUri !== uri.toString();
    this.shownUri = uri.toString();
    this.panel.title = vscode.l10n.t('Preview {0}', basename(uri));
    const render = ++this.renders;
    if (newDocument && this.firstPaintFirst(model.doc.steps.length)) {
      this.postFirstSteps(input, uri);
      // Let the page take and draw it before the whole grid is rendered.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.disposed || render !== this.renders || !this.isPreviewOf(uri)) return;
    }
    const parts = this.renderer.render(input);
    // Same file as the webview shows: send only what changed (undefined when the table's shape changed).
    const patch = !newDocument && this.sent ? diffBlueprint(this.sent.parts, parts) : undefined;
    const version = ++this.version;
    // The coverage costs a pass over every step: only worth it while someone looks at it.
    const withCoverage = this.lastRendered?.state.view === 'coverage';
    // The journey diagram shows the chosen persona's steps and scores only.
    const persona = this.lastRendered?.state.persona;
    this.post({
      type: 'update',
      uri: uri.toString(),
      version,
      title: basename(uri),
      html: patch ? '' : joinBlueprint(parts),
      patch: patch && this.sent ? { ...patch, baseVersion: this.sent.version } : undefined,
      mermaid: renderMermaid(input, parts.view, { persona }),
      mermaidPersona: persona,
      coverage: withCoverage ? renderCoverageHtml(buildCoverage(input)) : undefined,
      personas: parts.view.personas,
      lang: model.doc.lang,
      newDocument,
    });
    this.sent = { parts, version };
    this.coverageSent = withCoverage;
    this.mermaidSentFor = persona;
    if (this.pendingView) {
      this.post({ type: 'setView', ...this.pendingView });
      this.pendingView = undefined;
    }
  }

  /** The model of `uri` to render; undefined when it is gone, overtaken, or the page is rebuilt for another language. */
  private async modelToRender(uri: vscode.Uri): Promise<PreviewModel | undefined> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
    const model = await this.engine.getModel(document);
    // A newer change or another file may have come in while the model was prepared.
    if (!model || this.disposed || !this.isPreviewOf(uri)) return undefined;
    this.lastModel = model;
    if (model.locale !== this.pageLocale) {
      // The page comes back with 'ready' and is then sent this render.
      this.pageLocale = model.locale;
      this.setHtml(this.lastRendered?.state ?? defaultViewState(uri.toString()));
      return undefined;
    }
    return model;
  }

  /** True when a new document's first render should show only its first steps: a long journey shown as the grid. */
  private firstPaintFirst(steps: number): boolean {
    const state = this.lastRendered?.state ?? this.openedWith;
    return steps > 2 * FIRST_PAINT_STEPS && (state === undefined || (state.view === 'grid' && state.present === undefined));
  }

  /** The first steps of a long journey, for a quick first paint; the page reports no `rendered` for it. */
  private postFirstSteps(input: Parameters<BlueprintRenderer['render']>[0], uri: vscode.Uri): void {
    const first = this.renderer.render(input, { columns: FIRST_PAINT_STEPS });
    this.post({
      type: 'update',
      uri: uri.toString(),
      version: ++this.version,
      title: basename(uri),
      html: joinBlueprint(first),
      mermaid: '',
      personas: first.view.personas,
      lang: input.doc.lang,
      newDocument: true,
      partial: true,
    });
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // A fresh page (first load, shown again after being hidden) or one that could not
        // apply a patch needs everything. Versions keep increasing: a page that asked again
        // still drops anything older than what it shows.
        this.shownUri = undefined;
        this.sent = undefined;
        this.refresh(true);
        break;
      case 'revealLine':
        await this.revealLine(message.line);
        break;
      case 'didScroll':
        this.previewScrolled(message.line);
        break;
      case 'export':
        await vscode.commands.executeCommand('blueprint.exportPreviewHtml', this.resourceUri);
        break;
      case 'savePicture':
        await this.savePicture(message);
        break;
      case 'pictureDone':
        // A copy is confirmed in the preview itself (picture-actions.ts): a notification would cover the presentation bar.
        if (message.error) {
          this.pictureEmitter.fire(message.error);
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not make the picture: {0}', message.error));
        }
        break;
      case 'print':
        await vscode.commands.executeCommand('blueprint.printPreview', this.resourceUri);
        break;
      case 'openLink':
        await openPreviewLink(message.href, this.resourceUri, this.lastModel);
        break;
      case 'rendered':
        if (message.uri === this.resourceUri.toString()) {
          this.lastRendered = message;
          this.renderedEmitter.fire(message);
          // Switched to the Coverage view after an update without it: send one with it now.
          if (message.state.view === 'coverage' && !this.coverageSent) this.refresh(true);
          // The diagram is shown for another persona than it was made for: send it for this one.
          if (message.state.view === 'mermaid' && message.state.persona !== this.mermaidSentFor) this.refresh(true);
        }
        break;
    }
  }

  /** Save a picture the webview made: through a save dialog and `workspace.fs` (works on the web too). */
  private async savePicture(message: SavePictureMessage): Promise<void> {
    const base = exportFileName(this.resourceUri.path).replace(/\.html$/, '');
    const target = this.pictureTarget ?? await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.resourceUri, '..', `${base}-${message.view}.${message.format}`),
      filters: message.format === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] },
      saveLabel: vscode.l10n.t('Save'),
    });
    const fromTest = this.pictureTarget !== undefined;
    this.pictureTarget = undefined;
    if (!target) return;
    const bytes = message.format === 'png'
      ? Uint8Array.from(atob(message.data), (c) => c.charCodeAt(0))
      : new TextEncoder().encode(message.data);
    await vscode.workspace.fs.writeFile(target, bytes);
    this.pictureEmitter.fire(target);
    if (!fromTest) void vscode.window.showInformationMessage(vscode.l10n.t('Saved the picture ({0}×{1}) to {2}.', message.width, message.height, vscode.workspace.asRelativePath(target)));
  }

  private previewScrolled(line: number): void {
    if (Date.now() - this.editorScrolledAt < SCROLL_ECHO_MS) return;
    const editor = vscode.window.visibleTextEditors.find((e) => this.isPreviewOf(e.document.uri));
    if (!editor) return;
    this.previewScrolledAt = Date.now();
    const position = new vscode.Position(line, 0);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }

  /** Put the cursor on `line` in an editor of the blueprint (opening one beside the preview if needed). */
  private async revealLine(line: number): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => this.isPreviewOf(e.document.uri));
    const document = visible?.document ?? await vscode.workspace.openTextDocument(this.resourceUri);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, column);
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.renderedEmitter.dispose();
    this.pictureEmitter.dispose();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

