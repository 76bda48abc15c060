/**
 * Finding and reading `blueprint.config.json` for a command-line run. The core parses the
 * text; this module only knows where the file is, because that needs the file system.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type BlueprintConfig } from '../../core';
import { errorCode } from '../error-code';

/** The configuration of a run and the folder its `files` globs are relative to. */
export interface LoadedConfig {
  config: BlueprintConfig;
  /** Folder holding the configuration file; the current folder when there is none. */
  root: string;
  /** Path of the file read, if any. */
  file?: string;
  /** Readable descriptions of what is wrong with the file (empty when it is fine). */
  problems: string[];
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/**
 * The folder of the project around `start`: the nearest folder holding a
 * `blueprint.config.json` or `.git`, or undefined when there is none up to the file-system
 * root (then no folder can safely be searched as "the project").
 */
export async function findProjectRoot(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (;;) {
    if ((await isFile(path.join(folder, CONFIG_FILE_NAME))) || (await exists(path.join(folder, '.git')))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The nearest `blueprint.config.json`: in `start` or a folder above it. The search stops at
 * the root of a Git repository (a folder holding `.git`) so a checkout never picks up a
 * configuration from the folders around it.
 */
export async function findConfigFile(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return candidate;
    if (await exists(path.join(folder, '.git'))) return undefined;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * Load the configuration for a run from `explicit` (`--config`) or else the nearest file.
 * Never throws: an unreadable or invalid file is described in `problems`, and the valid
 * parts still apply so the findings printed are as close to intended as possible.
 */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : await findConfigFile(cwd);
  if (file === undefined) return { config: {}, root: cwd, problems: [] };
  const root = path.dirname(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { config: {}, root: explicit !== undefined ? cwd : root, file, problems: [`cannot read configuration: ${describeFsError(error)}`] };
  }
  const { config, problems } = parseConfig(text);
  return { config, root, file, problems };
}

/** A short reason for a failed file-system call ("no such file or directory", ...). */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
