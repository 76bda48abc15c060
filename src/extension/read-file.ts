/**
 * Reading a file a blueprint points at, in the editor, with the command line's rules: only
 * regular files, at most `MAX_FILE_BYTES`, strictly UTF-8, and a typed answer for each
 * failure (missing, a folder, a device or pipe, too large, not UTF-8, no permission), so
 * the editor reports the same findings as `blueprint check`. The project's roots are
 * checked by the core workspace before a file is asked for.
 *
 * No `vscode` import: the file system is passed in (VS Code's `workspace.fs` in the
 * extension, a fake in the unit tests).
 */
import { MAX_FILE_BYTES, type FileReadResult } from '../core';
import { decodeUtf8 } from '../shared/utf8';

/** `vscode.FileType` values used here (a bit set: a link to a file is `File | SymbolicLink`). */
export const FILE_TYPE = { unknown: 0, file: 1, directory: 2, symbolicLink: 64 } as const;

/** The part of `vscode.workspace.fs` this needs. */
export interface ReadableFileSystem<U> {
  stat(uri: U): PromiseLike<{ type: number; size: number }>;
  readFile(uri: U): PromiseLike<Uint8Array>;
}

/** The kind of a `vscode.FileSystemError` (its `code`, e.g. `FileNotFound`; or its name). */
function errorKind(error: unknown): 'missing' | 'permission' | 'folder' | 'unreadable' {
  const record = typeof error === 'object' && error !== null ? (error as { code?: unknown; name?: unknown }) : {};
  const text = `${String(record.code ?? '')} ${String(record.name ?? '')}`;
  if (/FileNotFound|EntryNotFound|ENOENT|FileNotADirectory|ENOTDIR/.test(text)) return 'missing';
  if (/NoPermissions|EACCES|EPERM/.test(text)) return 'permission';
  if (/FileIsADirectory|EISDIR/.test(text)) return 'folder';
  return 'unreadable';
}

/**
 * Read `uri` from `fs`: its text; undefined when it does not exist; or why it cannot be
 * used. The size and type are checked before a byte is read, so `/dev/zero` or a pipe
 * costs one `stat`.
 */
export async function readProjectFile<U>(fs: ReadableFileSystem<U>, uri: U): Promise<FileReadResult> {
  let stat;
  try {
    stat = await fs.stat(uri);
  } catch (error) {
    const kind = errorKind(error);
    return kind === 'missing' ? undefined : { problem: kind };
  }
  // VS Code's file system follows links and cannot say where one leads, so a link could
  // reach outside the project: it is not followed (the command line checks the real path).
  if (stat.type & FILE_TYPE.symbolicLink) return { problem: 'symlink' };
  if (stat.type & FILE_TYPE.directory) return { problem: 'folder' };
  if (!(stat.type & FILE_TYPE.file)) return { problem: 'notRegular' };
  if (stat.size > MAX_FILE_BYTES) return { problem: 'tooLarge' };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(uri);
  } catch (error) {
    const kind = errorKind(error);
    return kind === 'missing' ? undefined : { problem: kind };
  }
  if (bytes.length > MAX_FILE_BYTES) return { problem: 'tooLarge' }; // it grew after the stat
  const { text, invalidAt } = decodeUtf8(bytes);
  // A file used for its personas must be whole: half-decoded names would mislead.
  return invalidAt === undefined ? text : { problem: 'notUtf8' };
}

/** The text of a read result, or undefined for every failure (for callers that only need text). */
export function textOf(result: FileReadResult): string | undefined {
  return typeof result === 'string' ? result : undefined;
}

/** Whether `uri` is `folder` or lies below it (both URI strings). */
function isBelow(uri: string, folder: string): boolean {
  const base = folder.endsWith('/') ? folder : folder + '/';
  return uri === folder || uri.startsWith(base);
}

/**
 * The project's roots in the editor: the workspace folders, and for a file open outside
 * every folder (opened on its own, another repository, a `vscode-vfs:` file) the folder
 * it is in, as the command line takes the current folder when it finds no project. A
 * blueprint cannot make the editor read beyond these (`personas: ../../secret.md`).
 */
export function editorRoots(folders: readonly string[], openFiles: readonly string[]): string[] {
  const roots = [...folders];
  for (const file of openFiles) {
    if (roots.some((root) => isBelow(file, root))) continue;
    const slash = file.lastIndexOf('/');
    if (slash > file.indexOf('://') + 2) roots.push(file.slice(0, slash));
  }
  return roots;
}
