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
  isInsideRoots,
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
import { WorkspaceIndexer, type CompactStore } from './workspace-index';



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
  /** Every blueprint of the workspace that is not open, as compact documents (issue 13). */
  readonly indexer: WorkspaceIndexer;
  /** Open blueprints edited since the workspace last saw their text. */
  private readonly edited = new Map<string, vscode.TextDocument>();
  private disposed = false;
  constructor(store?: CompactStore) {
    this.service = createBlueprintService(new VsCodeFileHost(), { roots: sessionRoots });
    this.scheduler = this.service.createDiagnosticsScheduler((uri, diagnostics) => this.publish(uri, diagnostics), {
      delayMs: DEFAULT_DIAGNOSTICS_DELAY_MS,
      compactDependencies: true,
      onError: (error) => logError('diagnostics failed', error),
    });
    this.indexer = new WorkspaceIndexer(this.service, () => this.globs, (uris) => this.indexed(uris), store);
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
   * The model of an open blueprint, brought up to date with the editor (an incremental
   * re-parse), so features never answer for stale text. A file not parsed yet (just
   * opened, or huge) is not parsed here in one go, which could block the host that every
   * extension shares (issue 9): this waits for the diagnostics scheduler's parse in steps,
   * and for that of every other edited blueprint. Undefined when the document is not a
   * blueprint or the feature was cancelled meanwhile.
   */
  async documentFor(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<BlueprintDocument | undefined> {
    if (!this.isBlueprint(document)) return undefined;
    const waits = [document, ...this.edited.values()].filter((open) => !open.isClosed && !this.isParsed(open)).map((open) => this.steppedParse(open));
    if (waits.length > 0 && !(await untilCancelled(Promise.all(waits), token))) return undefined;
    return this.currentModel(document);
  }

  /**
   * Like `documentFor`, and waits for the files it points at, its personas files as full
   * models (hovers and completion show their descriptions); with `wholeWorkspace` also
   * for the workspace index (references and rename look at every file).
   */
  async readyDocument(document: vscode.TextDocument, wholeWorkspace = false, token?: vscode.CancellationToken): Promise<BlueprintDocument | undefined> {
    const doc = await this.documentFor(document, token);
    if (!doc) return undefined;
    if (wholeWorkspace) await this.indexWorkspace();
    await this.service.loadDependencies({ compact: true, inSteps: (steps) => this.inSlices(steps) });
    for (const inScope of this.service.index.scope(doc.uri)) {
      if (!inScope.compact) continue;
      const text = await readFromDisk(vscode.Uri.parse(inScope.uri));
      // In steps: a huge personas file in scope must not block the host either (issue 9).
      if (text !== undefined && this.service.isCompact(inScope.uri) && !(await this.inSlices(this.service.setTextInSteps(inScope.uri, text)))) return undefined;
    }
    if (token?.isCancellationRequested) return undefined;
    return this.currentModel(document);
  }

  /** True when the document has a full model (its first parse is done; it may be behind the editor's text). */
  isParsed(document: vscode.TextDocument): boolean {
    const known = this.service.get(document.uri.toString());
    return known !== undefined && !known.compact;
  }

  /** The scheduler's parse of a document in steps, asked for now when nothing scheduled it. */
  private steppedParse(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    if (!this.scheduler.isParsing(uri)) this.scheduler.update(uri, document.getText());
    return this.scheduler.parsed(uri);
  }

  /**
   * The document's full model with the editor's text: only an incremental re-parse, never
   * a first parse (undefined then: the file was closed or let go while a feature waited).
   */
  private currentModel(document: vscode.TextDocument): BlueprintDocument | undefined {
    this.syncEdited();
    if (!this.isParsed(document)) return undefined;
    const uri = document.uri.toString();
    const text = document.getText();
    const known = this.service.get(uri);
    return known && known.text === text ? known : this.service.setText(uri, text);
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
      // A file without a full model yet is left to the scheduler's parse in steps.
      if (!document.isClosed && !this.isParsed(document)) continue;
      if (!document.isClosed) this.service.setText(uri, document.getText());
      this.edited.delete(uri);
    }
  }

  /**
   * A file changed on disk or its editor closed. Open documents follow their editor
   * instead. A closed file kept as a full model (it was open, or a personas file) is
   * checked against its saved text and let go to its compact document; any other
   * blueprint is indexed again in the background.
   */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    // Closing the original side of a diff (`git:`) must not read that version in.
    if (!isWorkspaceDocumentScheme(uri.scheme)) return;
    const key = uri.toString();
    if (isOpen(key)) return;
    const known = this.service.get(key);
    if (!known && !this.matchesGlob(vscode.workspace.asRelativePath(uri, false))) return;
    if (known && !known.compact) return this.checkClosed([key]);
    this.indexer.changed(key);
  }

  /**
   * Checks closed files from their saved text, publishes their problems and keeps only
   * their compact documents; the files that use them are checked again. One file at a
   * time, each parsed and checked in steps, giving the editor a turn between slices: a
   * huge or hostile file that changed on disk never blocks the host (issue 9).
   */
  private async checkClosed(uris: Iterable<string>): Promise<void> {
    const dependents = new Set<string>();
    for (const uri of uris) {
      if (isOpen(uri)) continue;
      const text = await readFromDisk(vscode.Uri.parse(uri));
      if (text === undefined) {
        this.fileDeleted(vscode.Uri.parse(uri));
        continue;
      }
      const before = this.service.get(uri);
      const changed = !this.service.hasTextOf(uri, text);
      // A full model whose text changed on disk (a pull, a branch switch) is let go first:
      // its new text gets a first parse in steps, not a re-parse in one go (issue 9).
      if (changed && before && !before.compact) this.service.release(uri);
      const checked = await this.inSlices(checkInSteps(this.service, uri, text));
      if (!checked) return;
      // Opened meanwhile: its editor's text is the scheduler's to check.
      if (isOpen(uri)) continue;
      this.publish(uri, checked.value);
      this.service.release(uri);
      if (changed) for (const dependent of this.service.dependents(uri)) dependents.add(dependent);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.indexed([...dependents], false);
  }

  /**
   * Runs steps, giving the editor a turn after each slice of work; undefined when the
   * session was disposed meanwhile.
   */
  async inSlices<T>(steps: Generator<void, T, void>): Promise<{ value: T } | undefined> {
    let started = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return { value: step.value };
      if (Date.now() - started < SLICE_MS) continue;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.disposed) {
        steps.return(undefined as T);
        return undefined;
      }
      started = Date.now();
    }
  }

  /** Files were indexed: open blueprints (and, for a few changed files, closed ones with problems shown) are checked again. */
  private indexed(uris: string[], withDependents = uris.length <= 50): void {
    const affected = new Set(vscode.workspace.textDocuments.filter((document) => this.isBlueprint(document)).map((document) => document.uri.toString()));
    if (withDependents) for (const uri of uris) for (const dependent of this.service.dependents(uri)) affected.add(dependent);
    else for (const uri of uris) affected.add(uri);
    this.scheduler.refresh([...affected].filter((uri) => isOpen(uri)));
    const closed = [...affected].filter((uri) => !isOpen(uri) && this.published.has(uri));
    if (closed.length > 0) void this.checkClosed(closed).catch((error: unknown) => logError('checking closed files failed', error));
  }

  /** A file was deleted: forget it, clear its problems, re-check what used it. */
  fileDeleted(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.service.get(key)) return;
    const dependents = this.service.dependents(key);
    this.indexer.deleted(key);
    this.service.remove(key);
    this.collection.delete(uri);
    this.published.delete(key);
    this.publishedText.delete(key);
    this.scheduler.refresh(dependents);
  }

  /**
   * Workspace folders were added or removed: the files of a removed folder that no editor
   * has open are forgotten (their problems cleared, the files using them checked again),
   * and indexing starts over, listing the files of the folders now open.
   */
  foldersChanged(removed: readonly string[]): void {
    const gone = removed.length === 0 ? [] : this.service.index.documents().filter((doc) => isInsideRoots(doc.uri, removed) && !isOpen(doc.uri));
    for (const { uri } of gone) {
      this.service.remove(uri);
      this.collection.delete(vscode.Uri.parse(uri));
      this.published.delete(uri);
      this.publishedText.delete(uri);
    }
    if (gone.length > 0) this.scheduler.refresh(vscode.workspace.textDocuments.filter((document) => this.isBlueprint(document)).map((document) => document.uri.toString()));
    this.indexer.restart();
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
    const globs = config.files ?? DEFAULT_FILES;
    const globsChanged = globs.join('\0') !== this.globs.join('\0');
    this.globs = globs;
    this.matchesGlob = blueprintPathMatcher(this.globs);
    if (globsChanged) this.indexer.restart();
    this.service.setConfig(config);
    this.scheduler.refresh(this.published.keys());
  }

  /** Indexes every blueprint file of the workspace folders (references and rename need them all). */
  indexWorkspace(): Promise<void> {
    return this.indexer.ready();
  }

  /** Checks every blueprint in the workspace and publishes all their problems. */
  async checkAll(): Promise<{ files: number; problems: number }> {
    await this.indexWorkspace();
    const uris = this.service.index.documents().map((doc) => doc.uri);
    await this.checkClosed(uris.filter((uri) => !isOpen(uri)));
    this.scheduler.refresh(uris.filter((uri) => isOpen(uri)));
    await this.scheduler.flush();
    const problems = uris.reduce((sum, uri) => sum + this.diagnosticsFor(uri).length, 0);
    return { files: uris.length, problems };
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
    this.disposed = true;
    this.indexer.dispose();
    this.scheduler.dispose();
    this.collection.dispose();
    this.configProblems.dispose();
    this.publishedEmitter.dispose();
  }
}

/** Longest stretch of checking a closed file before the editor gets a turn, in milliseconds (as the scheduler's). */
const SLICE_MS = 12;

/** A closed file's text parsed (a first parse chunk by chunk) and checked (a first check rule by rule), in steps. */
function* checkInSteps(service: BlueprintService, uri: string, text: string): Generator<void, Diagnostic[], void> {
  yield* service.setTextInSteps(uri, text);
  return yield* service.diagnosticsInSteps(uri);
}

/** Waits for `work`; false when the token is cancelled first. */
async function untilCancelled(work: Promise<unknown>, token: vscode.CancellationToken | undefined): Promise<boolean> {
  if (!token) {
    await work;
    return true;
  }
  if (token.isCancellationRequested) return false;
  let listener: vscode.Disposable | undefined;
  const cancelled = new Promise<false>((resolve) => {
    listener = token.onCancellationRequested(() => resolve(false));
  });
  try {
    return await Promise.race([work.then(() => true), cancelled]);
  } finally {
    listener?.dispose();
  }
}

/** True when an editor has the file open. */
function isOpen(uri: string): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri);
}
