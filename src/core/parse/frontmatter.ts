/**
 * YAML front matter: the title, keyword language, shared persona files, a journey-wide
 * persona and the status. Parsed with the `yaml` library so that every value keeps its
 * source range.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { FrontMatter, FrontMatterFile, ParseProblem, Reference } from '../model';
import { STATUS_WORDS } from '../vocabulary';
import { idOf } from './ids';
import { readSimpleFrontMatter } from './simple-yaml';
import type { LineIndex } from './text';

/** A top-level key's value as the readers need it, from the `yaml` library's node or the plain reader. */
type ValueNode =
  | { kind: 'scalar'; value: unknown; range?: readonly [number, number] }
  | { kind: 'seq'; items: readonly ValueNode[]; range?: readonly [number, number] }
  | { kind: 'other'; range?: readonly [number, number] };

export function parseFrontMatter(
  yamlSource: string,
  contentStart: number,
  range: FrontMatter['range'],
  lines: LineIndex,
): { frontMatter: FrontMatter; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const rangeOf = (node: ValueNode | undefined): FrontMatter['range'] => {
    const nodeRange = node?.range;
    if (!nodeRange) return range;
    return lines.range(contentStart + nodeRange[0], contentStart + nodeRange[1]);
  };
  const frontMatter: FrontMatter = { range, data: {}, personaFiles: [], personaRefs: [] };
  // The plainest front matter (keys, words, lists of words) is read directly; the library
  // is for everything else (see simple-yaml.ts).
  const simple = readSimpleFrontMatter(yamlSource);
  if (simple) {
    frontMatter.data = simple.data;
    readAll({ yamlSource, contentStart, lines, problems, rangeOf, node: (key) => simple.nodes.get(key) }, simple.data, frontMatter);
    return { frontMatter, problems };
  }
  // `logLevel: 'error'`: the library's warnings (e.g. a collection used as a key) would
  // otherwise be written to the console, i.e. the CLI's stderr or the extension host log.
  const document = parseDocument(yamlSource, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  for (const error of document.errors) {
    const [start, end] = error.pos;
    problems.push({
      range: lines.range(contentStart + start, contentStart + Math.max(end, start)),
      severity: 'error',
      message: 'parse.invalidFrontMatter',
      args: { detail: error.message.split('\n')[0] },
    });
  }
  if (document.errors.length > 0) return { frontMatter, problems };
  // Aliases (`*name`) are refused before anything is resolved: an unresolved one throws,
  // and a few lines of nested aliases expand exponentially (an "alias bomb"). A front
  // matter has no use for them, so they make it a parse error like invalid YAML.
  const alias = firstAlias(document);
  if (alias) {
    problems.push({ range: rangeOf(valueNode(alias)), severity: 'error', message: 'parse.frontMatterAlias', args: { alias: `*${alias.source}` } });
    // The language alone is still read (from its node, resolving nothing), so the message is in the file's language.
    const lang: unknown = document.get('lang') ?? document.get('taal');
    if (lang === 'en' || lang === 'nl') frontMatter.lang = lang;
    return { frontMatter, problems };
  }
  const data = isMap(document.contents) ? toPlainData(document) : {};
  if (data instanceof Error) {
    problems.push({ range, severity: 'error', message: 'parse.invalidFrontMatter', args: { detail: data.message.split('\n')[0] } });
    return { frontMatter, problems };
  }
  frontMatter.data = data;
  if (!isMap(document.contents)) {
    if (document.contents !== null) problems.push({ range, severity: 'error', message: 'parse.frontMatterNotMapping' });
    return { frontMatter, problems };
  }
  readAll({ yamlSource, contentStart, lines, problems, rangeOf, node: (key) => valueNode(document.get(key, true)) }, data, frontMatter);
  return { frontMatter, problems };
}

/** The library's node as the readers see it (undefined for a missing key). */
function valueNode(node: unknown): ValueNode | undefined {
  if (node === undefined || node === null) return undefined;
  const yamlNode = node as YamlNode;
  const range = yamlNode.range ? [yamlNode.range[0], yamlNode.range[1]] as const : undefined;
  if (isScalar(yamlNode)) return { kind: 'scalar', value: yamlNode.value, range };
  if (isSeq(yamlNode)) return { kind: 'seq', items: yamlNode.items.map((item) => valueNode(item) ?? { kind: 'other' }), range };
  return { kind: 'other', range };
}

function readAll(reader: Reader, data: Record<string, unknown>, frontMatter: FrontMatter): void {
  readHeader(reader, data, frontMatter);
  frontMatter.personaFiles = readPersonaFiles(reader);
  frontMatter.personaRefs = readPersonaRefs(reader);
}

/** What the readers of one front matter's keys share. */
interface Reader {
  /** A top-level key's value. */
  node(key: string): ValueNode | undefined;
  yamlSource: string;
  /** Offset of the YAML source in the file. */
  contentStart: number;
  lines: LineIndex;
  problems: ParseProblem[];
  rangeOf(node: ValueNode | undefined): FrontMatter['range'];
}

/** `blueprint`/`title`, `lang` and `status`. */
function readHeader({ node: nodeOf, problems, rangeOf }: Reader, data: Record<string, unknown>, frontMatter: FrontMatter): void {
  const title = data['blueprint'] ?? data['title'] ?? data['titel'];
  if (typeof title === 'string' && title.trim()) frontMatter.title = title.trim();
  const lang = data['lang'] ?? data['taal'];
  if (lang === 'en' || lang === 'nl') frontMatter.lang = lang;
  else if (lang !== undefined) {
    const node = nodeOf('lang') ?? nodeOf('taal');
    // `lang: [en]` is a list: saying "unknown language 'en'" would name a valid one.
    if (typeof lang !== 'string') problems.push({ range: rangeOf(node), severity: 'warning', message: 'parse.langNotText' });
    else problems.push({ range: rangeOf(node), severity: 'warning', message: 'parse.unknownLang', args: { value: lang } });
  }
  const status = data['status'];
  if (typeof status === 'string') {
    frontMatter.status = status.trim().toLowerCase();
    if (!(frontMatter.status in STATUS_WORDS)) {
      problems.push({ range: rangeOf(nodeOf('status')), severity: 'warning', message: 'parse.unknownStatus', args: { value: status } });
    }
  }
}

/** `personas:` (`persona's:`): the shared persona files, one path or a list. */
function readPersonaFiles({ node: nodeOf, problems, rangeOf }: Reader): FrontMatterFile[] {
  const personasNode = nodeOf('personas') ?? nodeOf("persona's");
  const files: FrontMatterFile[] = [];
  if (personasNode && personasNode.kind === 'other') {
    problems.push({ range: rangeOf(personasNode), severity: 'error', message: 'parse.invalidPersonaFiles' });
  }
  for (const scalar of scalarsOf(personasNode)) {
    if (typeof scalar.value === 'string' && scalar.value.trim()) files.push({ path: scalar.value.trim(), range: rangeOf(scalar) });
  }
  return files;
}

/** `persona:`: the journey-wide personas, as references with their source ranges. */
function readPersonaRefs({ node: nodeOf, yamlSource, contentStart, lines }: Reader): Reference[] {
  const personaNode = nodeOf('persona');
  const refs: Reference[] = [];
  for (const scalar of scalarsOf(personaNode)) {
    if (typeof scalar.value !== 'string' || !scalar.range) continue;
    const source = yamlSource.slice(scalar.range[0], scalar.range[1]);
    for (const match of source.matchAll(/@?([\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Pc}.-]*)/gu)) {
      const at = match[0].startsWith('@') ? 1 : 0;
      const start = contentStart + scalar.range[0] + (match.index ?? 0);
      refs.push({
        kind: 'persona',
        form: 'at',
        slug: idOf(match[1]),
        text: match[0],
        range: lines.range(start, start + match[0].length),
        slugRange: lines.range(start + at, start + match[0].length),
        field: 'persona',
      });
    }
  }
  return refs;
}

/** The first alias node in the document, if any. */
function firstAlias(document: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(document, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** The front matter as plain data, or the library's reason for refusing (not expected once aliases are out). */
function toPlainData(document: Document): Record<string, unknown> | Error {
  try {
    return document.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

type ScalarNode = Extract<ValueNode, { kind: 'scalar' }>;

function scalarsOf(node: ValueNode | undefined): ScalarNode[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node];
  if (node.kind === 'seq') return node.items.filter((item): item is ScalarNode => item.kind === 'scalar');
  return [];
}
