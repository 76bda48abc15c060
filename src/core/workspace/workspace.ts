/**
 * Several blueprint files analysed together: the store and loader. The workspace owns one
 * incremental parser per document and loads the files that documents point at
 * (`personas:` front matter and cross-file links) through a host. Cross-file questions go
 * to the cross-file index (`cross-index.ts`), checks to the rule runner (`rule-runner.ts`).
 */
import type { BlueprintDocument, Diagnostic, Item, Lang, Persona, Reference, Step, Story } from '../model';
import { BlueprintParser, parseForCompactInSteps } from '../parse/parser';
import { modelText } from '../parse/text';
import type { BlueprintConfig } from '../config';
import type { Located, WorkspaceIndex } from './index-types';
import type { FileHost, LoadOptions, WorkspaceOptions } from './workspace-options';
import { isInsideRoots, isReadFailure, type FileProblemKind, type FileReadResult } from './file-problems';
import { CrossFileIndex } from './cross-index';
import { PathResolver } from './paths';
import { RuleRunner, type CleanItems } from './rule-runner';
import { compactDocument, contentHash } from './compact';
import { edgesOf } from './doc-facts';
import { factsSignatures, type FactsSignatures } from './facts-signature';
import { Foreground } from './foreground';
import { answersStand, recordingIndex, type RecordedCalls } from './recorded';

export type { FileHost, LoadOptions, WorkspaceOptions } from './workspace-options';

/** A document's last check: reused while the document, the configuration and what it read are the same; its per-item results found clean are kept under `epoch`. */
interface LastCheck {
  doc: BlueprintDocument;
  config: BlueprintConfig;
  signatures: FactsSignatures;
  epoch: number;
  diagnostics: Diagnostic[];
}

/** A full model with its incremental parser, or a compact document (no parser). */
interface Entry {
  parser?: BlueprintParser;
  doc: BlueprintDocument;
  /** The text as given (the document's text has lone CRs made LFs); a full model's only. */
  source?: string;
  /** The compact document this full model replaced, while the text is the one it was made from. */
  compact?: { doc: BlueprintDocument; text: string };
}


export class BlueprintWorkspace implements WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** URIs asked for that could not be read, and why. */
  private readonly unreadable = new Map<string, FileProblemKind>();
  private readonly paths = new PathResolver();
  private readonly cross: CrossFileIndex;
  private readonly runner = new RuleRunner();
  /** Full models not checked since they became full models: their first check runs in steps. */
  private readonly firstCheck = new Set<string>();
  private readonly foreground = new Foreground();
  /** Per full model: its last check, with the facts it read (see `facts-signature.ts`). */
  private readonly checks = new Map<string, LastCheck>();
  /** The last epoch given: per-item results are kept per epoch, a new one when a file's `items` signature changes. */
  private epochs = 0;
  private config: BlueprintConfig;
  private readonly roots: WorkspaceOptions['roots'];
  private readonly lean: boolean;

  constructor(private readonly host: FileHost, options: WorkspaceOptions = {}) {
    this.config = options.config ?? {};
    this.roots = options.roots;
    this.lean = options.leanCompact ?? false;
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

  /** Add or replace a document's text as a full model; only changed chunks are parsed again. */
  setText(uri: string, text: string): BlueprintDocument {
    const entry = this.entries.get(uri);
    if (entry?.parser && entry.source === text) return entry.doc;
    const parser = entry?.parser ?? new BlueprintParser();
    return this.store(uri, parser, parser.parse(text, uri), text);
  }

  /**
   * `setText` in steps (issue 13): a file opened now is parsed a chunk per step, an edit
   * in one go. A full model `setText` stored meanwhile (a feature asked) stays.
   */
  *setTextInSteps(uri: string, text: string): Generator<void, BlueprintDocument, void> {
    if (this.entries.get(uri)?.parser) return this.setText(uri, text);
    const parser = new BlueprintParser();
    const doc = yield* this.foreground.steps(parser.parseInSteps(text, uri));
    const now = this.entries.get(uri);
    if (now?.parser) return now.doc;
    return this.store(uri, parser, doc, text);
  }

  /** True while an opened file's first parse or check runs in steps: indexing waits (see `foreground.ts`). */
  foregroundWork(): boolean {
    return this.foreground.busy();
  }

  private store(uri: string, parser: BlueprintParser, doc: BlueprintDocument, text: string): BlueprintDocument {
    const entry = this.entries.get(uri);
    // A file that becomes a full model now gets its first check in steps (`diagnosticsInSteps`).
    if (!entry?.parser) this.firstCheck.add(uri);
    // Opening a file known compactly: keep its compact document for when it is let go again.
    const known = entry?.doc.compact ? entry.doc : entry?.compact?.doc;
    const same = known?.compact && known.compact.length === doc.text.length && (entry?.compact?.text === doc.text || known.compact.hash === contentHash(doc.text));
    this.entries.set(uri, { parser, doc, source: text, ...(known && same ? { compact: { doc: known, text: doc.text } } : {}) });
    if (this.unreadable.delete(uri)) this.cross.idsChanged();
    this.cross.invalidate();
    return doc;
  }

  /**
   * Add or replace a file that is not open by its compact document: what other files need
   * of it, without a full model (see `compact.ts`). Checks and features answer for the
   * open documents exactly as if every file were a full model.
   */
  setCompact(uri: string, compact: BlueprintDocument): BlueprintDocument {
    const doc = compact.compact ? compact : compactDocument(compact, this.lean);
    if (this.entries.get(uri)?.doc === doc) return doc;
    this.firstCheck.delete(uri);
    this.checks.delete(uri);
    this.entries.set(uri, { doc });
    if (this.unreadable.delete(uri)) this.cross.idsChanged();
    this.cross.invalidate();
    this.cross.prepare(doc);
    return doc;
  }

  /** Parse a file's text once and keep only its compact document. */
  setCompactText(uri: string, text: string): BlueprintDocument {
    if (this.hasCompactOf(uri, text)) return this.entries.get(uri)!.doc;
    return this.setCompact(uri, compactDocument(new BlueprintParser().parse(text, uri), this.lean));
  }

  /**
   * True when the file is known compactly for exactly this text. Compared as the model's
   * text (no BOM, lone CRs made LFs), so such files are not parsed again each time.
   */
  hasCompactOf(uri: string, source: string): boolean {
    const known = this.entries.get(uri)?.doc.compact;
    if (known === undefined) return false;
    const text = modelText(source);
    return known.length === text.length && known.hash === contentHash(text);
  }

  /** True when the file is known, as a full model or compactly, for exactly this text (nothing to parse again). */
  hasTextOf(uri: string, source: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    return entry.parser ? entry.source === source || entry.doc.text === modelText(source) : this.hasCompactOf(uri, source);
  }

  /** Keep only the compact document of a loaded file (a document was closed, a file checked). */
  release(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry?.parser) return;
    this.setCompact(uri, entry.compact && entry.compact.text === entry.doc.text ? entry.compact.doc : compactDocument(entry.doc, this.lean));
  }

  /** True when the file is loaded as a compact document, not a full model. */
  isCompact(uri: string): boolean {
    return this.entries.get(uri)?.doc.compact !== undefined;
  }

  remove(uri: string): void {
    this.firstCheck.delete(uri);
    this.checks.delete(uri);
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
  async loadDependencies(options: LoadOptions = {}): Promise<void> {
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
      for (const [i, uri] of batch.entries()) {
        const result = results[i];
        if (result === undefined) this.markUnreadable(uri, 'missing');
        else if (isReadFailure(result)) this.markUnreadable(uri, result.problem);
        else if (!this.entries.has(uri)) {
          const doc = await this.loadText(uri, result, options);
          if (!doc) return;
          added.push(doc);
        }
      }
      collect(added);
    }
  }

  /** A dependency's text stored as `loadDependencies` was asked to; undefined when the step runner stopped. */
  private async loadText(uri: string, text: string, { compact, inSteps }: LoadOptions): Promise<BlueprintDocument | undefined> {
    if (!inSteps) return compact ? this.setCompactText(uri, text) : this.setText(uri, text);
    if (!compact) return (await inSteps(this.setTextInSteps(uri, text)))?.value;
    const parsed = await inSteps(parseForCompactInSteps(text, uri));
    if (!parsed) return undefined;
    // Loaded while it was parsed (an editor opened it, the index reached it): that stays.
    return this.entries.get(uri)?.doc ?? this.setCompact(uri, parsed.value);
  }

  private async read(uri: string, roots: readonly string[] | undefined): Promise<FileReadResult> {
    if (roots && roots.length > 0 && !isInsideRoots(uri, roots)) return { problem: 'outsideProject' };
    return this.host.readFile(uri).catch((): FileReadResult => ({ problem: 'unreadable' }));
  }

  /** URIs of the files a document points at. */
  dependenciesOf(doc: BlueprintDocument): string[] {
    const uris = new Set<string>();
    const edges = edgesOf(doc);
    for (const path of edges.personaFiles) uris.add(this.resolvePath(doc.uri, path));
    for (const path of edges.linkTargets) uris.add(this.resolvePath(doc.uri, path));
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

  shadowedIn(kind: 'personas' | 'stories', id: string, uri: string): string | undefined {
    return this.cross.shadowedIn(kind, id, uri);
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
    // A compact document has no text to check: its file is checked when it is opened.
    if (!doc || doc.compact) return [];
    this.firstCheck.delete(uri);
    const signatures = this.signatures(uri);
    const last = this.checks.get(uri);
    // Files indexed meanwhile changed nothing this file reads: its findings stand.
    if (last && last.doc === doc && last.config === this.config && last.signatures.whole === signatures.whole) return [...last.diagnostics];
    const epoch = last && last.signatures.items === signatures.items ? last.epoch : ++this.epochs;
    const diagnostics = this.runner.diagnostics(doc, this, this.config, epoch);
    this.checks.set(uri, { doc, config: this.config, signatures, epoch, diagnostics });
    return [...diagnostics];
  }

  /** What a document's checks read of the other files (see `facts-signature.ts`). */
  private signatures(uri: string): FactsSignatures {
    return factsSignatures({ get: (u) => this.get(u), scope: (u) => this.cross.scope(u), resolvePath: (from, path) => this.resolvePath(from, path), fileProblem: (u) => this.fileProblem(u), seers: (u) => this.cross.seers(u) }, uri);
  }

  /**
   * `diagnostics` in steps (issue 13): a file's first check pauses after each rule and
   * every few items; later checks run in one step. Files indexed between the steps: the
   * rules' cross-file questions are recorded (`recorded.ts`) and the findings returned
   * only when every answer still stands at the end (those of a check in one go now);
   * else it runs again, in one go after a few tries. A new text or configuration restarts it.
   */
  *diagnosticsInSteps(uri: string): Generator<void, Diagnostic[], void> {
    for (let attempt = 0; attempt < 3 && this.firstCheck.has(uri); attempt++) {
      const doc = this.get(uri);
      if (!doc || doc.compact) return [];
      const config = this.config;
      const calls: RecordedCalls = new Map();
      const clean: CleanItems = [];
      const diagnostics = yield* this.foreground.steps(this.runner.diagnosticsInSteps(doc, recordingIndex(this, calls), config, undefined, clean));
      if (this.get(uri) !== doc || this.config !== config || !answersStand(this, calls)) continue;
      this.firstCheck.delete(uri);
      const epoch = ++this.epochs;
      this.runner.remember(clean, epoch);
      this.checks.set(uri, { doc, config, signatures: this.signatures(uri), epoch, diagnostics });
      return [...diagnostics];
    }
    return this.diagnostics(uri);
  }

  /**
   * Diagnostics of a full document with the cross-file questions its rules asked and the
   * keys of the answers, to be confirmed later with `answersStand` (see `recorded.ts`).
   */
  recordedDiagnostics(uri: string): { diagnostics: Diagnostic[]; calls: RecordedCalls } {
    const calls: RecordedCalls = new Map();
    const doc = this.get(uri);
    if (!doc || doc.compact) return { diagnostics: [], calls };
    return { diagnostics: this.runner.diagnostics(doc, recordingIndex(this, calls), this.config, undefined), calls };
  }

  /** True when the workspace answers every recorded question as it did then: the recorded diagnostics stand. */
  answersStand(calls: RecordedCalls): boolean {
    return answersStand(this, calls);
  }
}
