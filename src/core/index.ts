/**
 * The blueprint engine: one core for the editor, the command line and the preview.
 * It imports neither `vscode` nor Node built-ins; hosts hand it files through `FileHost`.
 */
export * from './model';
export { BlueprintParser, parseBlueprint, parseWhole, LineIndex } from './parse';
export { BlueprintWorkspace, type FileHost, type WorkspaceOptions, type Located, type WorkspaceIndex } from './workspace';
export { allRules, ruleById, ruleIds } from './rules/registry';
export type { Rule, RuleMeta, ConfiguredSeverity } from './rules/types';
export { CONFIG_FILE_NAME, parseConfig, severityFor, type BlueprintConfig } from './config';
export { formatMessage, type Locale, type MessageKey } from './i18n/messages';
export * from './coverage';
export { renderCoverageHtml } from './render/coverage-view';
export { renderCoveragePage } from './render/coverage-page';
export { COVERAGE_CSS } from './render/coverage-styles';
