/**
 * The extension's state around one core `BlueprintService`: which open documents are
 * blueprints, keeping the workspace's texts in step with the editors and the disk, the
 * diagnostics pipeline, and the configuration. Providers ask it for up-to-date models.
 */
import * as vscode from 'vscode';
import {
  blueprintPathMatcher,
  createBlueprintService,
  DEFAULT_DIAGNOSTICS_DELAY_MS,
  DEFAULT_FILES,
  isBlueprintFile,
  isWorkspaceDocumentScheme,
  ruleById,
  type BlueprintConfig,
  type BlueprintDocument,
  type BlueprintService,
  type Diagnostic,
  type DiagnosticsScheduler,
  type Lang,
} from '../core';
import { docsUrl } from '../shared/project-url';
import { toDiagnostic } from './convert';
import { VsCodeFileHost, readFromDisk, sessionRoots } from './file-host';
import { effectiveConfig, readConfigFile } from './settings';
import { logError } from './log';



export class BlueprintSession implements vscode.Disposable {
  readonly service: BlueprintService;
  readonly scheduler: DiagnosticsScheduler;
  private readonly collection = vscode.languages.createDiagnosticCollection('blueprint');
  private readonly configProblems = vscode.languages.createDiagnosticCollection('blueprint-config');
  /** The model diagnostics last published per file, for code actions. */
  private readonly published = new Map<string, Diagnostic[]>();
  /** The text each file's published diagnostics were computed for. */
  private readonly publishedText = new Map<string, string | undefined>();
  private readonly publishedEmitter = new vscode.EventEmitter<string>();
  /** Fires with a file's URI after its diagnostics were published. */
  readonly onDidPublish = this.publishedEmitter.event;
  private matchesGlob: (path: string) => boolean = blueprintPathMatcher(DEFAULT_FILES);
  private globs: readonly string[] = DEFAULT_FILES;
  private fileConfig: BlueprintConfig = {};
  private indexing: Promise<void> | undefined;
  /** Open blueprints edited since the workspace last saw their text. */
  private readonly edited = new Map<string, vscode.TextDocument>();
  constructor() {
    this.service = createBlueprintService(new VsCodeFileHost(), { roots: sessionRoots });
    this.scheduler = this.service.createDiagnosticsScheduler((uri, diagnostics) => this.publish(uri, diagnostics), {
      delayMs: DEFAULT_DIAGNOSTICS_DELAY_MS,
      onError: (error) => logError('diagnostics failed', error),
    });
    this.applyConfig();
  }

  /** VS Code's display language: for the extension's own chrome (status bar, prompts, notifications). */
  get displayLocale(): Lang {
    return vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  }

  /**
   * The language of text about a document (hovers, lenses, completion details, fix titles,
   * the preview): the same as its diagnostics, `locale` from blueprint.config.json, else
   * the file's `lang`. One rule, documented in docs/editor.md.
   */
  localeOf(document: vscode.TextDocument): Lang {
    return this.service.localeOf(document.uri.toString()) ?? this.displayLocale;
  }

  /**
   * True when the document is a blueprint: a workspace document (not the `git:` side of a
   * diff, see `isWorkspaceDocumentScheme`), Markdown, and a matching name or `blueprint:`
   * front matter.
   */
  isBlueprint(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown' || !isWorkspaceDocumentScheme(document.uri.scheme)) return false;
    const path = document.uri.scheme === 'untitled' ? undefined : vscode.workspace.asRelativePath(document.uri, false);
    return isBlueprintFile(path, document.getText(), this.matchesGlob);
  }

  /**
   * The model of an open blueprint, brought up to date with the editor first (an
   * incremental re-parse), so features never answer for stale text.
   */
  documentFor(document: vscode.TextDocument): BlueprintDocument | undefined {
    if (!this.isBlueprint(document)) return undefined;
    this.syncEdited();
    const uri = document.uri.toString();
    const text = document.getText();
    const known = this.service.get(uri);
    return known && known.text === text ? known : this.service.setText(uri, text);
  }

  /** Like `documentFor`, and waits for its personas files and the workspace index (for cross-file features). */
  async readyDocument(document: vscode.TextDocument): Promise<BlueprintDocument | undefined> {
    if (!this.documentFor(document)) return undefined;
    await this.indexWorkspace();
    await this.service.loadDependencies();
    return this.documentFor(document);
  }

  /** An editor opened or changed a document: schedule its diagnostics if it is a blueprint. */
  track(document: vscode.TextDocument): void {
    if (!this.isBlueprint(document)) return;
    this.edited.set(document.uri.toString(), document);
    this.scheduler.update(document.uri.toString(), document.getText());
    void this.indexWorkspace();
  }

  /**
   * Hands the workspace the current text of every edited open blueprint. Done lazily,
   * when a feature asks, because a rename or a personas edit in one editor changes
   * what another file's references resolve to.
   */
  private syncEdited(): void {
    for (const [uri, document] of this.edited) {
      if (!document.isClosed) this.service.setText(uri, document.getText());
    }
    this.edited.clear();
  }

  /** A file changed on disk. Open documents follow their editor instead. */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    // Closing the original side of a diff (`git:`) must not read that version in.
    if (!isWorkspaceDocumentScheme(uri.scheme)) return;
    const key = uri.toString();
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === key)) return;
    if (!this.service.get(key) && !this.matchesGlob(vscode.workspace.asRelativePath(uri, false))) return;
    const text = await readFromDisk(uri);
    if (text === undefined) return this.fileDeleted(uri);
    this.scheduler.update(key, text);
  }

  /** A file was deleted: forget it, clear its problems, re-check what used it. */
  fileDeleted(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.service.get(key)) return;
    const dependents = this.service.dependents(key);
    this.service.remove(key);
    this.collection.delete(uri);
    this.published.delete(key);
    this.publishedText.delete(key);
    this.scheduler.refresh(dependents);
  }

  /** The model diagnostics published for a file. */
  diagnosticsFor(uri: string): Diagnostic[] {
    return this.published.get(uri) ?? [];
  }

  /** True when the published diagnostics of a file were computed for exactly this text. */
  isPublishedFor(uri: string, text: string): boolean {
    return this.publishedText.get(uri) === text;
  }

  /** Re-reads `blueprint.config.json` and the settings; re-checks every file with problems shown. */
  async reloadConfig(): Promise<void> {
    const { uri, config, problems } = await readConfigFile();
    this.fileConfig = config;
    this.configProblems.clear();
    if (uri && problems.length > 0) {
      this.configProblems.set(uri, problems.map((problem) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), problem, vscode.DiagnosticSeverity.Warning)));
    }
    this.applyConfig();
  }

  /** Applies the current configuration and re-checks every blueprint whose problems are shown. */
  applyConfig(): void {
    const config = effectiveConfig(this.fileConfig);
    this.globs = config.files ?? DEFAULT_FILES;
    this.matchesGlob = blueprintPathMatcher(this.globs);
    this.service.setConfig(config);
    this.scheduler.refresh(this.published.keys());
  }

  /** Loads every blueprint file of the workspace folders once (references and rename need them all). */
  indexWorkspace(): Promise<void> {
    this.indexing ??= this.loadAllFiles();
    return this.indexing;
  }

  /** Checks every blueprint in the workspace and publishes all their problems. */
  async checkAll(): Promise<{ files: number; problems: number }> {
    this.indexing = this.loadAllFiles();
    await this.indexing;
    const uris = this.service.index.documents().map((doc) => doc.uri);
    this.scheduler.refresh(uris);
    await this.scheduler.flush();
    const problems = uris.reduce((sum, uri) => sum + this.diagnosticsFor(uri).length, 0);
    return { files: uris.length, problems };
  }

  private async loadAllFiles(): Promise<void> {
    const exclude = '**/node_modules/**';
    const found = await Promise.all(
      (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
        this.globs.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude)),
      ),
    );
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    await Promise.all(
      found.flat().map(async (uri) => {
        const key = uri.toString();
        if (open.has(key) || this.service.get(key)) return;
        const text = await readFromDisk(uri);
        if (text !== undefined && !this.service.get(key)) this.service.setText(key, text);
      }),
    );
    await this.service.loadDependencies();
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    this.published.set(uri, diagnostics);
    this.publishedText.set(uri, this.service.get(uri)?.text);
    this.collection.set(vscode.Uri.parse(uri), diagnostics.map((diagnostic) => toDiagnostic(diagnostic, (rule) => this.ruleDocs(rule))));
    this.publishedEmitter.fire(uri);
  }

  /** The documentation page of a rule: `docs/rules/<id>.md` in the repository. */
  private ruleDocs(ruleId: string): vscode.Uri | undefined {
    return ruleById(ruleId) ? vscode.Uri.parse(docsUrl(`docs/rules/${ruleId}.md`)) : undefined;
  }

  dispose(): void {
    this.scheduler.dispose();
    this.collection.dispose();
    this.configProblems.dispose();
    this.publishedEmitter.dispose();
  }
}
