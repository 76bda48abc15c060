/**
 * The one way into the engine for the editor, the command line and the bench, in the
 * manner of vscode-markdown-languageservice's `createLanguageService`: a host hands the
 * service files (`FileHost`), the service owns the documents and answers every question
 * about them. Features are bound to the service's workspace index, so callers pass URIs
 * and positions, never the index.
 */
import type { BlueprintConfig } from './config';
import type { BlueprintDocument, Diagnostic, Lang, Position, TextEdit } from './model';
import { BlueprintWorkspace, type FileHost, type LoadOptions, type WorkspaceOptions } from './workspace/workspace';
import type { RecordedCalls } from './workspace/recorded';
import { indexFiles, type IndexFiles, type IndexOptions, type IndexResult } from './workspace/indexer';
import type { WorkspaceIndex } from './workspace/index-types';
import { completions, type CompletionItem } from './features/completion';
import { hover, type HoverResult } from './features/hover';
import { definition } from './features/definition';
import { documentHighlights, references, type DocumentHighlight } from './features/references';
import { prepareRename, rename, type PrepareRenameResult, type RenameRefusal } from './features/rename';
import { documentSymbols, workspaceSymbols, type DocumentSymbol, type WorkspaceSymbol } from './features/symbols';
import { codeLenses, type CodeLens } from './features/code-lens';
import { statusSummary, type StatusSummary } from './features/status';
import type { Location } from './features/lookup';
import { DiagnosticsScheduler, type DiagnosticsSchedulerOptions, type PublishDiagnostics } from './features/diagnostics-scheduler';

export type BlueprintServiceOptions = WorkspaceOptions;

export interface BlueprintService {
  /** The cross-file lookups rules, features and the preview use. */
  readonly index: WorkspaceIndex;

  // Documents
  /** Sets (or replaces) a document's text; re-parses incrementally. */
  setText(uri: string, text: string): BlueprintDocument;
  /**
   * `setText` in steps, for the host to run a slice at a time: a file without a full model
   * yet is parsed a chunk per step (issue 9); one with a full model is re-parsed in one go.
   */
  setTextInSteps(uri: string, text: string): Generator<void, BlueprintDocument, void>;
  /** Forgets a document. */
  remove(uri: string): void;
  /** A loaded document, if known. */
  get(uri: string): BlueprintDocument | undefined;
  /**
   * A file that is not open, kept as a compact document: its ids with their ranges,
   * references out and `personas:` files, no full model (issue 13). Findings and features
   * for the full documents are those of a workspace of full models.
   */
  setCompactText(uri: string, text: string): BlueprintDocument;
  /** A compact document made earlier (`compactDocument`, or read back from a cache with `loadCompact`). */
  setCompact(uri: string, compact: BlueprintDocument): BlueprintDocument;
  /** Keeps only the compact document of a file (closed, or checked). */
  release(uri: string): void;
  /** True when the file is loaded as a compact document. */
  isCompact(uri: string): boolean;
  /** True when the file is known, as a full model or compactly, for exactly this text. */
  hasTextOf(uri: string, text: string): boolean;
  /** Indexes files as compact documents in the background, yielding between short slices. */
  indexFiles(files: IndexFiles, options?: IndexOptions): Promise<IndexResult>;
  /** Loads through the host the files loaded documents point at (personas files, link targets). */
  loadDependencies(options?: LoadOptions): Promise<void>;
  /** Documents whose results depend on this file. */
  dependents(uri: string): string[];
  setConfig(config: BlueprintConfig): void;

  // Checks
  /** Findings for a document with the configured severities (rules switched off left out). */
  diagnostics(uri: string): Diagnostic[];
  /** `diagnostics` in steps: a full model's first check pauses after each rule and every few items. */
  diagnosticsInSteps(uri: string): Generator<void, Diagnostic[], void>;
  /**
   * Findings for a document while not every file is loaded yet, with the cross-file
   * questions the rules asked; `answersStand` says later whether they still hold.
   */
  recordedDiagnostics(uri: string): { diagnostics: Diagnostic[]; calls: RecordedCalls };
  answersStand(calls: RecordedCalls): boolean;
  /** Diagnostics as you type: debounced, dropping overtaken runs, re-checking dependents. */
  createDiagnosticsScheduler(publish: PublishDiagnostics, options: DiagnosticsSchedulerOptions): DiagnosticsScheduler;

  // Editor features
  completions(uri: string, position: Position, locale: Lang, trigger?: string): CompletionItem[];
  hover(uri: string, position: Position, locale: Lang): HoverResult | undefined;
  definition(uri: string, position: Position): Location[];
  references(uri: string, position: Position, includeDeclaration: boolean): Location[];
  documentHighlights(uri: string, position: Position): DocumentHighlight[];
  prepareRename(uri: string, position: Position): PrepareRenameResult | RenameRefusal;
  rename(uri: string, position: Position, newName: string): TextEdit[] | RenameRefusal;
  /** Outline of a loaded document (empty when the document is unknown). */
  documentSymbols(uri: string): DocumentSymbol[];
  workspaceSymbols(query: string): WorkspaceSymbol[];
  codeLenses(uri: string, locale: Lang): CodeLens[];
  /**
   * The language of text about a document (messages, fix titles, hovers, lenses, the
   * preview): `locale` from the configuration, else the file's `lang`; undefined when unknown.
   */
  localeOf(uri: string): Lang | undefined;
  status(uri: string): StatusSummary | undefined;
}

/** Creates the engine over a host that reads files. */
export function createBlueprintService(host: FileHost, options: BlueprintServiceOptions = {}): BlueprintService {
  const workspace = new BlueprintWorkspace(host, options);
  const index = workspace.index;
  return {
    index,
    setText: (uri, text) => workspace.setText(uri, text),
    setTextInSteps: (uri, text) => workspace.setTextInSteps(uri, text),
    remove: (uri) => workspace.remove(uri),
    get: (uri) => workspace.get(uri),
    setCompactText: (uri, text) => workspace.setCompactText(uri, text),
    setCompact: (uri, compact) => workspace.setCompact(uri, compact),
    release: (uri) => workspace.release(uri),
    isCompact: (uri) => workspace.isCompact(uri),
    hasTextOf: (uri, text) => workspace.hasTextOf(uri, text),
    indexFiles: (files, indexOptions) => indexFiles(workspace, files, indexOptions),
    loadDependencies: (loadOptions) => workspace.loadDependencies(loadOptions),
    dependents: (uri) => workspace.dependents(uri),
    setConfig: (config) => workspace.setConfig(config),
    diagnostics: (uri) => workspace.diagnostics(uri),
    diagnosticsInSteps: (uri) => workspace.diagnosticsInSteps(uri),
    recordedDiagnostics: (uri) => workspace.recordedDiagnostics(uri),
    answersStand: (calls) => workspace.answersStand(calls),
    createDiagnosticsScheduler: (publish, schedulerOptions) => new DiagnosticsScheduler(workspace, publish, schedulerOptions),
    completions: (uri, position, locale, trigger) => completions(index, uri, position, locale, trigger),
    hover: (uri, position, locale) => hover(index, uri, position, locale),
    definition: (uri, position) => definition(index, uri, position),
    references: (uri, position, includeDeclaration) => references(index, uri, position, includeDeclaration),
    documentHighlights: (uri, position) => documentHighlights(index, uri, position),
    prepareRename: (uri, position) => prepareRename(index, uri, position),
    rename: (uri, position, newName) => rename(index, uri, position, newName),
    documentSymbols: (uri) => {
      const doc = workspace.get(uri);
      return doc ? documentSymbols(doc) : [];
    },
    workspaceSymbols: (query) => workspaceSymbols(index, query),
    codeLenses: (uri, locale) => codeLenses(index, uri, locale),
    localeOf: (uri) => workspace.localeOf(uri),
    status: (uri) => statusSummary(index, uri),
  };
}
