export { BlueprintWorkspace, type FileHost, type WorkspaceOptions } from './workspace';
export type { Located, WorkspaceIndex } from './index-types';
export { MAX_FILE_BYTES, isInsideRoots, type FileProblemKind, type FileReadFailure, type FileReadResult } from './file-problems';
