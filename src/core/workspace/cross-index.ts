/**
 * The cross-file index: what documents define and what their references resolve to,
 * across every loaded file. Facts are rebuilt lazily after any change, and each part only
 * when first asked for: diagnostics need step usage, navigation needs the reverse index of
 * references, and neither pays for the other.
 */
import type { BlueprintDocument, Item, ItemBase, Persona, Reference, Step, Story } from '../model';
import type { Located } from './index-types';
import { edgesOf, findIn, idsSignature, push, scopeSignature, stageOfStep, tablesFor, type DocTables } from './doc-facts';
import { identityCache } from '../identity-cache';

/** What the index reads from the store of documents. */
export interface DocumentSource {
  get(uri: string): BlueprintDocument | undefined;
  /** Every loaded document. */
  documents(): Iterable<BlueprintDocument>;
  /** Number of loaded documents. */
  readonly size: number;
  resolvePath(fromUri: string, path: string): string;
}

interface Facts {
  /** Documents each document sees, by URI. */
  scopes: Map<string, BlueprintDocument[]>;
  /** Lookup tables per document. */
  tables: Map<string, DocTables>;
  /** The workspace's ids version when these facts were made. */
  idsVersion: number;
  /**
   * Documents that may resolve references into each document: those with it in their
   * scope (through `personas:` files, transitively) and those linking into it. Built on
   * first use from each document's own edges, kept per document version.
   */
  seers?: Map<string, Set<string>>;
  /** Who names each URI in `personas:`, and who links into it; made with `seers`. */
  edges?: { scopedBy: Map<string, string[]>; linkedBy: Map<string, string[]> };
  /** Per defining document: steps that use each of its personas or answer each of its stories. */
  stepsByTarget: Map<string, Map<Item, Located<Step>[]>>;
  /** Per defining document: every reference resolving to each of its items. */
  refsByTarget: Map<string, Map<Item, Array<{ uri: string; ref: Reference }>>>;
  /** Documents defining each persona and story id, keyed `kind id`. */
  definers?: Map<string, string[]>;
}

/**
 * Persona references among an item's own references, by that array: the parser reuses
 * an unchanged item's array across edits (a stage's too, though the stage object is new).
 */
const personaRefsByList = identityCache<readonly Reference[], Reference[]>({ name: 'personaRefsByList', module: 'workspace/cross-index.ts', holds: "per reference list: its persona references" });

/** What a step uses, as found at one ids version; reused while its inputs are the same arrays. */
interface StepUses {
  idsVersion: number;
  own: readonly Reference[];
  stage: readonly Reference[] | undefined;
  frontMatter: string;
  targets: Array<{ uri: string; kind: 'persona' | 'story'; slug: string }>;
}
const stepUses = identityCache<Step, StepUses>({ name: 'stepUses', module: 'workspace/cross-index.ts', holds: 'per step: the personas and stories it uses, with the ids version and front matter they were resolved against' });

/** Scopes up to this long are searched directly for a shadowing definition. */
const SHORT_SCOPE = 8;

export class CrossFileIndex {
  private facts: Facts | undefined;
  /** Bumped whenever the ids any document defines, the persona files it names, or the set of files change. */
  private idsVersion = 0;
  private readonly idsSignatures = new Map<string, string>();
  /** A document `prepare`d since the last facts changed its ids signature. */
  private preparedChange = false;

  constructor(private readonly source: DocumentSource) {}

  /**
   * Builds a document's lookup tables ahead, as it is added (issue 13: the indexer adds
   * files in short slices; the next check would otherwise build them for every file
   * indexed meanwhile in one task, 0.2 s after 500 files). Its ids signature is compared
   * here as `ensureFacts` would.
   */
  prepare(doc: BlueprintDocument): void {
    const { tables, made } = tablesFor(doc);
    if (!made) return;
    const signature = idsSignature(tables) + '|' + scopeSignature(doc);
    if (this.idsSignatures.get(doc.uri) !== signature) this.preparedChange = true;
    this.idsSignatures.set(doc.uri, signature);
  }

  /** Forget the facts: a document was added, changed or removed. */
  invalidate(): void {
    this.facts = undefined;
  }

  /** The set of readable files changed: results kept for unchanged items no longer hold. */
  idsChanged(): void {
    this.idsVersion++;
    this.facts = undefined;
  }

  /** The ids version of the current facts (per-item rule results are kept per version). */
  currentIdsVersion(): number {
    return this.ensureFacts().idsVersion;
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
      const doc = this.source.get(current);
      if (!doc) continue;
      result.push(doc);
      const files = doc.frontMatter?.personaFiles ?? [];
      for (let i = files.length - 1; i >= 0; i--) stack.push(this.source.resolvePath(doc.uri, files[i].path));
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

  shadowedIn(kind: 'personas' | 'stories', id: string, uri: string): string | undefined {
    const scope = this.scope(uri);
    // A short scope (most files: itself and a personas file or two) is looked up in its
    // tables. A long one (a chain of n personas files, for each of them) is walked only
    // for ids defined in another file: most are defined in one only. The first way needs
    // no table of every id of the workspace, which costs a pass over every document after
    // each edit (issue 13: 500 files).
    if (scope.length > SHORT_SCOPE && !this.definedIn(kind, id).some((other) => other !== uri)) return undefined;
    const tables = this.ensureFacts().tables;
    return scope.find((doc) => doc.uri !== uri && tables.get(doc.uri)?.[kind].has(id))?.uri;
  }

  resolve(fromUri: string, ref: Reference): Located | undefined {
    return this.lookup(fromUri, ref, this.ensureFacts().tables);
  }

  private lookup(fromUri: string, ref: Reference, tables: Map<string, DocTables>): Located | undefined {
    if (ref.target) {
      const uri = this.source.resolvePath(fromUri, ref.target);
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
    const stage = stageOfStep(this.source.get(uri), step);
    const fromStage = stage ? this.personaRefsOf(stage) : [];
    if (fromStage.length > 0) return fromStage;
    return this.source.get(uri)?.frontMatter?.personaRefs ?? [];
  }

  stepsUsingPersona(personaUri: string, slug: string): Located<Step>[] {
    const persona = this.ensureFacts().tables.get(personaUri)?.personas.get(slug);
    return (persona && this.stepsByTarget(personaUri).get(persona)) || [];
  }

  stepsAnsweringStory(storyUri: string, slug: string): Located<Step>[] {
    const story = this.ensureFacts().tables.get(storyUri)?.stories.get(slug);
    return (story && this.stepsByTarget(storyUri).get(story)) || [];
  }

  referencesTo(uri: string, slug: string, kind: Item['kind']): Array<{ uri: string; ref: Reference }> {
    const table = this.ensureFacts().tables.get(uri);
    const item = kind === 'persona' ? table?.personas.get(slug) : kind === 'story' ? table?.stories.get(slug) : table?.journey.get(slug);
    return (item && this.refsByTarget(uri).get(item)) || [];
  }

  /** Documents that may resolve a reference into `uri` (see `seersOf`). */
  seers(uri: string): BlueprintDocument[] {
    return this.source.get(uri) ? this.seersOf(uri) : [];
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
    const stage = stageOfStep(doc, step)?.references;
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
    const facts: Facts = { scopes: new Map(), tables: new Map(), stepsByTarget: new Map(), refsByTarget: new Map(), idsVersion: 0 };
    let idsChanged = this.preparedChange || this.idsSignatures.size !== this.source.size;
    this.preparedChange = false;
    for (const doc of this.source.documents()) {
      const { tables, made } = tablesFor(doc);
      if (made) {
        const signature = idsSignature(tables) + '|' + scopeSignature(doc);
        if (this.idsSignatures.get(doc.uri) !== signature) idsChanged = true;
        this.idsSignatures.set(doc.uri, signature);
      }
      facts.tables.set(doc.uri, tables);
    }
    if (idsChanged) {
      for (const uri of this.idsSignatures.keys()) if (!this.source.get(uri)) this.idsSignatures.delete(uri);
      this.idsVersion++;
    }
    facts.idsVersion = this.idsVersion;
    this.facts = facts;
    return facts;
  }

  /**
   * Documents that may resolve a reference into `uri`, in the store's order: `uri` itself,
   * those whose scope holds it, and those linking into it. Only their steps and
   * references are looked at, so swapping one document (the CLI checks file by file)
   * costs a walk over the documents' edges, not over every step of the workspace.
   */
  private seersOf(uri: string): BlueprintDocument[] {
    const facts = this.ensureFacts();
    if (!facts.seers) {
      const scopedBy = new Map<string, string[]>();
      const linkedBy = new Map<string, string[]>();
      for (const doc of this.source.documents()) {
        const edges = edgesOf(doc);
        for (const path of edges.personaFiles) push(scopedBy, this.source.resolvePath(doc.uri, path), doc.uri);
        for (const path of edges.linkTargets) push(linkedBy, this.source.resolvePath(doc.uri, path), doc.uri);
      }
      facts.seers = new Map();
      facts.edges = { scopedBy, linkedBy };
    }
    let seers = facts.seers.get(uri);
    if (!seers) {
      const { scopedBy, linkedBy } = facts.edges!;
      seers = new Set<string>();
      // Reverse of the scope walk: a document sees `uri` when one of its `personas:` files
      // is `uri` or a loaded document that sees it through its own `personas:` files.
      const stack = [uri];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (seers.has(current) || !this.source.get(current)) continue;
        seers.add(current);
        for (const from of scopedBy.get(current) ?? []) stack.push(from);
      }
      for (const from of linkedBy.get(uri) ?? []) seers.add(from);
      facts.seers.set(uri, seers);
    }
    // Most files are seen only by themselves: no walk over the store for them.
    if (seers.size === 1 && seers.has(uri)) return [this.source.get(uri)!];
    const result: BlueprintDocument[] = [];
    for (const doc of this.source.documents()) if (seers.has(doc.uri)) result.push(doc);
    return result;
  }

  private stepsByTarget(targetUri: string): Map<Item, Located<Step>[]> {
    const facts = this.ensureFacts();
    let byTarget = facts.stepsByTarget.get(targetUri);
    if (byTarget) return byTarget;
    byTarget = new Map<Item, Located<Step>[]>();
    for (const doc of this.seersOf(targetUri)) {
      for (const step of doc.steps) {
        const targets = this.usesOf(doc, step, facts);
        if (targets.length === 0) continue;
        const located: Located<Step> = { uri: doc.uri, item: step };
        for (const { uri, kind, slug } of targets) {
          if (uri !== targetUri) continue;
          const table = facts.tables.get(uri);
          const target = kind === 'persona' ? table?.personas.get(slug) : table?.stories.get(slug);
          if (target) push(byTarget, target, located);
        }
      }
    }
    facts.stepsByTarget.set(targetUri, byTarget);
    return byTarget;
  }

  private refsByTarget(targetUri: string): Map<Item, Array<{ uri: string; ref: Reference }>> {
    const facts = this.ensureFacts();
    let byTarget = facts.refsByTarget.get(targetUri);
    if (byTarget) return byTarget;
    byTarget = new Map<Item, Array<{ uri: string; ref: Reference }>>();
    for (const doc of this.seersOf(targetUri)) {
      for (const ref of doc.references) {
        const found = this.lookup(doc.uri, ref, facts.tables);
        if (found && found.uri === targetUri) push(byTarget, found.item, { uri: doc.uri, ref });
      }
    }
    facts.refsByTarget.set(targetUri, byTarget);
    return byTarget;
  }
}

