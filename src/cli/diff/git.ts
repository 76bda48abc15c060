/**
 * The few git questions `blueprint diff --base` and `blueprint check --base` ask, through
 * the git program itself (`git show`, `git ls-tree`, `git diff --name-status`). Refs and
 * paths go to git as separate arguments, never through a shell.
 */
import { execFile } from 'node:child_process';
import { decodeUtf8 } from '../../shared/utf8';

/** A git problem the user can act on: no git, not a repository, an unknown ref. */
export class GitError extends Error {}

/** Large enough for a blueprint of many thousand steps. */
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs git and gives its standard output as bytes (file names and blobs need not be UTF-8). */
function gitBytes(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'buffer', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH.'));
      const message = stderr.toString('utf8');
      reject(Object.assign(new GitError(message.trim().split('\n')[0] || error.message), { stderr: message }));
    });
  });
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  return (await gitBytes(cwd, args)).toString('utf8');
}

/** The repository's top folder; a clear error outside a repository. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) {
      throw new GitError(`${cwd} is not inside a git repository.`);
    }
    throw error;
  }
}

/** The commit a ref names; a clear error for an unknown ref (refs starting with `-` are refused). */
export async function resolveRef(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-') || ref.trim() === '') throw new GitError(`'${ref}' is not a git ref.`);
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch (error) {
    if (error instanceof GitError && /not installed/.test(error.message)) throw error;
    throw new GitError(`Unknown git ref '${ref}'.`);
  }
}

/** One entry of a commit's tree: `100644`/`100755` a file, `120000` a symbolic link, `160000` a submodule. */
export interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** Bytes of a blob; undefined for a submodule. */
  size: number | undefined;
}

/** A commit's tree: its entries by path (relative to the root, forward slashes), and the paths that are not UTF-8. */
export interface Tree {
  entries: Map<string, TreeEntry>;
  /** Paths that are not valid UTF-8, shown with U+FFFD; they cannot be named, so they are not read. */
  badNames: string[];
}

/** Every entry of a commit's tree, with modes and sizes, in one `git ls-tree` (nothing is read yet). */
export async function listTree(root: string, commit: string): Promise<Tree> {
  const out = await gitBytes(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]);
  const tree: Tree = { entries: new Map(), badNames: [] };
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const record = out.subarray(start, end);
    start = end + 1;
    const tab = record.indexOf(9);
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = record.subarray(0, tab).toString('latin1').split(/ +/);
    const name = decodeUtf8(record.subarray(tab + 1));
    if (name.invalidAt !== undefined) tree.badNames.push(name.text);
    else tree.entries.set(name.text, { mode, type, object, size: /^\d+$/.test(size) ? Number(size) : undefined });
  }
  return tree;
}

/** A blob's bytes, by its object id (from `listTree`). */
export function readBlob(root: string, object: string): Promise<Buffer> {
  if (!/^[0-9a-f]{40,64}$/.test(object)) return Promise.reject(new GitError(`'${object}' is not a git object id.`));
  return gitBytes(root, ['cat-file', 'blob', object]);
}

/** Renamed files between a commit and another commit or (no `head`) the working tree: old path -> new path. */
export async function renames(root: string, base: string, head: string | undefined): Promise<Map<string, string>> {
  const out = await git(root, ['diff', '-z', '--name-status', '-M', '--no-ext-diff', base, ...(head ? [head] : []), '--']);
  const fields = out.split('\0');
  const found = new Map<string, string>();
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i] ?? '';
    if (status.startsWith('R')) {
      found.set(fields[i + 1] ?? '', fields[i + 2] ?? '');
      i += 2;
    } else if (status.startsWith('C')) {
      i += 2;
    } else if (status) {
      i += 1;
    }
  }
  return found;
}
