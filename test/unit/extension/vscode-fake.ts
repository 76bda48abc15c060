/**
 * A small stand-in for the `vscode` module, enough to run the extension's session and
 * providers in vitest (`vi.mock('vscode', ...)`): URIs are `vscode-uri`'s, the workspace
 * has one folder and the open documents a test puts in `fake.documents`, the file system is
 * `fake.files` (a map from URI string to bytes) with the folders in `fake.folders` and
 * those the files imply, and registered providers are kept in
 * `fake.providers` by the name of their `register*` function. Anything else the sources
 * name is a callable, constructible placeholder, so registrations "succeed".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI, Utils } from 'vscode-uri';

type Listener<T> = (event: T) => unknown;

export interface FakeDisposable {
  dispose(): void;
}

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): FakeDisposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    if (this.token.isCancellationRequested) return;
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number | Position, startCharacter: number | Position, endLine?: number, endCharacter?: number) {
    if (startLine instanceof Position && startCharacter instanceof Position) {
      this.start = startLine;
      this.end = startCharacter;
    } else {
      this.start = new Position(startLine as number, startCharacter as number);
      this.end = new Position(endLine ?? 0, endCharacter ?? 0);
    }
  }
  isEqual(other: Range): boolean {
    return JSON.stringify(this) === JSON.stringify(other);
  }
}

export class Location {
  constructor(readonly uri: URI, readonly range: Range) {}
}

export class MarkdownString {
  constructor(readonly value = '') {}
}

export class Hover {
  constructor(readonly contents: MarkdownString, readonly range?: Range) {}
}

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(readonly name: string, readonly detail: string, readonly kind: number, readonly range: Range, readonly selectionRange: Range) {}
}

export class CodeLens {
  constructor(readonly range: Range, readonly command?: { title: string }) {}
}

export class Diagnostic {
  constructor(readonly range: Range, readonly message: string, readonly severity?: number) {}
}

export class RelativePattern {
  constructor(readonly base: unknown, readonly pattern: string) {}
}

/** `vscode.FileType` (a bit set). */
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/** A file system error as VS Code's providers throw it (`read-file.ts` reads its code). */
function fileNotFound(uri: URI): Error {
  return Object.assign(new Error(`not found: ${uri.toString()}`), { code: 'FileNotFound' });
}

/** What a test controls. */
export const fake = {
  folder: URI.file('/workspace'),
  documents: [] as FakeTextDocument[],
  files: new Map<string, Uint8Array>(),
  folders: new Set<string>(),
  providers: new Map<string, unknown>(),
};

export interface FakeTextDocument {
  uri: URI;
  languageId: string;
  isClosed: boolean;
  getText(): string;
}

/** An open Markdown document with a fixed text. */
export function openDocument(path: string, text: string): FakeTextDocument {
  const document = { uri: Utils.joinPath(fake.folder, path), languageId: 'markdown', isClosed: false, getText: () => text };
  fake.documents.push(document);
  return document;
}

const noop: FakeDisposable = { dispose: () => undefined };

/** Placeholder for members no test looks at: callable, constructible, every property another placeholder. */
function placeholder(path: string): unknown {
  const target = function stub(): void {};
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => path;
      return placeholder(`${path}.${String(property)}`);
    },
    apply: () => placeholder(`${path}()`),
    construct: () => placeholder(`new ${path}`) as object,
  });
}

const registered = (name: string) => (...args: unknown[]): FakeDisposable => {
  fake.providers.set(name, args.find((arg, index) => index > 0 && typeof arg === 'object'));
  return noop;
};

const languages = {
  createDiagnosticCollection: () => ({ set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
  registerCompletionItemProvider: registered('completion'),
  registerRenameProvider: registered('rename'),
  registerCodeActionsProvider: registered('codeActions'),
  registerHoverProvider: registered('hover'),
  registerDefinitionProvider: registered('definition'),
  registerReferenceProvider: registered('references'),
  registerDocumentHighlightProvider: registered('highlights'),
  registerDocumentSymbolProvider: registered('symbols'),
  registerWorkspaceSymbolProvider: (provider: unknown): FakeDisposable => {
    fake.providers.set('workspaceSymbols', provider);
    return noop;
  },
  registerCodeLensProvider: registered('codeLens'),
};

const workspace = {
  get textDocuments() {
    return fake.documents.filter((document) => !document.isClosed);
  },
  get workspaceFolders() {
    return [{ uri: fake.folder, name: 'workspace', index: 0 }];
  },
  asRelativePath: (uri: URI): string => uri.path.replace(`${fake.folder.path}/`, ''),
  getConfiguration: () => ({ get: () => undefined }),
  findFiles: async (): Promise<URI[]> => [],
  fs: {
    async stat(uri: URI) {
      if (isFolder(uri)) return { type: FileType.Directory, size: 0, mtime: 0, ctime: 0 };
      const bytes = fake.files.get(uri.toString());
      if (!bytes) throw fileNotFound(uri);
      return { type: FileType.File, size: bytes.length, mtime: 0, ctime: 0 };
    },
    async readFile(uri: URI) {
      const bytes = fake.files.get(uri.toString());
      if (!bytes) throw fileNotFound(uri);
      return bytes;
    },
    async writeFile(uri: URI, bytes: Uint8Array) {
      fake.files.set(uri.toString(), bytes);
    },
    async createDirectory(uri: URI) {
      fake.folders.add(uri.toString());
    },
    async readDirectory(uri: URI): Promise<Array<[string, number]>> {
      if (!isFolder(uri)) throw fileNotFound(uri);
      const prefix = `${uri.toString()}/`;
      const children = new Map<string, number>();
      for (const file of fake.files.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...deeper] = file.slice(prefix.length).split('/');
        children.set(name!, deeper.length > 0 ? FileType.Directory : FileType.File);
      }
      for (const folder of fake.folders) if (folder.startsWith(prefix)) children.set(folder.slice(prefix.length).split('/')[0]!, FileType.Directory);
      return [...children];
    },
    async delete(uri: URI, options?: { recursive?: boolean }) {
      const key = uri.toString();
      const inside = (entry: string): boolean => entry === key || entry.startsWith(`${key}/`);
      const entries = [...fake.files.keys(), ...fake.folders].filter(inside);
      if (entries.length === 0) throw fileNotFound(uri);
      if (!options?.recursive && entries.some((entry) => entry !== key)) throw Object.assign(new Error(`not empty: ${key}`), { code: 'Unknown' });
      for (const file of [...fake.files.keys()].filter(inside)) fake.files.delete(file);
      for (const folder of [...fake.folders].filter(inside)) fake.folders.delete(folder);
    },
  },
};

/** `vscode.workspace.fs` of the fake, for tests that make it fail. */
export const fakeFs = workspace.fs;

/** True for a folder in `fake.folders` or one that holds a file of `fake.files`. */
function isFolder(uri: URI): boolean {
  const key = uri.toString();
  return fake.folders.has(key) || [...fake.files.keys()].some((file) => file.startsWith(`${key}/`));
}

const window = {
  withProgress: (_options: unknown, task: (progress: { report(): void }) => unknown) => Promise.resolve(task({ report: () => undefined })),
  createOutputChannel: () => ({ error: () => undefined, dispose: () => undefined }),
  showWarningMessage: async () => undefined,
};

const format = (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (_all, index: string) => String(args[Number(index)]));

const members: Record<string, unknown> = {
  Uri: { parse: (value: string) => URI.parse(value), file: (path: string) => URI.file(path), joinPath: Utils.joinPath },
  EventEmitter,
  CancellationTokenSource,
  Position,
  Range,
  Location,
  MarkdownString,
  Hover,
  DocumentSymbol,
  CodeLens,
  Diagnostic,
  RelativePattern,
  FileType,
  languages,
  workspace,
  window,
  env: { language: 'en' },
  l10n: { t: format },
};

/**
 * The `vscode` members the extension's sources name: vitest's mock module only has the
 * keys the factory returns, so every one must exist up front.
 */
function namesUsed(): string[] {
  const folder = join(import.meta.dirname, '../../../src/extension');
  const names = new Set<string>();
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/\bvscode\.(\w+)/g)) names.add(match[1]!);
  }
  return [...names];
}

/** The module object `vi.mock('vscode', ...)` returns. */
export const vscodeFake: Record<string, unknown> = {
  ...Object.fromEntries(namesUsed().map((name) => [name, placeholder(`vscode.${name}`)])),
  ...members,
};
