/**
 * Rendering a blueprint: the swimlane grid (HTML, shared by the preview and the export)
 * and the Mermaid `journey` source.
 */
export { BlueprintRenderer, joinBlueprint, type BlueprintParts, type GridParts, type RenderStats } from './grid';
export { diffBlueprint, type GridPatch } from './patch';
export { escapeText, escapeAttribute } from './escape';
export { renderBlueprintHtml, renderStandalonePage, EXPORT_VIEWS, type ExportView, type PageOptions } from './html';
export { buildJourneyView, type JourneyView, type RenderInput, type StepColumn } from './journey-view';
export { labelsFor, type RenderLabels } from './render-labels';
export { ROWS, laneOfField, type RowSpec } from './grid-rows';
export { markdownToHast, markdownToHtml, CELL_SCHEMA } from './cell-markdown';
export { renderMermaid, mermaidText, mermaidScore, wrapLines, type MermaidOptions } from './mermaid';
export { renderCards } from './cards';
export { renderJourneyChart } from './journey-chart';
export { stepInvolves, stepScore } from './journey-view';
export { GRID_CSS, PAGE_CSS } from './styles';
export { renderCoverageHtml } from './coverage-view';
export { renderCoveragePage } from './coverage-page';
export { COVERAGE_CSS } from './coverage-styles';
