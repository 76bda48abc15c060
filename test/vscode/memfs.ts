/**
 * An in-memory file system for in-editor tests: registered under github.dev's `vscode-vfs`
 * scheme, it shows that the extension reaches files only through `vscode.workspace.fs`
 * and never assumes `file:`. Directories are created on demand when a file is written.
 */
import * as vscode from 'vscode';

type Entry = { type: vscode.FileType.File; data: Uint8Array; ctime: number; mtime: number } | { type: vscode.FileType.Directory; ctime: number; mtime: number };

export class MemFs implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() }]]);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.get(uri);
    return { type: entry.type, ctime: entry.ctime, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.entries]
      .filter(([path]) => path !== prefix && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, entry]) => [path.slice(prefix.length), entry.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    const parts = uri.path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const path = `/${parts.slice(0, i).join('/')}`;
      if (!this.entries.has(path)) this.entries.set(path, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() });
    }
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.get(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existing = this.entries.get(uri.path);
    this.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const now = Date.now();
    this.entries.set(uri.path, { type: vscode.FileType.File, data: content, ctime: existing?.ctime ?? now, mtime: now });
    this.changes.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.get(uri);
    for (const path of [...this.entries.keys()]) if (path === uri.path || path.startsWith(`${uri.path}/`)) this.entries.delete(path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    const entry = this.get(from);
    this.entries.delete(from.path);
    this.entries.set(to.path, entry);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }

  private get(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }
}
