/**
 * A report or page written with `-o` must never replace a file the run reads: `check
 * F -o F` would otherwise overwrite the blueprint with its own report, without a word.
 */
import { stat } from 'node:fs/promises';

async function identity(file: string): Promise<string | undefined> {
  try {
    const stats = await stat(file);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether `target` is one of `inputs` (absolute paths). Compared by device and inode, so
 * another spelling of the path, a symbolic link or a hard link to an input counts too.
 */
export async function isAnInput(target: string, inputs: readonly string[]): Promise<boolean> {
  const wanted = await identity(target);
  if (wanted === undefined) return false; // a new file replaces nothing
  const identities = await Promise.all(inputs.map(identity));
  return identities.includes(wanted);
}
