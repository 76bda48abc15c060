/**
 * The two versions a diff compares, as sets of files: the working tree, a git ref, or a
 * single file. Each version is loaded into its own workspace (with the personas files
 * around it) so findings and inherited personas are those of that version. Both read as
 * `blueprint check` reads: only regular files, at most 10 MB, nothing outside the
 * project (a `personas:` path with `../`, an absolute path, a symbolic link out of it, or
 * a link stored in a commit, which is never followed).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { createBlueprintService, MAX_FILE_BYTES, type BlueprintConfig, type BlueprintService, type BlueprintVersion, type FileHost, type FileReadResult } from '../../core';
import { decodeUtf8 } from '../../shared/utf8';
import { blueprintFilesIn } from '../check/files';
import { describeProblem, NodeFileHost, readFileText, type FileText } from '../check/node-host';
import { listTree, readBlob, renames, type Tree } from './git';

/** A file of a version that could not be compared, and why (for standard error; exit code 2). */
export interface VersionProblem {
  /** Absolute path. */
  file: string;
  message: string;
}

/** One version: its files (absolute paths), how to read them, and the host for the files they point at. */
export interface VersionSource {
  /** `main`, `working tree`, or a file's path. */
  label: string;
  files: string[];
  /** A compared file's text (a missing file is the problem `missing`). */
  read(file: string): Promise<FileText>;
  /** The files blueprints point at (`personas:` files, links): refused outside the project. */
  host: FileHost;
  /** The project's folders, as `file:` URIs: the core refuses paths outside them before asking the host. */
  roots: string[];
  /** Files listed in the version that cannot be read by name (not UTF-8). */
  problems: VersionProblem[];
}

export interface LoadedVersion {
  workspace: BlueprintService;
  version(file: string): BlueprintVersion | undefined;
  /** Files of the version that could not be read: their pairs are not compared. */
  problems: VersionProblem[];
}

const uriOf = (file: string): string => URI.file(file).toString();

/** The message for a compared file that cannot be read; undefined when it is simply not there. */
function problemMessage(file: string, text: FileText): string | undefined {
  if (!('problem' in text)) return undefined;
  // Node reads a file name that is not UTF-8 with U+FFFD in it, and cannot open it by that name.
  if (text.problem === 'missing') return file.includes('\uFFFD') ? 'the file name is not valid UTF-8 (shown with \uFFFD); rename the file to compare it' : undefined;
  return describeProblem(text.problem);
}

/** Loads a version's files and what they point at (personas files) into a fresh workspace. */
export async function loadVersion(source: VersionSource, config: BlueprintConfig): Promise<LoadedVersion> {
  const workspace = createBlueprintService(source.host, { config, roots: source.roots });
  const texts = await Promise.all(source.files.map((file) => source.read(file)));
  const problems = [...source.problems];
  source.files.forEach((file, i) => {
    const text = texts[i] as FileText;
    if ('text' in text) workspace.setText(uriOf(file), text.text);
    const message = problemMessage(file, text);
    if (message !== undefined) problems.push({ file, message });
  });
  await workspace.loadDependencies();
  return {
    workspace,
    problems,
    version: (file) => {
      const uri = uriOf(file);
      return workspace.get(uri) ? { index: workspace.index, uri, diagnostics: workspace.diagnostics(uri) } : undefined;
    },
  };
}

/** The files on disk, read as `blueprint check` reads them (regular files, at most 10 MB, BOM removed). */
export function diskSource(label: string, files: string[], roots: readonly string[]): VersionSource {
  return { label, files, read: readFileText, host: new NodeFileHost(roots), roots: roots.map(uriOf), problems: [] };
}

export interface Scope {
  root: string;
  /** The configuration's folder and `files` globs. */
  configRoot: string;
  patterns: readonly string[];
  /** Absolute paths asked for (files or folders); empty means the current folder. */
  inputs: string[];
  cwd: string;
  /** The project's folders: nothing outside them is read. */
  roots: string[];
}

/** True when a file is selected: a blueprint by the globs under an input, or named itself. */
function selector(scope: Scope): (file: string) => boolean {
  const matches = picomatch([...scope.patterns]);
  const within = scope.inputs.length > 0 ? scope.inputs : [scope.cwd];
  return (file) => {
    if (scope.inputs.includes(file)) return true;
    const relative = path.relative(scope.configRoot, file).split(path.sep).join('/');
    if (relative.startsWith('..') || !matches(relative)) return false;
    return within.some((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  };
}

const REGULAR_FILE = new Set(['100644', '100755']);

/** A file of a commit, as a file on disk would be read: links and submodules are not followed. */
async function readEntry(root: string, tree: Tree, relative: string): Promise<FileText> {
  const entry = tree.entries.get(relative);
  if (!entry) {
    // A folder on the way that is a link in the commit (git does not follow it either).
    for (let folder = path.posix.dirname(relative); folder !== '.' && folder !== '/'; folder = path.posix.dirname(folder)) {
      if (tree.entries.get(folder)?.mode === '120000') return { problem: 'symlink' };
    }
    return { problem: 'missing' };
  }
  if (entry.mode === '120000') return { problem: 'symlink' };
  if (entry.type !== 'blob' || !REGULAR_FILE.has(entry.mode)) return { problem: 'notRegular' };
  if (entry.size === undefined || entry.size > MAX_FILE_BYTES) return { problem: 'tooLarge' };
  const { text, invalidAt } = decodeUtf8(await readBlob(root, entry.object));
  return invalidAt === undefined ? { text } : { text, invalidUtf8At: invalidAt };
}

/** What a host gives the core for a file a blueprint points at: it must be whole UTF-8. */
function hostResult(text: FileText): FileReadResult {
  if ('problem' in text) return text.problem === 'missing' ? undefined : { problem: text.problem };
  return text.invalidUtf8At === undefined ? text.text : { problem: 'notUtf8' };
}

/** A git commit as a version: one `git ls-tree` for the names, modes and sizes; blobs read by id. */
export async function commitSource(scope: Scope, label: string, commit: string): Promise<VersionSource> {
  const selected = selector(scope);
  const tree = await listTree(scope.root, commit);
  const fileOf = (relative: string): string => path.join(scope.root, relative);
  const files = [...tree.entries].filter(([, entry]) => REGULAR_FILE.has(entry.mode)).map(([relative]) => fileOf(relative)).filter(selected).sort();
  const read = (file: string): Promise<FileText> => {
    const relative = path.relative(scope.root, file).split(path.sep).join('/');
    return relative.startsWith('..') || path.isAbsolute(relative) ? Promise.resolve({ problem: 'outsideProject' }) : readEntry(scope.root, tree, relative);
  };
  const problems = tree.badNames.map(fileOf).filter(selected)
    .map((file) => ({ file, message: 'the file name is not valid UTF-8 (shown with \uFFFD); rename the file to compare it' }));
  return {
    label, files, read, problems,
    host: { readFile: async (uri) => (URI.parse(uri).scheme === 'file' ? hostResult(await read(URI.parse(uri).fsPath)) : undefined) },
    roots: scope.roots.map(uriOf),
  };
}

/** The working tree as a version. */
export async function workingTreeSource(scope: Scope): Promise<VersionSource> {
  const selected = selector(scope);
  const found = await blueprintFilesIn(scope.root, { cwd: scope.cwd, root: scope.configRoot, patterns: scope.patterns });
  const named = scope.inputs.filter((file) => !found.includes(file));
  const exists = await Promise.all(named.map(async (file) => {
    // A folder named is a place to look (its blueprints are among `found`), not a file to compare.
    const text = await readFileText(file);
    return !('problem' in text) || (text.problem !== 'missing' && text.problem !== 'folder');
  }));
  return diskSource('working tree', [...found.filter(selected), ...named.filter((_, i) => exists[i])].sort(), scope.roots);
}

export interface FilePair {
  status: 'added' | 'removed' | 'modified' | 'renamed';
  base?: string;
  head?: string;
}

/** Pairs the files of two versions: same path, or renamed as git saw it. */
export async function pairFiles(scope: Scope, base: VersionSource, head: VersionSource, baseCommit: string, headCommit: string | undefined): Promise<FilePair[]> {
  const headSet = new Set(head.files);
  const baseSet = new Set(base.files);
  const moved = await renames(scope.root, baseCommit, headCommit);
  const pairs: FilePair[] = [];
  const pairedHead = new Set<string>();
  for (const file of base.files) {
    if (headSet.has(file)) {
      pairs.push({ status: 'modified', base: file, head: file });
      pairedHead.add(file);
      continue;
    }
    const relative = path.relative(scope.root, file).split(path.sep).join('/');
    const renamed = moved.get(relative);
    const to = renamed === undefined ? undefined : path.join(scope.root, renamed);
    if (to && headSet.has(to) && !baseSet.has(to)) {
      pairs.push({ status: 'renamed', base: file, head: to });
      pairedHead.add(to);
    } else {
      pairs.push({ status: 'removed', base: file });
    }
  }
  for (const file of head.files) if (!pairedHead.has(file)) pairs.push({ status: 'added', head: file });
  return pairs.sort((a, b) => (a.head ?? a.base ?? '').localeCompare(b.head ?? b.base ?? ''));
}
