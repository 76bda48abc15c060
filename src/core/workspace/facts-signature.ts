/**
 * What one document's checks read of the other files, as two signatures (issue 13): while
 * the workspace is indexed, each file added changes the workspace's ids version, yet most
 * of them change nothing an open file's findings depend on. Comparing these signatures
 * instead keeps the open file's results until something it reads changes.
 *
 * - `items`: what its per-item checks read (references resolving or not, files existing):
 *   the ids and `personas:` files of each document in its scope (itself included), and the
 *   state of each file it names (loaded with its ids, or why not). Per-item results found
 *   clean are kept while this is the same.
 * - `whole`: also the versions of every document its rules look into: those in its scope,
 *   the files it links to, the documents that can see it (they name it in `personas:`,
 *   through other personas files too, or link into it: their steps use its personas and
 *   answer its stories) and the documents in their scopes (their references resolve
 *   there). A check of an unchanged document stands while this is the same.
 *
 * The property tests (`test/unit/parse/facts-signature.properties.test.ts`) show the
 * findings kept this way equal those of a fresh workspace.
 */
import type { BlueprintDocument } from '../model';
import { identityCache } from '../identity-cache';
import { edgesOf, idsSignature, scopeSignature, tablesFor } from './doc-facts';
import type { FileProblemKind } from './file-problems';

/** What the signatures read of the workspace. */
export interface SignatureSource {
  get(uri: string): BlueprintDocument | undefined;
  scope(uri: string): BlueprintDocument[];
  resolvePath(fromUri: string, path: string): string;
  fileProblem(uri: string): FileProblemKind | undefined;
  /** Documents that can see `uri` (naming it in `personas:`, through other personas files too, or linking into it), itself included. */
  seers(uri: string): BlueprintDocument[];
}

export interface FactsSignatures {
  items: string;
  whole: string;
}

/** A number per document version (the parser makes a new document object for every change). */
const versions = identityCache<BlueprintDocument, number>({ name: 'versions', module: 'workspace/facts-signature.ts', holds: 'per document: a number naming this version of it in facts signatures' });
let lastVersion = 0;

function versionOf(doc: BlueprintDocument): number {
  let version = versions.get(doc);
  if (version === undefined) versions.set(doc, (version = ++lastVersion));
  return version;
}

function idsOf(doc: BlueprintDocument): string {
  return `${idsSignature(tablesFor(doc).tables)}|${scopeSignature(doc)}`;
}

export function factsSignatures(source: SignatureSource, uri: string): FactsSignatures {
  const doc = source.get(uri);
  if (!doc) return { items: '', whole: '' };
  const items: string[] = [];
  const whole: string[] = [];
  for (const inScope of source.scope(uri)) {
    items.push(`s ${inScope.uri} ${idsOf(inScope)}`);
    whole.push(`s ${inScope.uri} ${versionOf(inScope)}`);
  }
  const edges = edgesOf(doc);
  for (const path of [...edges.personaFiles, ...edges.linkTargets]) {
    const target = source.resolvePath(uri, path);
    const loaded = source.get(target);
    items.push(`f ${target} ${loaded ? idsOf(loaded) : `- ${source.fileProblem(target) ?? ''}`}`);
    if (loaded) whole.push(`f ${target} ${versionOf(loaded)}`);
  }
  for (const seer of source.seers(uri)) {
    if (seer.uri === uri) continue;
    for (const inScope of source.scope(seer.uri)) whole.push(`v ${seer.uri} ${inScope.uri} ${versionOf(inScope)}`);
  }
  const itemsSignature = items.join('\n');
  return { items: itemsSignature, whole: `${itemsSignature}\n${whole.join('\n')}` };
}
