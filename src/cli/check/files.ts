/**
 * Which files a run checks: the command-line arguments (files, folders, globs) or, without
 * arguments, the blueprint files under the current folder. Globbing is tinyglobby's and
 * matching picomatch's, the same engines the editor's file watcher patterns follow.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DEFAULT_FILES } from '../../core';
import { describeFsError } from './config-file';
import type { InputProblem } from './findings';

/** Folders never searched: dependencies and version control. */
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FileSelection {
  /** Absolute paths, without duplicates, in argument order (sorted within a folder or glob). */
  files: string[];
  /** Arguments that named nothing readable. */
  problems: InputProblem[];
}

export interface SelectOptions {
  cwd: string;
  /** Folder the `patterns` are relative to (the configuration's folder). */
  root: string;
  /** The configuration's `files` globs. */
  patterns: readonly string[];
}

/** Forward-slash path of `file` relative to `from`, or undefined when it lies outside. */
function inside(from: string, file: string): string | undefined {
  const relative = path.relative(from, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The blueprint files in `folder`: those whose path relative to the configuration root
 * matches its `files` globs. For a folder outside the root the globs apply relative to the
 * folder itself, which is what a pattern like `**\/*.blueprint.md` means anyway.
 */
export async function blueprintFilesIn(folder: string, options: SelectOptions, named = false): Promise<string[]> {
  const matches = picomatch([...options.patterns]);
  // A folder named on the command line is checked as linters do, even where `files`
  // would not look: its `*.blueprint.md` files count as well as those `files` picks.
  const byName = named ? picomatch([...DEFAULT_FILES]) : undefined;
  const base = inside(options.root, folder) !== undefined || folder === options.root ? options.root : folder;
  // Symbolic links are not followed: a `root -> /` link must not walk the file system, a
  // link loop must not report a file three times; each real file is found where it is.
  const candidates = await glob('**/*', { cwd: folder, absolute: true, onlyFiles: true, ignore: IGNORED, expandDirectories: false, followSymbolicLinks: false });
  return candidates
    .map((file) => path.resolve(file))
    .filter((file) => {
      const relative = inside(base, file);
      if (relative !== undefined && matches(relative)) return true;
      const inFolder = inside(folder, file);
      return byName !== undefined && inFolder !== undefined && byName(inFolder);
    })
    .sort();
}

/** Why a folder cannot be listed (so it is not mistaken for one without blueprints), if it cannot. */
async function unreadableFolder(folder: string): Promise<string | undefined> {
  try {
    await readdir(folder);
    return undefined;
  } catch (error) {
    return `cannot read this folder: ${describeFsError(error)}`;
  }
}

async function kindOf(file: string): Promise<'file' | 'folder' | { error: unknown }> {
  try {
    const stats = await stat(file);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    return { error };
  }
}

/**
 * Expand the arguments into files. A file named explicitly is checked whatever its name:
 * the user asked for it. An argument that exists as a path is taken literally even if it
 * looks like a glob; otherwise a glob is expanded from the current folder.
 */
export async function selectFiles(args: readonly string[], options: SelectOptions): Promise<FileSelection> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  if (args.length === 0) {
    const unreadable = await unreadableFolder(options.cwd);
    if (unreadable) return { files, problems: [{ file: '.', message: unreadable }] };
    const found = await blueprintFilesIn(options.cwd, options);
    if (found.length === 0) {
      problems.push({ file: '.', message: `no blueprint files found (looked for ${options.patterns.join(', ')})` });
    }
    found.forEach(add);
    return { files, problems };
  }

  for (const arg of args) {
    const absolute = path.resolve(options.cwd, arg);
    const kind = await kindOf(absolute);
    if (kind === 'file') {
      add(absolute);
    } else if (kind === 'folder') {
      const unreadable = await unreadableFolder(absolute);
      if (unreadable) {
        problems.push({ file: arg, message: unreadable });
        continue;
      }
      const found = await blueprintFilesIn(absolute, options, true);
      if (found.length === 0) problems.push({ file: arg, message: `no blueprint files in this folder (looked for ${[...new Set([...options.patterns, ...DEFAULT_FILES])].join(', ')})` });
      found.forEach(add);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd: options.cwd, absolute: true, onlyFiles: true, ignore: IGNORED, expandDirectories: false, followSymbolicLinks: false });
      if (found.length === 0) problems.push({ file: arg, message: 'no files match this pattern' });
      found.map((file) => path.resolve(file)).sort().forEach(add);
    } else {
      problems.push({ file: arg, message: describeFsError(kind.error) });
    }
  }
  return { files, problems };
}

/**
 * Files loaded only as context, so cross-file checks (is this persona used by any step?)
 * give the same answer whichever files are asked for: the blueprint files of the project
 * (`projectRoot`, when known) and those next to each file asked for. They are analysed
 * but never reported.
 */
export async function selectContext(selected: readonly string[], projectRoot: string | undefined, options: SelectOptions): Promise<string[]> {
  const chosen = new Set(selected);
  const found = new Set<string>();
  const folders = new Set(selected.map((file) => path.dirname(file)));
  // The project is only context for files inside it (a file elsewhere gets its neighbours).
  const isInProject = (file: string): boolean => projectRoot !== undefined && inside(projectRoot, file) !== undefined;
  if (projectRoot !== undefined && selected.some(isInProject)) {
    for (const file of await blueprintFilesIn(projectRoot, options)) found.add(file);
  }
  const matches = picomatch([...options.patterns]);
  for (const folder of folders) {
    if (projectRoot !== undefined && (folder === projectRoot || inside(projectRoot, folder) !== undefined)) continue;
    const siblings = await glob('*', { cwd: folder, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false });
    // Outside a project the globs apply relative to the folder itself.
    for (const file of siblings) if (matches(path.basename(file))) found.add(path.resolve(file));
  }
  return [...found].filter((file) => !chosen.has(file)).sort();
}
