/**
 * Files a blueprint points at (`personas:` files, link targets) come from untrusted text:
 * they may name a folder, a device, a pipe, a huge file, bytes that are not UTF-8, or a
 * place outside the project. Hosts say which of these a file is; the workspace reports it
 * on the line that names the file, and never reads outside the project's roots.
 */
import { URI } from 'vscode-uri';

/**
 * Why a file could not be used. `missing` is reported by the `unresolved-file` rule; the
 * rest as `parse` problems. `symlink`: a link whose target the host cannot check against
 * the project (the editor; the command line resolves links and checks the real path).
 */
export type FileProblemKind = 'missing' | 'permission' | 'folder' | 'notRegular' | 'tooLarge' | 'notUtf8' | 'outsideProject' | 'symlink' | 'unreadable';

/** A file a host could not read, and why. */
export interface FileReadFailure {
  problem: FileProblemKind;
}

/** A file's text; `undefined` when it does not exist; or why it cannot be read. */
export type FileReadResult = string | undefined | FileReadFailure;

/** Files larger than this are not read (a blueprint is a few hundred kilobytes at most). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function isReadFailure(result: FileReadResult): result is FileReadFailure {
  return typeof result === 'object' && result !== null;
}

/** Replace lone surrogates (a file name like `"\uD800.md"`), which URIs cannot encode. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Whether `uri` is one of `roots` or lies below one (same scheme and authority). */
export function isInsideRoots(uri: string, roots: readonly string[]): boolean {
  const target = URI.parse(uri);
  return roots.some((root) => {
    const base = URI.parse(root);
    if (base.scheme !== target.scheme || base.authority !== target.authority) return false;
    const folder = base.path.endsWith('/') ? base.path : base.path + '/';
    return target.path === base.path || target.path.startsWith(folder);
  });
}
