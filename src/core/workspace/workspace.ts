/**
 * Several blueprint files analysed together: the store and loader. The workspace owns one
 * incremental parser per document and loads the files that documents point at
 * (`personas:` front matter and cross-file links) through a host. Cross-file questions go
 * to the cross-file index (`cross-index.ts`), checks to the rule runner (`rule-runner.ts`).
 */
import type { BlueprintDocument, Diagnostic, Item, Lang, Persona, Reference, Step, Story } from '../model';
import { BlueprintParser } from '../parse/parser';
import type { BlueprintConfig } from '../config';
import type { Located, WorkspaceIndex } from './index-types';
import { isInsideRoots, isReadFailure, type FileProblemKind, type FileReadResult } from './file-problems';
import { CrossFileIndex } from './cross-index';
import { PathResolver } from './paths';
import { RuleRunner } from './rule-runner';

/** How the core reads files: the CLI gives it the file system, the editor its documents. */
export interface FileHost {
  /**
   * The file's text; undefined when it does not exist; or why it cannot be used (a
   * folder, a device, too large, not UTF-8, no permission ...). Only regular files inside
   * the project are read, at most `MAX_FILE_BYTES`.
   */
  readFile(uri: string): Promise<FileReadResult>;
}

export interface WorkspaceOptions {
  config?: BlueprintConfig;
  /**
   * The project's folders (URIs). Files that documents point at are only read inside
   * them; a path leading elsewhere is reported, never read, so a blueprint cannot probe
   * the file system. A function is asked each time (the editor's folders change).
   * Absent or empty: no limit.
   */
  roots?: readonly string[] | (() => readonly string[]);
}

interface Entry {
  parser: BlueprintParser;
  doc: BlueprintDocument;
  /** The text as given (the document's text has lone CRs made LFs). */
  source: string;
}

export class BlueprintWorkspace implements WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** URIs asked for that could not be read, and why. */
  private readonly unreadable = new Map<string, FileProblemKind>();
  private readonly paths = new PathResolver();
  private readonly cross: CrossFileIndex;
  private readonly runner = new RuleRunner();
  private config: BlueprintConfig;
  private readonly roots: WorkspaceOptions['roots'];

  constructor(private readonly host: FileHost, options: WorkspaceOptions = {}) {
    this.config = options.config ?? {};
    this.roots = options.roots;
    const entries = this.entries;
    this.cross = new CrossFileIndex({
      get: (uri) => entries.get(uri)?.doc,
      *documents() {
        for (const entry of entries.values()) yield entry.doc;
      },
      get size() {
        return entries.size;
      },
      resolvePath: (fromUri, path) => this.paths.resolvePath(fromUri, path),
    });
  }

  /** The index interface rules and features use. */
  get index(): WorkspaceIndex {
    return this;
  }

  setConfig(config: BlueprintConfig): void {
    this.config = config;
  }

  /** Add or replace a document's text; only changed chunks are parsed again. */
  setText(uri: string, text: string): BlueprintDocument {
    let entry = this.entries.get(uri);
    if (entry && entry.source === text) return entry.doc;
    const parser = entry?.parser ?? new BlueprintParser();
    const doc = parser.parse(text, uri);
    entry = { parser, doc, source: text };
    this.entries.set(uri, entry);
    if (this.unreadable.delete(uri)) this.cross.idsChanged();
    this.cross.invalidate();
    return doc;
  }

  remove(uri: string): void {
    if (this.entries.delete(uri)) this.cross.invalidate();
  }

  /** Mark a file as missing (e.g. deleted on disk), so references to it are reported. */
  markMissing(uri: string): void {
    this.markUnreadable(uri, 'missing');
  }

  private markUnreadable(uri: string, problem: FileProblemKind): void {
    this.remove(uri);
    this.unreadable.set(uri, problem);
    this.cross.idsChanged();
  }

  /** Why a file that documents point at could not be read, if it could not. */
  fileProblem(uri: string): FileProblemKind | undefined {
    return this.entries.has(uri) ? undefined : this.unreadable.get(uri);
  }

  /**
   * Load every file that loaded documents point at and that is not loaded yet,
   * transitively. Each round looks only at the documents the previous round added, so a
   * chain of n files costs n reads, not n² scans. Files outside the roots are not read.
   */
  async loadDependencies(): Promise<void> {
    const pending = new Set<string>();
    const collect = (docs: Iterable<BlueprintDocument>): void => {
      for (const doc of docs) {
        for (const uri of this.dependenciesOf(doc)) {
          if (!this.entries.has(uri) && !this.unreadable.has(uri)) pending.add(uri);
        }
      }
    };
    collect(this.documents());
    const roots = typeof this.roots === 'function' ? this.roots() : this.roots;
    while (pending.size > 0) {
      const batch = [...pending];
      pending.clear();
      const results = await Promise.all(batch.map((uri) => this.read(uri, roots)));
      const added: BlueprintDocument[] = [];
      batch.forEach((uri, i) => {
        const result = results[i];
        if (result === undefined) this.markUnreadable(uri, 'missing');
        else if (isReadFailure(result)) this.markUnreadable(uri, result.problem);
        else if (!this.entries.has(uri)) added.push(this.setText(uri, result));
      });
      collect(added);
    }
  }

  private async read(uri: string, roots: readonly string[] | undefined): Promise<FileReadResult> {
    if (roots && roots.length > 0 && !isInsideRoots(uri, roots)) return { problem: 'outsideProject' };
    return this.host.readFile(uri).catch((): FileReadResult => ({ problem: 'unreadable' }));
  }

  /** URIs of the files a document points at. */
  dependenciesOf(doc: BlueprintDocument): string[] {
    const uris = new Set<string>();
    for (const file of doc.frontMatter?.personaFiles ?? []) uris.add(this.resolvePath(doc.uri, file.path));
    for (const ref of doc.references) if (ref.target) uris.add(this.resolvePath(doc.uri, ref.target));
    uris.delete(doc.uri);
    return [...uris];
  }

  /** Documents that use `uri`: they list it in `personas:` or link into it. */
  dependents(uri: string): string[] {
    const result: string[] = [];
    for (const { doc } of this.entries.values()) {
      if (doc.uri !== uri && this.dependenciesOf(doc).includes(uri)) result.push(doc.uri);
    }
    return result;
  }

  // ---- WorkspaceIndex ----

  get(uri: string): BlueprintDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  documents(): BlueprintDocument[] {
    return [...this.entries.values()].map((entry) => entry.doc);
  }

  resolvePath(fromUri: string, path: string): string {
    return this.paths.resolvePath(fromUri, path);
  }

  exists(uri: string): boolean {
    return this.entries.has(uri) || !this.unreadable.has(uri);
  }

  scope(uri: string): BlueprintDocument[] {
    return this.cross.scope(uri);
  }

  definedIn(kind: 'personas' | 'stories', id: string): readonly string[] {
    return this.cross.definedIn(kind, id);
  }

  resolve(fromUri: string, ref: Reference): Located | undefined {
    return this.cross.resolve(fromUri, ref);
  }

  personasInScope(uri: string): Located<Persona>[] {
    return this.cross.personasInScope(uri);
  }

  storiesInScope(uri: string): Located<Story>[] {
    return this.cross.storiesInScope(uri);
  }

  effectivePersonas(uri: string, step: Step): Reference[] {
    return this.cross.effectivePersonas(uri, step);
  }

  stepsUsingPersona(personaUri: string, slug: string): Located<Step>[] {
    return this.cross.stepsUsingPersona(personaUri, slug);
  }

  stepsAnsweringStory(storyUri: string, slug: string): Located<Step>[] {
    return this.cross.stepsAnsweringStory(storyUri, slug);
  }

  referencesTo(uri: string, slug: string, kind: Item['kind']): Array<{ uri: string; ref: Reference }> {
    return this.cross.referencesTo(uri, slug, kind);
  }

  /**
   * The language of text about a document (rule messages, fix titles, hovers, lenses, the
   * preview): `locale` from the configuration, else the file's `lang` (declared or detected).
   */
  localeOf(uri: string): Lang | undefined {
    const doc = this.get(uri);
    return doc ? this.config.locale ?? doc.lang : undefined;
  }

  /** Parse problems and every rule's findings for one document, with configured severities, in source order. */
  diagnostics(uri: string): Diagnostic[] {
    const doc = this.get(uri);
    if (!doc) return [];
    return this.runner.diagnostics(doc, this, this.config, this.cross.currentIdsVersion());
  }
}
