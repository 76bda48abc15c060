/**
 * Compact documents remembered between sessions (issue 13): a second start on the same
 * workspace reads each unchanged file's facts instead of parsing it. One JSON file per
 * blueprint in the extension's storage (`storageUri`, else `globalStorageUri`), keyed by
 * the file's size and modification time, written and read through `vscode.workspace.fs`,
 * so it works in the web worker host too. The folder's name carries the compact format
 * and the extension's version: a new version starts afresh.
 */
import * as vscode from 'vscode';
import { COMPACT_FORMAT, contentHash, loadCompact, storeCompact, type BlueprintDocument, type StoredCompact } from '../core';
import { logError } from './log';
import type { CompactStore } from './workspace-index';

interface Stamp {
  size: number;
  mtime: number;
}

interface StoredEntry extends Stamp {
  doc: StoredCompact;
}

export class FileCompactStore implements CompactStore {
  private readonly folder: vscode.Uri;
  /** Each file's size and time when it was last looked up: what its compact document is stored under. */
  private readonly stamps = new Map<string, Stamp>();
  private created: Thenable<void> | undefined;

  constructor(storage: vscode.Uri, version: string) {
    this.folder = vscode.Uri.joinPath(storage, `compact-${COMPACT_FORMAT}-${version}`);
  }

  private entryOf(uri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${contentHash(uri.toString())}.json`);
  }

  async get(uri: vscode.Uri): Promise<BlueprintDocument | undefined> {
    const key = uri.toString();
    let stamp: Stamp;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      stamp = { size: stat.size, mtime: stat.mtime };
    } catch {
      this.stamps.delete(key);
      return undefined;
    }
    this.stamps.set(key, stamp);
    let entry: StoredEntry;
    try {
      entry = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.entryOf(uri)))) as StoredEntry;
    } catch {
      return undefined; // not stored yet, or unreadable: the file is parsed
    }
    if (entry.size !== stamp.size || entry.mtime !== stamp.mtime || entry.doc?.uri !== key) return undefined;
    return loadCompact(entry.doc);
  }

  put(uri: vscode.Uri, compact: BlueprintDocument): void {
    const stamp = this.stamps.get(uri.toString());
    if (!stamp || !compact.compact) return;
    const entry: StoredEntry = { ...stamp, doc: storeCompact(compact) };
    this.created ??= vscode.workspace.fs.createDirectory(this.folder);
    Promise.resolve(this.created)
      .then(() => vscode.workspace.fs.writeFile(this.entryOf(uri), new TextEncoder().encode(JSON.stringify(entry))))
      .then(undefined, (error: unknown) => logError('writing the index cache failed', error));
  }

  delete(uri: vscode.Uri): void {
    this.stamps.delete(uri.toString());
    Promise.resolve(vscode.workspace.fs.delete(this.entryOf(uri))).then(undefined, () => undefined);
  }
}
