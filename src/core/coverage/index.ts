/** The coverage of personas across a journey, and its JSON and Markdown forms. */
export { buildCoverage, MAX_COVERAGE_CELLS, type Coverage, type CoverageCell, type CoverageInput, type CoveragePersona, type CoverageStage, type TestedStep, type UnknownCoveragePersona } from './coverage';
export { basisOfStep, basisOfWord, type Basis, type BasisCount } from './basis';
export { coverageLabelsFor, type CoverageLabels } from './coverage-labels';
export { coverageToJson, type CoverageJson, type CoveragePersonaJson, type CoverageStageJson } from './json';
export { coverageToMarkdown, markdownCell, VULNERABLE_MARK } from './markdown-table';
