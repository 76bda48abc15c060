/**
 * The workspace's blueprints indexed in the background (issue 13): files that are not open
 * become compact documents through the core's `indexFiles`, which yields to the editor
 * between short slices. A window progress indicator shows the count. Files that change
 * meanwhile are queued and indexed again; a change of folders or of the `files` globs
 * cancels the run and starts over. Open documents stay full models (the session's).
 */
import * as vscode from 'vscode';
import type { BlueprintDocument, BlueprintService, IndexResult } from '../core';
import { readFromDisk } from './file-host';

/** Where indexing stands, for the in-editor tests and the bench. */
export interface IndexState {
  /** True from the start of indexing until no file is left to index. */
  running: boolean;
  /** Files done of the current batch. */
  done: number;
  total: number;
  /** Batches finished. */
  runs: number;
  /** Files taken from the cache, over every batch. */
  cached: number;
  last?: IndexResult;
}

/** Remembers compact documents between sessions (see `compact-store.ts`). */
export interface CompactStore {
  get(uri: vscode.Uri): Promise<BlueprintDocument | undefined>;
  put(uri: vscode.Uri, compact: BlueprintDocument): void;
  delete(uri: vscode.Uri): void;
}

export class WorkspaceIndexer {
  readonly state: IndexState = { running: false, done: 0, total: 0, runs: 0, cached: 0 };
  private running: Promise<void> | undefined;
  /** Files to index (again) in the next batch. */
  private readonly queue = new Set<string>();
  /** False until the workspace's files were listed (again, after `restart`). */
  private listed = false;
  private token = { cancelled: false };

  constructor(
    private readonly service: BlueprintService,
    private readonly globs: () => readonly string[],
    /** After each batch, with the files it indexed. */
    private readonly onIndexed: (uris: string[]) => void,
    private readonly store?: CompactStore,
  ) {}

  /** Resolves when every blueprint file of the workspace is indexed (starts indexing when needed). */
  ready(): Promise<void> {
    this.running ??= Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing blueprints') }, (progress) => this.loop(progress)),
    ).finally(() => {
      this.running = undefined;
      this.state.running = false;
    });
    this.state.running = true;
    return this.running;
  }

  /** A file was created or changed on disk: index it again (now, or after the current batch). */
  changed(uri: string): void {
    this.queue.add(uri);
    if (this.listed) void this.ready();
  }

  /** A file was deleted: forget what the cache knew of it. */
  deleted(uri: string): void {
    this.queue.delete(uri);
    this.store?.delete(vscode.Uri.parse(uri));
  }

  /** The folders or the globs changed: stop the current run and list the files again. */
  restart(): void {
    if (!this.listed && !this.running) return;
    this.token.cancelled = true;
    this.listed = false;
    void this.ready();
  }

  dispose(): void {
    this.token.cancelled = true;
  }

  private async loop(progress: vscode.Progress<{ message?: string }>): Promise<void> {
    for (;;) {
      if (!this.listed) {
        this.listed = true;
        for (const uri of await this.listFiles()) this.queue.add(uri.toString());
      }
      if (this.queue.size === 0) return;
      const uris = [...this.queue];
      this.queue.clear();
      this.token = { cancelled: false };
      const token = this.token;
      Object.assign(this.state, { done: 0, total: uris.length });
      const result = await this.service.indexFiles(
        { uris, read: (uri) => readFromDisk(vscode.Uri.parse(uri)), cached: this.store && ((uri) => this.store!.get(vscode.Uri.parse(uri))) },
        {
          token,
          onProgress: (done, total) => {
            this.state.done = done;
            if (done === total || done % 10 === 0) progress.report({ message: `${done}/${total}` });
          },
          onParsed: this.store && ((uri, compact) => this.store!.put(vscode.Uri.parse(uri), compact)),
        },
      );
      Object.assign(this.state, { runs: this.state.runs + 1, cached: this.state.cached + result.cached, last: result });
      // A cancelled batch's files are listed again (restart) or still queued (changes).
      if (!result.cancelled) this.onIndexed(uris);
    }
  }

  private async listFiles(): Promise<vscode.Uri[]> {
    const exclude = '**/node_modules/**';
    const found = await Promise.all(
      (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
        this.globs().map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude)),
      ),
    );
    const seen = new Set<string>();
    return found.flat().filter((uri) => !seen.has(uri.toString()) && seen.add(uri.toString()));
  }
}
