/**
 * The few git questions `blueprint diff --base` and `blueprint check --base` ask, through
 * the git program itself (`git show`, `git ls-tree`, `git diff --name-status`). Refs and
 * paths go to git as separate arguments, never through a shell.
 */
import { execFile } from 'node:child_process';

/** A git problem the user can act on: no git, not a repository, an unknown ref. */
export class GitError extends Error {}

/** Large enough for a blueprint of many thousand steps. */
const MAX_BUFFER = 256 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH.'));
      reject(Object.assign(new GitError(stderr.trim().split('\n')[0] || error.message), { stderr }));
    });
  });
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

/** Every file path (relative to the root, forward slashes) in a commit. */
export async function listFiles(root: string, commit: string): Promise<string[]> {
  const out = await git(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]);
  return out.split('\0').filter(Boolean);
}

/** A file's text in a commit, or undefined when it is not there. */
export async function showFile(root: string, commit: string, file: string): Promise<string | undefined> {
  try {
    return await git(root, ['show', `${commit}:${file}`]);
  } catch {
    return undefined;
  }
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
