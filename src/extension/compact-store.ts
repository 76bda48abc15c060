/**
 * Compact documents remembered between sessions (issue 13): a second start on the same
 * workspace reads each unchanged file's facts instead of parsing it. One JSON file per
 * blueprint in the extension's storage (`storageUri`, else `globalStorageUri`), keyed by
 * the file's size and modification time, written and read through `vscode.workspace.fs`,
 * so it works in the web worker host too. The folder's name carries the compact format
 * and the extension's version: a new version starts afresh, and the folders of other
 * formats and versions are deleted on first use (they would otherwise stay forever).
 */
import * as vscode from 'vscode';
import { COMPACT_FORMAT, contentHash, loadCompact, storeCompact, type BlueprintDocument, type StoredCompact } from '../core';
import { logError } from './log';
import type { CompactStore } from './workspace-index';

/** The name of a folder this store makes: `compact-<format>-<version>`. Nothing else in storage is ours to delete. */
const FOLDER_NAME = /^compact-\d+-\S+$/;

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
  private cleaned: Promise<void> | undefined;

  constructor(private readonly storage: vscode.Uri, version: string) {
    this.folder = vscode.Uri.joinPath(storage, `compact-${COMPACT_FORMAT}-${version}`);
  }

  /**
   * Deletes the cache folders of other formats and versions in storage, once (also from
   * `get`, on first use: activation stays free of disk work). Only folders named as this
   * store names its own; failures are logged, never thrown.
   */
  removeStale(): Promise<void> {
    this.cleaned ??= this.deleteStaleFolders();
    return this.cleaned;
  }

  private async deleteStaleFolders(): Promise<void> {
    const own = this.folder.path.slice(this.folder.path.lastIndexOf('/') + 1);
    let entries: [string, vscode.FileType][];
    try {
      // Looked up before it is listed: on a first start there is no storage folder yet, and
      // the extension host logs a stack trace for every failed listing, though it is no fault.
      await vscode.workspace.fs.stat(this.storage);
      entries = await vscode.workspace.fs.readDirectory(this.storage);
    } catch (error) {
      // No storage folder yet (a first start): nothing to delete.
      if (codeOf(error) !== 'FileNotFound') logError('listing the index caches failed', error);
      return;
    }
    const stale = entries.filter(([name, type]) => name !== own && FOLDER_NAME.test(name) && (type & vscode.FileType.Directory) !== 0 && (type & vscode.FileType.SymbolicLink) === 0);
    await Promise.all(
      stale.map(async ([name]) => {
        try {
          await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, name), { recursive: true, useTrash: false });
        } catch (error) {
          logError(`deleting the old index cache ${name} failed`, error);
        }
      }),
    );
  }

  private entryOf(uri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${contentHash(uri.toString())}.json`);
  }

  async get(uri: vscode.Uri): Promise<BlueprintDocument | undefined> {
    void this.removeStale();
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

/** A file system error's code (`FileNotFound`, ...), if it has one. */
function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
