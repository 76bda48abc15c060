/**
 * The core's `FileHost` on Node's file system, for files that checked blueprints point
 * at (`personas:` files and link targets).
 */
import { readFile } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { FileHost } from '../../core';

/** Read a file as the editor would see it: UTF-8 with a leading byte-order mark removed. */
export async function readText(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  // VS Code hides the BOM from documents; removing it here keeps columns identical.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A `FileHost` reading `file:` URIs from disk; anything unreadable counts as missing. */
export class NodeFileHost implements FileHost {
  async readFile(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    return readText(parsed.fsPath).catch(() => undefined);
  }
}
