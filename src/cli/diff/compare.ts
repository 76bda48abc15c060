/**
 * Builds the diff report: chooses the two versions (two files, or git refs), loads each
 * into its own workspace, pairs the files and diffs each pair. Shared by `blueprint diff`,
 * `blueprint check --base` and the GitHub Action.
 */
import path from 'node:path';
import { diffVersions, filesFor, type BlueprintConfig, type BlueprintDocument, type BlueprintVersion, type DiffReport, type FileDiff } from '../../core';

import { displayPath } from '../check/run';
import { resolveRef, repositoryRoot } from './git';
import { projectRoots } from '../check/run';
import { commitSource, diskSource, loadVersion, pairFiles, workingTreeSource, type FilePair, type Scope, type VersionProblem, type VersionSource } from './versions';

/** One compared file: its diff and the head version (for the Mermaid chart and the marked grid). */
export interface ComparedFile {
  diff: FileDiff;
  head?: BlueprintVersion & { doc: BlueprintDocument };
  base?: BlueprintVersion & { doc: BlueprintDocument };
  /** Head findings that the base already had. */
  existingFindings: number;
}

export interface Comparison {
  report: DiffReport;
  compared: ComparedFile[];
  /** Files that could not be read (too large, a link, not a regular file, a name that is not UTF-8): not compared. */
  problems: Array<{ file: string; message: string }>;
}

function withDoc(version: BlueprintVersion | undefined): (BlueprintVersion & { doc: BlueprintDocument }) | undefined {
  const doc = version?.index.get(version.uri);
  return version && doc ? { ...version, doc } : undefined;
}

async function compareSources(base: VersionSource, head: VersionSource, pairs: readonly FilePair[], config: BlueprintConfig, cwd: string): Promise<Comparison> {
  const [before, after] = await Promise.all([loadVersion(base, config), loadVersion(head, config)]);
  const failed = new Set([...before.problems, ...after.problems].map((problem) => problem.file));
  const compared: ComparedFile[] = [];
  for (const pair of pairs) {
    // A side that could not be read is not an empty file: the pair is reported as a problem instead.
    if ((pair.base !== undefined && failed.has(pair.base)) || (pair.head !== undefined && failed.has(pair.head))) continue;
    const baseVersion = pair.base ? before.version(pair.base) : undefined;
    const headVersion = pair.head ? after.version(pair.head) : undefined;
    const result = diffVersions(baseVersion, headVersion);
    const file = displayPath(cwd, (pair.head ?? pair.base) as string);
    const diff: FileDiff = { file, status: pair.status, changes: result.changes, attention: result.attention };
    if (pair.status === 'renamed' && pair.base) diff.previous = displayPath(cwd, pair.base);
    // An unchanged file is left out (its findings may still change through a personas file).
    if (pair.status === 'modified' && result.changes.length === 0) continue;
    compared.push({ diff, head: withDoc(headVersion), base: withDoc(baseVersion), existingFindings: result.existingFindings });
  }
  const shown = (problem: VersionProblem, version: VersionSource): { file: string; message: string } => {
    const file = displayPath(cwd, problem.file);
    return { file: version.label === file ? file : `${file} (${version.label})`, message: problem.message };
  };
  const problems = [...before.problems.map((p) => shown(p, base)), ...after.problems.map((p) => shown(p, head))];
  return { report: { base: base.label, head: head.label, files: compared.map((c) => c.diff) }, compared, problems };
}

/**
 * Two files on disk: the as-is against the to-be, or two versions. `projectRoot` is the
 * project's folder as `check` finds it (the configuration's, else the repository's, else
 * the current folder); the files they point at are read only inside it (or beside a
 * named file outside it).
 */
export async function compareFiles(oldFile: string, newFile: string, config: BlueprintConfig, cwd: string, projectRoot: string): Promise<Comparison> {
  const [before, after] = [path.resolve(cwd, oldFile), path.resolve(cwd, newFile)];
  const roots = projectRoots(projectRoot, [before, after]);
  const base = diskSource(displayPath(cwd, before), [before], roots);
  const head = diskSource(displayPath(cwd, after), [after], roots);
  return compareSources(base, head, [{ status: 'modified', base: before, head: after }], config, cwd);
}

export interface GitCompareOptions {
  base: string;
  head?: string;
  /** Paths asked for, relative to `cwd`. */
  inputs: readonly string[];
  config: BlueprintConfig;
  /** Folder of the configuration file (the `files` globs are relative to it). */
  configRoot: string;
  cwd: string;
  /** The project's folder as `check` finds it; default the repository's top folder. Nothing outside it is read. */
  projectRoot?: string;
}

/** A git ref against the working tree or another ref. Throws `GitError` for git problems. */
export async function compareGit(options: GitCompareOptions): Promise<Comparison> {
  const root = await repositoryRoot(options.cwd);
  const baseCommit = await resolveRef(root, options.base);
  const headCommit = options.head === undefined ? undefined : await resolveRef(root, options.head);
  const scope: Scope = {
    root,
    configRoot: options.configRoot,
    patterns: filesFor(options.config),
    inputs: options.inputs.map((input) => path.resolve(options.cwd, input)),
    cwd: options.cwd,
    roots: [options.projectRoot ?? root],
  };
  const [base, head] = await Promise.all([
    commitSource(scope, options.base, baseCommit),
    headCommit === undefined ? workingTreeSource(scope) : commitSource(scope, options.head as string, headCommit),
  ]);
  const pairs = await pairFiles(scope, base, head, baseCommit, headCommit);
  return compareSources(base, head, pairs, options.config, options.cwd);
}
