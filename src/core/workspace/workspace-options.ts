/** What a workspace is made with and how it loads the files documents point at. */
import type { BlueprintConfig } from '../config';
import type { StepRunner } from '../steps';
import type { FileReadResult } from './file-problems';

/** How the core reads files: the CLI gives it the file system, the editor its documents. */
export interface FileHost {
  /**
   * The file's text; undefined when it does not exist; or why it cannot be used (a
   * folder, a device, too large, not UTF-8, no permission ...). Only regular files inside
   * the project are read, at most `MAX_FILE_BYTES`.
   */
  readFile(uri: string): Promise<FileReadResult>;
}

export interface WorkspaceOptions {
  config?: BlueprintConfig;
  /**
   * The project's folders (URIs). Files that documents point at are only read inside
   * them; a path leading elsewhere is reported, never read, so a blueprint cannot probe
   * the file system. A function is asked each time (the editor's folders change).
   * Absent or empty: no limit.
   */
  roots?: readonly string[] | (() => readonly string[]);
  /**
   * Compact documents made by this workspace keep only what other files' rules read (the
   * CLI: no editor feature asks for references into other files or their ranges).
   */
  leanCompact?: boolean;
}

export interface LoadOptions {
  /** Keep the files loaded as compact documents (the CLI: they are only context). */
  compact?: boolean;
  /**
   * Parse each file in steps through this runner (the editor: a newly named 10 MB personas
   * file must not block the extension host, issue 9); absent, each file is parsed in one go.
   * When the runner stops, loading stops: the next call loads what is still missing.
   */
  inSteps?: StepRunner;
}
