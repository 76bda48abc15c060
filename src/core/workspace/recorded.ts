/**
 * Checking a file before the whole workspace is known, and knowing afterwards whether that
 * check stands (issue 13: the CLI parses each file once). While a file's rules run, every
 * cross-file question they ask the index is recorded with a key of its answer; once every
 * file is loaded, the same questions are asked again. Rules are functions of their document
 * and of these answers, so when every answer is the same the findings are the same; when
 * one differs, the file is checked again with a full model.
 *
 * Keys name documents by URI and content hash (a file loaded once does not change), items
 * by document, kind, id and heading position, references by their fields. `effectivePersonas`
 * reads only the document asked about, so it is not recorded.
 */
import type { BlueprintDocument, Item, Reference, Step } from '../model';
import type { Located, WorkspaceIndex } from './index-types';
import { contentHash } from './compact';
import { identityCache } from '../identity-cache';

/** A question the rules asked, and the key of its answer. */
export interface RecordedCall {
  method: keyof WorkspaceIndex;
  args: unknown[];
  answer: string;
}

/** Each document version's URI and content hash, computed once. */
const docKeys = identityCache<BlueprintDocument, string>({ name: 'docKeys', module: 'workspace/recorded.ts', holds: 'per document: its version in recorded answers (URI and content hash)' });
/**
 * A short name for each document version (URI and content hash) an index was asked about:
 * answers list many items, each named with its document, and the CLI keeps every file's
 * answers until every file is loaded.
 */
const versionNames = identityCache<WorkspaceIndex, Map<string, string>>({ name: 'versionNames', module: 'workspace/recorded.ts', holds: 'per workspace index: a short name for each document version its recorded answers name' });

function docKey(index: WorkspaceIndex, doc: BlueprintDocument | undefined): string {
  if (!doc) return '-';
  let version = docKeys.get(doc);
  if (version === undefined) {
    version = `${doc.uri}\u0000${doc.compact ? doc.compact.hash : contentHash(doc.text)}`;
    docKeys.set(doc, version);
  }
  let names = versionNames.get(index);
  if (!names) versionNames.set(index, (names = new Map()));
  let name = names.get(version);
  if (name === undefined) names.set(version, (name = `d${names.size}`));
  return name;
}

function itemKey(index: WorkspaceIndex, located: Located | undefined): string {
  if (!located) return '-';
  const { item, uri } = located;
  return `${docKey(index, index.get(uri))}\u0001${item.kind}\u0001${item.id}\u0001${item.headingRange.start.line}:${item.headingRange.start.character}`;
}

function refKey(ref: Reference): string {
  return JSON.stringify([ref.kind, ref.form, ref.slug, ref.text, ref.target, ref.field, ref.fromItem, ref.range, ref.slugRange]);
}

/**
 * What resolving reads of a reference (kind, form, slug, target): kept instead of the
 * reference, whose strings would keep the file's text alive, and the same for every
 * reference to the same thing, so a file's questions are few.
 */
function plainRef(ref: Reference): Reference {
  return JSON.parse(JSON.stringify({ kind: ref.kind, form: ref.form, slug: ref.slug, target: ref.target })) as Reference;
}

/** Arguments of the index's questions are strings, but for the references `resolve` takes. */
const isReference = (value: unknown): value is Reference => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of a string that shares no memory with it (a slice of a file's text would keep the text alive). */
function freshString(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** The key of a method's answer. */
function answerKey(index: WorkspaceIndex, method: keyof WorkspaceIndex, args: unknown[]): string {
  switch (method) {
    case 'get':
      return docKey(index, index.get(args[0] as string));
    case 'documents':
      return index.documents().map((doc) => docKey(index, doc)).join('\n');
    case 'resolvePath':
      return index.resolvePath(args[0] as string, args[1] as string);
    case 'exists':
      return String(index.exists(args[0] as string));
    case 'fileProblem':
      return String(index.fileProblem(args[0] as string));
    case 'definedIn':
      return index.definedIn(args[0] as 'personas' | 'stories', args[1] as string).join('\n');
    case 'shadowedIn':
      return String(index.shadowedIn(args[0] as 'personas' | 'stories', args[1] as string, args[2] as string));
    case 'scope':
      return index.scope(args[0] as string).map((doc) => docKey(index, doc)).join('\n');
    case 'resolve':
      return itemKey(index, index.resolve(args[0] as string, args[1] as Reference));
    case 'personasInScope':
      return index.personasInScope(args[0] as string).map((l) => itemKey(index, l)).join('\n');
    case 'storiesInScope':
      return index.storiesInScope(args[0] as string).map((l) => itemKey(index, l)).join('\n');
    case 'stepsUsingPersona':
      return index.stepsUsingPersona(args[0] as string, args[1] as string).map((l) => itemKey(index, l)).join('\n');
    case 'stepsAnsweringStory':
      return index.stepsAnsweringStory(args[0] as string, args[1] as string).map((l) => itemKey(index, l)).join('\n');
    case 'referencesTo':
      return index.referencesTo(args[0] as string, args[1] as string, args[2] as Item['kind']).map((r) => `${docKey(index, index.get(r.uri))} ${refKey(r.ref)}`).join('\n');
    case 'effectivePersonas':
      return '';
  }
}

/** Questions by method and arguments: each asked once however often the rules ask it. */
export type RecordedCalls = Map<string, RecordedCall>;

/** One argument in a question's key: a string as JSON, a reference by what resolving reads of it. */
function argKey(arg: unknown): string {
  if (typeof arg === 'string') return JSON.stringify(arg);
  if (isReference(arg)) return `[${JSON.stringify(arg.kind)},${JSON.stringify(arg.form)},${JSON.stringify(arg.slug)},${arg.target === undefined ? 'null' : JSON.stringify(arg.target)}]`;
  return JSON.stringify(arg) ?? 'null';
}

/**
 * A question's key: its method and arguments. Written argument by argument (not one
 * `JSON.stringify` with a replacer, which calls back for every value): the rules ask a
 * question for every step, so this runs hundreds of times per file.
 */
function callKey(method: keyof WorkspaceIndex, args: unknown[]): string {
  let key = `${method}\u0000`;
  for (let i = 0; i < args.length; i++) key += (i > 0 ? ',' : '') + argKey(args[i]);
  return key;
}

/** An index that answers as `index` does and records each cross-file question into `calls`. */
export function recordingIndex(index: WorkspaceIndex, calls: RecordedCalls): WorkspaceIndex {
  const record = <T>(method: keyof WorkspaceIndex, args: unknown[], answer: () => T): T => {
    const result = answer();
    // The key names a reference by what resolving reads of it. JSON.stringify writes a new
    // flat string, so the key keeps no slice of the file's text alive; most questions repeat
    // (every step asks for the same personas), and a repeat costs only this key.
    const key = callKey(method, args);
    if (!calls.has(key)) {
      // Copies, never the arguments themselves: a slug sliced from a file's text would keep all of the text alive.
      const plain = args.map((arg) => (isReference(arg) ? plainRef(arg) : typeof arg === 'string' ? freshString(arg) : arg));
      calls.set(key, { method, args: plain, answer: answerKey(index, method, plain) });
    }
    return result;
  };
  return {
    get: (uri) => record('get', [uri], () => index.get(uri)),
    documents: () => record('documents', [], () => index.documents()),
    resolvePath: (from, path) => record('resolvePath', [from, path], () => index.resolvePath(from, path)),
    exists: (uri) => record('exists', [uri], () => index.exists(uri)),
    fileProblem: (uri) => record('fileProblem', [uri], () => index.fileProblem(uri)),
    definedIn: (kind, id) => record('definedIn', [kind, id], () => index.definedIn(kind, id)),
    scope: (uri) => record('scope', [uri], () => index.scope(uri)),
    shadowedIn: (kind, id, uri) => record('shadowedIn', [kind, id, uri], () => index.shadowedIn(kind, id, uri)),
    resolve: (from, ref) => record('resolve', [from, ref], () => index.resolve(from, ref)),
    personasInScope: (uri) => record('personasInScope', [uri], () => index.personasInScope(uri)),
    storiesInScope: (uri) => record('storiesInScope', [uri], () => index.storiesInScope(uri)),
    effectivePersonas: (uri: string, step: Step) => index.effectivePersonas(uri, step),
    stepsUsingPersona: (uri, slug) => record('stepsUsingPersona', [uri, slug], () => index.stepsUsingPersona(uri, slug)),
    stepsAnsweringStory: (uri, slug) => record('stepsAnsweringStory', [uri, slug], () => index.stepsAnsweringStory(uri, slug)),
    referencesTo: (uri, slug, kind) => record('referencesTo', [uri, slug, kind], () => index.referencesTo(uri, slug, kind)),
  };
}

/** True when `index` answers every recorded question as it was answered then. */
export function answersStand(index: WorkspaceIndex, calls: RecordedCalls): boolean {
  for (const call of calls.values()) {
    if (answerKey(index, call.method, call.args) !== call.answer) {
      return false;
    }
  }
  return true;
}

