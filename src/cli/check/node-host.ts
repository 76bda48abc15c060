/**
 * Reading files on Node for the core, safely: a blueprint names the files it uses, and
 * it may come from an untrusted pull request. Only regular files are read (never a FIFO,
 * `/dev/stdin` or `/dev/zero`), at most `MAX_FILE_BYTES`, strictly as UTF-8, and, for
 * files that blueprints point at, only where their real path (symbolic links resolved)
 * lies inside the project.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { MAX_FILE_BYTES, type FileHost, type FileProblemKind, type FileReadResult } from '../../core';
import { decodeUtf8 } from '../../shared/utf8';
import { errorCode } from '../error-code';

/** A file's text, with the offset of the first invalid UTF-8 byte if there is one; or why it cannot be read. */
export type FileText = { text: string; invalidUtf8At?: number } | { problem: FileProblemKind };

/** The kind of problem behind a failed file-system call. */
export function problemOf(error: unknown): FileProblemKind {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  if (code === 'EISDIR') return 'folder';
  if (code === 'ENXIO' || code === 'EAGAIN') return 'notRegular'; // a socket, or a FIFO without a writer
  return 'unreadable';
}

/** A sentence for a problem, for standard error ("is a folder, not a file"). */
export function describeProblem(problem: FileProblemKind): string {
  switch (problem) {
    case 'missing':
      return 'no such file or directory';
    case 'permission':
      return 'permission denied';
    case 'folder':
      return 'is a folder, not a file';
    case 'notRegular':
      return 'not a regular file (a device, pipe or socket); not read';
    case 'tooLarge':
      return `larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; not read`;
    case 'notUtf8':
      return 'not UTF-8 text';
    case 'outsideProject':
      return 'outside the project folder; not read';
    case 'symlink':
      return 'a symbolic link that cannot be checked; not read';
    case 'unreadable':
      return 'cannot be read';
  }
}

/**
 * Read a file for checking. Opened without blocking (a FIFO would otherwise wait for a
 * writer forever), then checked through the open handle, so the file read is the file
 * checked.
 */
export async function readFileText(file: string): Promise<FileText> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: problemOf(error) };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { problem: 'folder' };
    if (!stats.isFile()) return { problem: 'notRegular' };
    if (stats.size > MAX_FILE_BYTES) return { problem: 'tooLarge' };
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.max(stats.size - length, 0) + 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_FILE_BYTES) return { problem: 'tooLarge' }; // it grew while being read
    }
    const { text, invalidAt } = decodeUtf8(Buffer.concat(chunks, length));
    return invalidAt === undefined ? { text } : { text, invalidUtf8At: invalidAt };
  } catch (error) {
    return { problem: problemOf(error) };
  } finally {
    await handle.close();
  }
}

/** Whether `file` lies inside `folder` (both real, absolute paths). */
function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A `FileHost` reading `file:` URIs from disk for the files blueprints point at. With
 * `roots`, a file whose real path (links resolved) is outside every root is refused the
 * same way whether it exists or not, so nothing about the outside leaks.
 */
export class NodeFileHost implements FileHost {
  private readonly realRoots: Promise<string[]>;

  constructor(roots: readonly string[] = []) {
    this.realRoots = Promise.all(roots.map((root) => realpath(root).catch(() => path.resolve(root))));
  }

  async readFile(uri: string): Promise<FileReadResult> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const roots = await this.realRoots;
    if (roots.length > 0) {
      const real = await realpath(parsed.fsPath).catch((error: unknown) => ({ problem: problemOf(error) }));
      if (typeof real !== 'string') return real.problem === 'missing' ? undefined : real;
      if (!roots.some((root) => isWithin(root, real))) return { problem: 'outsideProject' };
    }
    const result = await readFileText(parsed.fsPath);
    if ('problem' in result) return result.problem === 'missing' ? undefined : result;
    // A file used for its personas must be whole: half-decoded names would mislead.
    return result.invalidUtf8At === undefined ? result.text : { problem: 'notUtf8' };
  }
}

/** A file's text as the safe reader gives it; rejects when it cannot be read (for callers that only need text). */
export async function readText(file: string): Promise<string> {
  const result = await readFileText(file);
  if ('problem' in result) throw Object.assign(new Error(describeProblem(result.problem)), { code: result.problem });
  return result.text;
}
