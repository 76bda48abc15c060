export { diffBlueprint, type BlueprintDiff } from './diff';
export type { BlueprintVersion } from './snapshot';
export * from './types';
export { countChanges, describeAttention, describeChange, headline, type HeadlineCount } from './summary';
