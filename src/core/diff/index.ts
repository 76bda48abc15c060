export { diffVersions, type BlueprintDiff } from './diff';
export type { BlueprintVersion } from './snapshot';
export * from './types';
export { countChanges, describeAttention, describeChange, headline, type HeadlineCount } from './summary';
export { journeyFlowchart, MAX_CHART_STEPS, type Flowchart } from './flowchart';
export { renderDiffPage, type DiffPageInput } from './page';
export { stepMarks, removedSteps, type StepMark } from './marks';
