/**
 * The two versions a diff compares, as sets of files: the working tree, a git ref, or a
 * single file. Each version is loaded into its own workspace (with the personas files
 * around it) so findings and inherited personas are those of that version.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { createBlueprintService, type BlueprintConfig, type BlueprintService, type BlueprintVersion } from '../../core';
import { blueprintFilesIn } from '../check/files';
import { readText } from '../check/node-host';
import { listFiles, renames, showFile } from './git';

/** One version: its files (absolute paths) and how to read any file of it. */
export interface VersionSource {
  /** `main`, `working tree`, or a file's path. */
  label: string;
  files: string[];
  read(file: string): Promise<string | undefined>;
}

export interface LoadedVersion {
  workspace: BlueprintService;
  version(file: string): BlueprintVersion | undefined;
}

const uriOf = (file: string): string => URI.file(file).toString();

/** Loads a version's files and what they point at (personas files) into a fresh workspace. */
export async function loadVersion(source: VersionSource, config: BlueprintConfig): Promise<LoadedVersion> {
  const workspace = createBlueprintService({
    readFile: async (uri) => {
      const parsed = URI.parse(uri);
      return parsed.scheme === 'file' ? source.read(parsed.fsPath) : undefined;
    },
  }, { config });
  const texts = await Promise.all(source.files.map((file) => source.read(file)));
  source.files.forEach((file, i) => {
    const text = texts[i];
    if (text !== undefined) workspace.setText(uriOf(file), text);
  });
  await workspace.loadDependencies();
  return {
    workspace,
    version: (file) => {
      const uri = uriOf(file);
      return workspace.get(uri) ? { index: workspace.index, uri, diagnostics: workspace.diagnostics(uri) } : undefined;
    },
  };
}

/** The files on disk, read as the editor would (BOM removed). */
export function diskReader(): (file: string) => Promise<string | undefined> {
  return (file) => readText(file).catch(() => undefined);
}

export interface Scope {
  root: string;
  /** The configuration's folder and `files` globs. */
  configRoot: string;
  patterns: readonly string[];
  /** Absolute paths asked for (files or folders); empty means the current folder. */
  inputs: string[];
  cwd: string;
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

/** A git commit as a version. */
export async function commitSource(scope: Scope, label: string, commit: string): Promise<VersionSource> {
  const selected = selector(scope);
  const files = (await listFiles(scope.root, commit)).map((file) => path.join(scope.root, file)).filter(selected).sort();
  return {
    label,
    files,
    read: (file) => {
      const relative = path.relative(scope.root, file).split(path.sep).join('/');
      return relative.startsWith('..') ? Promise.resolve(undefined) : showFile(scope.root, commit, relative);
    },
  };
}

/** The working tree as a version. */
export async function workingTreeSource(scope: Scope): Promise<VersionSource> {
  const selected = selector(scope);
  const found = await blueprintFilesIn(scope.root, { cwd: scope.cwd, root: scope.configRoot, patterns: scope.patterns });
  const named = scope.inputs.filter((file) => !found.includes(file));
  const read = diskReader();
  const exists = await Promise.all(named.map(async (file) => (await read(file)) !== undefined));
  return { label: 'working tree', files: [...found.filter(selected), ...named.filter((_, i) => exists[i])].sort(), read };
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
