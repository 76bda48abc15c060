/**
 * The blueprint engine: one core for the editor, the command line and the preview.
 * It imports neither `vscode` nor Node built-ins; hosts hand it files through `FileHost`.
 *
 * This file is the only way in for `src/extension`, `src/cli` and `bench/` (ESLint
 * enforces it): `createBlueprintService` for everything that needs documents, and the
 * stateless pieces (rendering, configuration, rule metadata) exported beside it.
 */

// The service: documents, checks and editor features.
export { createBlueprintService, type BlueprintService, type BlueprintServiceOptions } from './service';
export type { FileHost, WorkspaceOptions, LoadOptions } from './workspace/workspace';
export type { StepRunner } from './steps';
export { codeSpanText, markdownText, terminalLine, visibleControls } from './safe-text';
export { compactDocument, contentHash } from './workspace/compact';
export { storeCompact, loadCompact, COMPACT_FORMAT, type StoredCompact } from './workspace/compact-cache';
export type { IndexFiles, IndexOptions, IndexResult } from './workspace/indexer';
export { MAX_FILE_BYTES, isInsideRoots, type FileProblemKind, type FileReadFailure, type FileReadResult } from './workspace/file-problems';
export type { Located, WorkspaceIndex } from './workspace/index-types';
export { DEFAULT_DIAGNOSTICS_DELAY_MS, type DiagnosticsScheduler, type DiagnosticsSchedulerOptions, type PublishDiagnostics } from './features/diagnostics-scheduler';

// The model.
export * from './model';

// Editor features that need no workspace, and their result types.
export type { CompletionItem, CompletionKind } from './features/completion';
export type { HoverResult } from './features/hover';
export type { DocumentHighlight } from './features/references';
export { isRefusal, type PrepareRenameResult, type RenameRefusal } from './features/rename';
export type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from './features/symbols';
export type { CodeLens } from './features/code-lens';
export type { StatusSummary } from './features/status';
export type { Location } from './features/lookup';
export { codeActions, fixAllInFile, type CodeAction } from './features/code-actions';
export { blueprintPathMatcher, isBlueprintFile, isWorkspaceDocumentScheme, WORKSPACE_DOCUMENT_SCHEMES } from './features/scope';
export { blueprintFileName, newBlueprintTemplate } from './features/template';
export { previewToolbarLabels, type PreviewToolbarLabels } from './features/feature-labels';

// Configuration and rules.
export { CONFIG_FILE_NAME, DEFAULT_FILES, filesFor, parseConfig, severityFor, type BlueprintConfig } from './config';
export { allRules, ruleById, ruleIds } from './rules/registry';
export type { Rule, RuleMeta, ConfiguredSeverity } from './rules/types';
export { formatMessage, type MessageKey } from './i18n/message-catalogue';

// Coverage of personas across a journey (`blueprint coverage`).
export * from './coverage';

// Rendering (the preview, the CLI's `render`, the HTML export).
export { BlueprintRenderer, joinBlueprint, type BlueprintParts } from './render/grid';
export { diffBlueprint, type GridPatch } from './render/patch';
export { renderMermaid, type MermaidOptions } from './render/mermaid';
export { renderStandalonePage, EXPORT_VIEWS, type ExportView, type PageOptions } from './render/html';
export { buildJourneyView } from './render/journey-view';
export { GRID_CSS } from './render/styles';
export { escapeAttribute, escapeText } from './render/escape';
export { renderCoverageHtml } from './render/coverage-view';
export { renderCoveragePage } from './render/coverage-page';
export { COVERAGE_CSS } from './render/coverage-styles';

// Parsing, for the bench and tests that measure or drive the parser directly.
export { BlueprintParser, parseBlueprint, parseWhole, LineIndex } from './parse';
export { parseMarkdown } from './parse/markdown-parser';
export { findComplexity, markerLimit, MAX_LINE_NESTING } from './parse/complexity';

// The semantic diff of two versions (`blueprint diff`, `check --base`, the GitHub Action).
export * from './diff';
