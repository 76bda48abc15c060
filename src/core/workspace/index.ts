export { BlueprintWorkspace, type FileHost, type WorkspaceOptions } from './workspace';
export type { Located, WorkspaceIndex } from './index-types';
