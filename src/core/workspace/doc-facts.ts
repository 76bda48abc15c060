/**
 * Facts of one document the cross-file index looks up: its ids in tables, its edges to
 * other files, the stage of each step. Each is built once per document version (the
 * parser returns a new document object for every change) and kept beside it.
 */
import { allItems, type BlueprintDocument, type Item, type Persona, type Reference, type Stage, type Step, type Story } from '../model';
import { identityCache } from '../identity-cache';

export interface DocTables {
  personas: Map<string, Persona>;
  stories: Map<string, Story>;
  journey: Map<string, Item>;
}

/** Lookup tables of a document: built once per document version. */
const tablesByDocument = identityCache<BlueprintDocument, DocTables>({ name: 'tablesByDocument', module: 'workspace/doc-facts.ts', holds: 'per document: its items by id (personas, stories, journey)' });

/** The tables of a document, and whether they were made just now (a new document version). */
export function tablesFor(doc: BlueprintDocument): { tables: DocTables; made: boolean } {
  const known = tablesByDocument.get(doc);
  if (known) return { tables: known, made: false };
  const tables = tablesOf(doc);
  tablesByDocument.set(doc, tables);
  return { tables, made: true };
}

/** The stage each staged step of a document sits under: built once per document version. */
const stagesByDocument = identityCache<BlueprintDocument, Map<Step, Stage>>({ name: 'stagesByDocument', module: 'workspace/doc-facts.ts', holds: 'per document: the stage of each staged step' });

/** A document's edges to other files, as written (resolved by the index). */
export interface Edges {
  personaFiles: string[];
  linkTargets: string[];
}
const edgesByDocument = identityCache<BlueprintDocument, Edges>({ name: 'edgesByDocument', module: 'workspace/doc-facts.ts', holds: 'per document: the personas files and link targets it names' });

export function edgesOf(doc: BlueprintDocument): Edges {
  let edges = edgesByDocument.get(doc);
  if (!edges) {
    const linkTargets = new Set<string>();
    for (const ref of linkReferencesOf(doc)) linkTargets.add(ref.target!);
    edges = { personaFiles: (doc.frontMatter?.personaFiles ?? []).map((file) => file.path), linkTargets: [...linkTargets] };
    edgesByDocument.set(doc, edges);
  }
  return edges;
}

const NO_REFERENCES: readonly Reference[] = [];

const linksByList = identityCache<readonly Reference[], readonly Reference[]>({ name: 'linksByList', module: 'workspace/doc-facts.ts', holds: 'per reference list: its references into other files (most lists have none)' });

/** The references of a list that name another file. */
function linksIn(list: readonly Reference[]): readonly Reference[] {
  let links = linksByList.get(list);
  if (!links) {
    const found = list.filter((ref) => ref.target !== undefined);
    links = found.length > 0 ? found : NO_REFERENCES;
    linksByList.set(list, links);
  }
  return links;
}

const linksByDocument = identityCache<BlueprintDocument, readonly Reference[]>({ name: 'linksByDocument', module: 'workspace/doc-facts.ts', holds: 'per document: its references into other files, in document order' });

/**
 * A document's references that name another file (links with a path), in document order.
 * A parsed document's references are its front matter's and its items' lists, and the
 * parser hands back an unchanged item's list as it was: taking the links from each list
 * (remembered per list) makes a keystroke cost a look-up per item instead of a pass over
 * every reference of the file, which was a third of the re-analysis of a 1000-step file.
 * A compact document is made once, so its own list is read.
 */
export function linkReferencesOf(doc: BlueprintDocument): readonly Reference[] {
  let links = linksByDocument.get(doc);
  if (!links) {
    if (doc.compact) links = linksIn(doc.references);
    else {
      const found = [...linksIn(doc.frontMatter?.personaRefs ?? NO_REFERENCES)];
      for (const item of allItems(doc)) for (const ref of linksIn(item.references)) found.push(ref);
      found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      links = found;
    }
    linksByDocument.set(doc, links);
  }
  return links;
}

export function stageOfStep(doc: BlueprintDocument | undefined, step: Step): Stage | undefined {
  if (!doc) return undefined;
  let stages = stagesByDocument.get(doc);
  if (!stages) {
    stages = new Map();
    for (const stage of doc.stages) for (const s of stage.steps) stages.set(s, stage);
    stagesByDocument.set(doc, stages);
  }
  return stages.get(step);
}

/** The ids a document defines, in one string: equal signatures resolve references alike. */
export function idsSignature(tables: DocTables): string {
  return [[...tables.personas.keys()].join(' '), [...tables.stories.keys()].join(' '), [...tables.journey.keys()].join(' ')].join('|');
}

/**
 * What a document's front matter adds to its scope: the persona files it names. Removing
 * `personas:` or breaking the YAML changes what every reference in the file resolves to
 * while no id changes, so results kept for unchanged items must be dropped then too.
 */
export function scopeSignature(doc: BlueprintDocument): string {
  return (doc.frontMatter?.personaFiles ?? []).map((file) => file.path).join('\u0000');
}

export function findIn(table: DocTables, ref: Reference): Item | undefined {
  if (ref.kind === 'persona') return table.personas.get(ref.slug);
  if (ref.kind === 'story') return table.stories.get(ref.slug) ?? (ref.form === 'link' ? table.journey.get(ref.slug) : undefined);
  return table.journey.get(ref.slug);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
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
