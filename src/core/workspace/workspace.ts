/**
 * Several blueprint files analysed together. The workspace owns one incremental parser
 * per document, loads the files that documents point at (`personas:` front matter and
 * cross-file links) through a host, and answers cross-file questions for rules and
 * editor features. Cross-file facts are computed once per change and then reused.
 */
import { URI, Utils } from 'vscode-uri';
import type { BlueprintDocument, Diagnostic, Item, ItemBase, Lang, Persona, Reference, Stage, Step, Story } from '../model';
import { BlueprintParser } from '../parse/parser';
import { itemMovedFrom } from '../parse/build';
import type { BlueprintConfig } from '../config';
import { severityFor } from '../config';
import { allRules } from '../rules/registry';
import type { Report, Rule, RuleContext } from '../rules/types';
import { formatMessage } from '../i18n/message-catalogue';
import type { Located, WorkspaceIndex } from './index-types';
import { isInsideRoots, isReadFailure, wellFormed, type FileProblemKind, type FileReadResult } from './file-problems';
import { fileProblemDiagnostics } from './file-problem-diagnostics';

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
}

/**
 * Facts derived from all documents, rebuilt lazily after any change. Each part is only
 * computed when first asked for: diagnostics need step usage, navigation needs the
 * reverse index of references, and neither pays for the other.
 */
interface Facts {
  /** Documents each document sees, by URI. */
  scopes: Map<string, BlueprintDocument[]>;
  /** Lookup tables per document. */
  tables: Map<string, DocTables>;
  /** The workspace's ids version when these facts were made. */
  idsVersion: number;
  /** The stage each staged step sits under. */
  stageOfStep: Map<Step, Stage>;
  /** Steps that use each persona or answer each story, by the target item. */
  stepsByTarget?: Map<Item, Located<Step>[]>;
  /** Every reference resolving to an item, by the target item. */
  refsByTarget?: Map<Item, Array<{ uri: string; ref: Reference }>>;
  /** Documents defining each persona and story id, keyed `kind id`. */
  definers?: Map<string, string[]>;
}

interface DocTables {
  personas: Map<string, Persona>;
  stories: Map<string, Story>;
  journey: Map<string, Item>;
}

/** Lookup tables of a document: built once per document version. */
const tablesByDocument = new WeakMap<BlueprintDocument, DocTables>();

/**
 * Persona references among an item's own references, by that array: the parser reuses
 * an unchanged item's array across edits (a stage's too, though the stage object is new).
 */
const personaRefsByList = new WeakMap<readonly Reference[], Reference[]>();

/** What a step uses, as found at one ids version; reused while its inputs are the same arrays. */
interface StepUses {
  idsVersion: number;
  own: readonly Reference[];
  stage: readonly Reference[] | undefined;
  frontMatter: string;
  targets: Array<{ uri: string; kind: 'persona' | 'story'; slug: string }>;
}
const stepUses = new WeakMap<Step, StepUses>();

export class BlueprintWorkspace implements WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** URIs asked for that could not be read, and why. */
  private readonly unreadable = new Map<string, FileProblemKind>();
  private facts: Facts | undefined;
  /** Per rule: items whose last per-item check found nothing, with the ids version it ran at. */
  private readonly cleanItems = new Map<string, WeakMap<Item, number>>();
  /** Bumped whenever the ids any document defines, the persona files it names, or the set of files change. */
  private idsVersion = 0;
  private readonly idsSignatures = new Map<string, string>();
  private readonly resolvedPaths = new Map<string, string>();
  private config: BlueprintConfig;
  private readonly roots: WorkspaceOptions['roots'];

  constructor(private readonly host: FileHost, options: WorkspaceOptions = {}) {
    this.config = options.config ?? {};
    this.roots = options.roots;
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
    if (entry && entry.doc.text === text) return entry.doc;
    const parser = entry?.parser ?? new BlueprintParser();
    const doc = parser.parse(text, uri);
    entry = { parser, doc };
    this.entries.set(uri, entry);
    if (this.unreadable.delete(uri)) this.idsVersion++;
    this.facts = undefined;
    return doc;
  }

  remove(uri: string): void {
    if (this.entries.delete(uri)) this.facts = undefined;
  }

  /** Mark a file as missing (e.g. deleted on disk), so references to it are reported. */
  markMissing(uri: string): void {
    this.markUnreadable(uri, 'missing');
  }

  private markUnreadable(uri: string, problem: FileProblemKind): void {
    this.remove(uri);
    this.unreadable.set(uri, problem);
    this.idsVersion++;
    this.facts = undefined;
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
    const key = fromUri + '\u0000' + path;
    let resolved = this.resolvedPaths.get(key);
    if (resolved === undefined) {
      // Paths are few and fixed per file; the bound only guards against a pathological workspace.
      if (this.resolvedPaths.size > 10_000) this.resolvedPaths.clear();
      resolved = this.computePath(fromUri, path);
      this.resolvedPaths.set(key, resolved);
    }
    return resolved;
  }

  /**
   * Decoded once (`%2e%2e/` is `../`), then resolved with `.` and `..` applied, so the
   * result can be checked against the project's roots. Lone surrogates, which no URI can
   * hold, become U+FFFD.
   */
  private computePath(fromUri: string, path: string): string {
    const clean = wellFormed(path.split('#')[0].trim());
    let decoded = clean;
    try {
      decoded = wellFormed(decodeURI(clean));
    } catch {
      // keep as written
    }
    const base = URI.parse(fromUri);
    if (decoded.startsWith('/')) return Utils.resolvePath(base.with({ path: '/' }), decoded).toString();
    return Utils.joinPath(Utils.dirname(base), decoded).toString();
  }

  exists(uri: string): boolean {
    return this.entries.has(uri) || !this.unreadable.has(uri);
  }

  scope(uri: string): BlueprintDocument[] {
    const facts = this.ensureFacts();
    let scope = facts.scopes.get(uri);
    if (!scope) {
      scope = this.computeScope(uri);
      facts.scopes.set(uri, scope);
    }
    return scope;
  }

  /** Depth-first, in `personas:` order, with an explicit stack: a chain of 12,000 files must not overflow. */
  private computeScope(uri: string): BlueprintDocument[] {
    const result: BlueprintDocument[] = [];
    const seen = new Set<string>();
    const stack = [uri];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const doc = this.get(current);
      if (!doc) continue;
      result.push(doc);
      const files = doc.frontMatter?.personaFiles ?? [];
      for (let i = files.length - 1; i >= 0; i--) stack.push(this.resolvePath(doc.uri, files[i].path));
    }
    return result;
  }

  definedIn(kind: 'personas' | 'stories', id: string): readonly string[] {
    const facts = this.ensureFacts();
    if (!facts.definers) {
      const definers = new Map<string, string[]>();
      for (const [uri, tables] of facts.tables) {
        for (const slug of tables.personas.keys()) push(definers, `personas ${slug}`, uri);
        for (const slug of tables.stories.keys()) push(definers, `stories ${slug}`, uri);
      }
      facts.definers = definers;
    }
    return facts.definers.get(`${kind} ${id}`) ?? [];
  }

  resolve(fromUri: string, ref: Reference): Located | undefined {
    return this.lookup(fromUri, ref, this.ensureFacts().tables);
  }

  private lookup(fromUri: string, ref: Reference, tables: Map<string, DocTables>): Located | undefined {
    if (ref.target) {
      const uri = this.resolvePath(fromUri, ref.target);
      const table = tables.get(uri);
      const item = table ? findIn(table, ref) : undefined;
      return item ? { uri, item } : undefined;
    }
    for (const doc of this.scope(fromUri)) {
      const table = tables.get(doc.uri);
      const item = table ? findIn(table, ref) : undefined;
      if (item) return { uri: doc.uri, item };
    }
    return undefined;
  }


  personasInScope(uri: string): Located<Persona>[] {
    return this.scope(uri).flatMap((doc) => doc.personas.map((item) => ({ uri: doc.uri, item })));
  }

  storiesInScope(uri: string): Located<Story>[] {
    return this.scope(uri).flatMap((doc) => doc.stories.map((item) => ({ uri: doc.uri, item })));
  }

  effectivePersonas(uri: string, step: Step): Reference[] {
    const own = this.personaRefsOf(step);
    if (own.length > 0) return own;
    const stage = this.ensureFacts().stageOfStep.get(step);
    const fromStage = stage ? this.personaRefsOf(stage) : [];
    if (fromStage.length > 0) return fromStage;
    return this.get(uri)?.frontMatter?.personaRefs ?? [];
  }

  stepsUsingPersona(personaUri: string, slug: string): Located<Step>[] {
    const persona = this.ensureFacts().tables.get(personaUri)?.personas.get(slug);
    return (persona && this.stepsByTarget().get(persona)) || [];
  }

  stepsAnsweringStory(storyUri: string, slug: string): Located<Step>[] {
    const story = this.ensureFacts().tables.get(storyUri)?.stories.get(slug);
    return (story && this.stepsByTarget().get(story)) || [];
  }

  referencesTo(uri: string, slug: string, kind: Item['kind']): Array<{ uri: string; ref: Reference }> {
    const table = this.ensureFacts().tables.get(uri);
    const item = kind === 'persona' ? table?.personas.get(slug) : kind === 'story' ? table?.stories.get(slug) : table?.journey.get(slug);
    return (item && this.refsByTarget().get(item)) || [];
  }

  /**
   * The language of text about a document (rule messages, fix titles, hovers, lenses, the
   * preview): `locale` from the configuration, else the file's `lang` (declared or detected).
   */
  localeOf(uri: string): Lang | undefined {
    const doc = this.get(uri);
    return doc ? this.config.locale ?? doc.lang : undefined;
  }

  // ---- diagnostics ----

  /** Parse problems and every rule's findings for one document, with configured severities, in source order. */
  diagnostics(uri: string): Diagnostic[] {
    const doc = this.get(uri);
    if (!doc) return [];
    const locale: Lang = this.config.locale ?? doc.lang;
    const idsVersion = this.ensureFacts().idsVersion;
    const result: Diagnostic[] = doc.problems.map((problem) => ({
      uri,
      range: problem.range,
      rule: 'parse',
      severity: problem.severity,
      message: formatMessage(locale, problem.message, problem.args),
    }));
    result.push(...fileProblemDiagnostics(doc, this, locale));
    for (const rule of allRules) {
      const severity = severityFor(this.config, rule.id);
      if (severity === 'off') continue;
      const report = (found: Report): void => {
        result.push({
          uri,
          range: found.range,
          rule: rule.id,
          severity,
          message: formatMessage(locale, found.message, found.args),
          ...(found.tags ? { tags: found.tags } : {}),
          ...(found.fixes && found.fixes.length > 0 ? { fixes: found.fixes } : {}),
        });
      };
      try {
        const context: RuleContext = { doc, index: this, locale, report };
        rule.check?.(context);
        if (rule.checkItem && rule.itemsOf) this.checkItems(rule, context, idsVersion);
      } catch (error) {
        // A rule bug must not hide every other finding; say which rule failed.
        result.push({
          uri,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          rule: rule.id,
          severity: 'error',
          message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return result.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule),
    );
  }

  /**
   * Run a rule's per-item check, skipping items whose last check found nothing while the
   * ids in the workspace have not changed since. Only clean results are kept: a finding
   * may carry fixes whose edits point outside the item, which move with other edits.
   */
  private checkItems(rule: Rule, context: RuleContext, idsVersion: number): void {
    let clean = this.cleanItems.get(rule.id);
    if (!clean) {
      clean = new WeakMap();
      this.cleanItems.set(rule.id, clean);
    }
    for (const item of rule.itemsOf!(context.doc)) {
      if (clean.get(item) === idsVersion) continue;
      const movedFrom = itemMovedFrom(item);
      if (movedFrom && clean.get(movedFrom) === idsVersion) {
        // Only its lines moved: its content, and so its result, is that of the item it was.
        clean.set(item, idsVersion);
        continue;
      }
      let found = false;
      rule.checkItem!({ ...context, report: (report) => ((found = true), context.report(report)) }, item);
      if (found) clean.delete(item);
      else clean.set(item, idsVersion);
    }
  }

  // ---- derived facts ----

  private personaRefsOf(item: ItemBase): Reference[] {
    let refs = personaRefsByList.get(item.references);
    if (!refs) {
      refs = item.references.filter((ref) => ref.field === 'persona' && ref.kind === 'persona');
      personaRefsByList.set(item.references, refs);
    }
    return refs;
  }

  /** The personas and stories a step uses, resolved; memoised per step (see `StepUses`). */
  private usesOf(doc: BlueprintDocument, step: Step, facts: Facts): StepUses['targets'] {
    const stage = facts.stageOfStep.get(step)?.references;
    const frontMatter = (doc.frontMatter?.personaRefs ?? []).map((ref) => ref.slug).join(' ');
    const known = stepUses.get(step);
    if (known && known.idsVersion === facts.idsVersion && known.own === step.references && known.stage === stage && known.frontMatter === frontMatter) {
      return known.targets;
    }
    const targets: StepUses['targets'] = [];
    const seen = new Set<Item>();
    const add = (ref: Reference): void => {
      const found = this.lookup(doc.uri, ref, facts.tables);
      if (!found || seen.has(found.item) || (found.item.kind !== 'persona' && found.item.kind !== 'story')) return;
      seen.add(found.item);
      targets.push({ uri: found.uri, kind: found.item.kind, slug: found.item.id });
    };
    for (const ref of this.effectivePersonas(doc.uri, step)) add(ref);
    for (const ref of step.references) if (ref.kind === 'story') add(ref);
    stepUses.set(step, { idsVersion: facts.idsVersion, own: step.references, stage, frontMatter, targets });
    return targets;
  }

  private ensureFacts(): Facts {
    if (this.facts) return this.facts;
    const facts: Facts = { scopes: new Map(), tables: new Map(), stageOfStep: new Map(), idsVersion: 0 };
    let idsChanged = this.idsSignatures.size !== this.entries.size;
    for (const { doc } of this.entries.values()) {
      let tables = tablesByDocument.get(doc);
      if (!tables) {
        tables = tablesOf(doc);
        tablesByDocument.set(doc, tables);
        const signature = idsSignature(tables) + '|' + scopeSignature(doc);
        if (this.idsSignatures.get(doc.uri) !== signature) idsChanged = true;
        this.idsSignatures.set(doc.uri, signature);
      }
      facts.tables.set(doc.uri, tables);
      for (const stage of doc.stages) for (const step of stage.steps) facts.stageOfStep.set(step, stage);
    }
    if (idsChanged) {
      for (const uri of this.idsSignatures.keys()) if (!this.entries.has(uri)) this.idsSignatures.delete(uri);
      this.idsVersion++;
    }
    facts.idsVersion = this.idsVersion;
    this.facts = facts;
    return facts;
  }

  private stepsByTarget(): Map<Item, Located<Step>[]> {
    const facts = this.ensureFacts();
    if (facts.stepsByTarget) return facts.stepsByTarget;
    const byTarget = new Map<Item, Located<Step>[]>();
    for (const { doc } of this.entries.values()) {
      for (const step of doc.steps) {
        const targets = this.usesOf(doc, step, facts);
        if (targets.length === 0) continue;
        const located: Located<Step> = { uri: doc.uri, item: step };
        for (const { uri, kind, slug } of targets) {
          const table = facts.tables.get(uri);
          const target = kind === 'persona' ? table?.personas.get(slug) : table?.stories.get(slug);
          if (target) push(byTarget, target, located);
        }
      }
    }
    facts.stepsByTarget = byTarget;
    return byTarget;
  }

  private refsByTarget(): Map<Item, Array<{ uri: string; ref: Reference }>> {
    const facts = this.ensureFacts();
    if (facts.refsByTarget) return facts.refsByTarget;
    const byTarget = new Map<Item, Array<{ uri: string; ref: Reference }>>();
    for (const { doc } of this.entries.values()) {
      for (const ref of doc.references) {
        const target = this.lookup(doc.uri, ref, facts.tables)?.item;
        if (target) push(byTarget, target, { uri: doc.uri, ref });
      }
    }
    facts.refsByTarget = byTarget;
    return byTarget;
  }
}

/** The ids a document defines, in one string: equal signatures resolve references alike. */
function idsSignature(tables: DocTables): string {
  return [[...tables.personas.keys()].join(' '), [...tables.stories.keys()].join(' '), [...tables.journey.keys()].join(' ')].join('|');
}

/**
 * What a document's front matter adds to its scope: the persona files it names. Removing
 * `personas:` or breaking the YAML changes what every reference in the file resolves to
 * while no id changes, so results kept for unchanged items must be dropped then too.
 */
function scopeSignature(doc: BlueprintDocument): string {
  return (doc.frontMatter?.personaFiles ?? []).map((file) => file.path).join('\u0000');
}

function findIn(table: DocTables, ref: Reference): Item | undefined {
  if (ref.kind === 'persona') return table.personas.get(ref.slug);
  if (ref.kind === 'story') return table.stories.get(ref.slug) ?? (ref.form === 'link' ? table.journey.get(ref.slug) : undefined);
  return table.journey.get(ref.slug);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** First definition wins, as GitHub's anchors do (duplicates are a finding of their own). */
function tablesOf(doc: BlueprintDocument): DocTables {
  const personas = new Map<string, Persona>();
  const stories = new Map<string, Story>();
  const journey = new Map<string, Item>();
  for (const persona of doc.personas) if (!personas.has(persona.id)) personas.set(persona.id, persona);
  for (const story of doc.stories) if (!stories.has(story.id)) stories.set(story.id, story);
  for (const stage of doc.stages) if (!journey.has(stage.id)) journey.set(stage.id, stage);
  for (const step of doc.steps) if (!journey.has(step.id)) journey.set(step.id, step);
  return { personas, stories, journey };
}
