/**
 * Compact documents as plain JSON, for an editor's cache between sessions (issue 13): a
 * second start reads the facts of unchanged files instead of parsing them. The form is
 * the compact document's own: its packed positions as one array of numbers (lines as
 * differences), references as numbers into a table of strings (each stored once), items
 * as short arrays. The JSON is about half the file's size, and reading it back makes the
 * objects and one typed array, nothing else. (Base64 text of the packed numbers instead
 * of arrays measured no faster to read, and larger.)
 * A cache may be another version's, cut short or foreign: `loadCompact` checks every
 * value's type and gives undefined for anything it does not fully understand.
 */
import type { BlueprintDocument, CompactFacts, FrontMatter, InsertionPoint, Item, Lang, Persona, Range, Reference, Section, Stage, Step, Story } from '../model';
import { CompactItem, CompactReference, ITEM_NUMBERS, positionsFrom, REFERENCE_NUMBERS, type Positions } from './compact';

/** Bumped whenever the compact document or this format changes: older caches are ignored. */
export const COMPACT_FORMAT = 2;

type R = [number, number, number, number];
type P = [number, number];

/**
 * Numbers per reference in `refs`: indexes into `strings` of its kind, form, slug, text,
 * field, link target (or -1) and the id of the item holding it (or -1).
 */
const STORED_REFERENCE = 7;
/**
 * An item: kind, id, name, depth, has a field list (1/0), its references (indexes), and by
 * kind: a persona's `vulnerable` (1/0, or -1 unset), a step's stage (or 0), a stage's steps (item indexes).
 */
type StoredItem = [Item['kind'], string, string, number, 0 | 1, number[], number | string | number[]];

export interface StoredCompact {
  format: number;
  uri: string;
  lang: Lang;
  title?: string;
  lean?: boolean;
  fm?: { r: R; title?: string; lang?: Lang; status?: string; files: Array<[string, R]>; refs: number[] };
  sections: Array<[Section['kind'], R, R, number]>;
  /** Every reference's packed positions (`REFERENCE_NUMBERS` each), then every item's (`ITEM_NUMBERS` each). */
  pos: number[];
  /** How many of `refs`, from the first, are the document's list (the rest are only in items or the front matter). */
  docRefs: number;
  /** The strings references name, each once. */
  strings: string[];
  /** `STORED_REFERENCE` numbers per reference. */
  refs: number[];
  items: StoredItem[];
  steps: number[];
  lines: number;
  hash: string;
  length: number;
  ins: { personas: [P, string, string, string]; stories: [P, string, string, string] };
}

const r = (range: Range): R => [range.start.line, range.start.character, range.end.line, range.end.character];
const range = (v: R): Range => ({ start: { line: v[0], character: v[1] }, end: { line: v[2], character: v[3] } });

/** The packed numbers of a compact reference or item (read through its ranges if it is not packed). */
function numbersOf(value: Reference | Item, out: number[]): void {
  if (value instanceof CompactReference || value instanceof CompactItem) {
    value.packInto(out);
    return;
  }
  if ('headingRange' in value) {
    out.push(...r(value.headingRange), ...r(value.nameRange), ...r(value.range), value.fieldInsertPosition.line, value.fieldInsertPosition.character);
  } else out.push(...r(value.range), ...r(value.slugRange));
}

/**
 * The packed numbers are (line, character) pairs; stored, each line is the difference to
 * the line before it, so most are one digit (the JSON is half as long).
 */
function deltaLines(numbers: number[]): number[] {
  let line = 0;
  return numbers.map((n, i) => {
    if (i % 2 === 1) return n;
    const delta = n - line;
    line = n;
    return delta;
  });
}

/** References stored once each, with the strings they name stored once each. */
class ReferenceWriter {
  readonly index = new Map<Reference, number>();
  readonly strings: string[] = [];
  readonly refs: number[] = [];
  private readonly stringIndex = new Map<string, number>();

  constructor(private readonly pos: number[]) {}

  private string(value: string | undefined): number {
    if (value === undefined) return -1;
    let index = this.stringIndex.get(value);
    if (index === undefined) this.stringIndex.set(value, (index = this.strings.push(value) - 1));
    return index;
  }

  add(ref: Reference): number {
    let index = this.index.get(ref);
    if (index === undefined) {
      index = this.index.size;
      this.index.set(ref, index);
      this.refs.push(this.string(ref.kind), this.string(ref.form), this.string(ref.slug), this.string(ref.text), this.string(ref.field), this.string(ref.target), this.string(ref.fromItem));
      numbersOf(ref, this.pos);
    }
    return index;
  }
}

/** Every item once (a stage's steps are the document's own), each with the indexes of its references. */
function storeItems(doc: BlueprintDocument, writer: ReferenceWriter, pos: number[]): { items: StoredItem[]; index: Map<Item, number> } {
  const index = new Map<Item, number>();
  const all: Item[] = [];
  // Also a step under a stage missing from the document's list (the parser does not make one).
  for (const list of [doc.personas, doc.stories, doc.stages, doc.steps, ...doc.stages.map((stage) => stage.steps)]) {
    for (const item of list) if (!index.has(item)) index.set(item, all.push(item) - 1);
  }
  const itemRefs = all.map((item) => item.references.map((ref) => writer.add(ref)));
  const items = all.map((item, i): StoredItem => {
    const extra = item.kind === 'persona' ? (item.vulnerable === undefined ? -1 : item.vulnerable ? 1 : 0) : item.kind === 'step' ? item.stage ?? 0 : item.kind === 'stage' ? item.steps.map((step) => index.get(step)!) : 0;
    return [item.kind, item.id, item.name, item.depth, item.hasFieldList ? 1 : 0, itemRefs[i], extra];
  });
  for (const item of all) numbersOf(item, pos);
  return { items, index };
}

/** The JSON form of a compact document. */
export function storeCompact(doc: BlueprintDocument): StoredCompact {
  const facts = doc.compact;
  if (!facts) throw new Error('storeCompact: not a compact document');
  const pos: number[] = [];
  const writer = new ReferenceWriter(pos);
  doc.references.forEach((ref) => writer.add(ref));
  const fm = doc.frontMatter;
  const fmRefs = fm?.personaRefs.map((ref) => writer.add(ref));
  // Items' positions follow every reference's: references only in items are added first.
  const itemPos: number[] = [];
  const { items, index } = storeItems(doc, writer, itemPos);
  pos.push(...itemPos);
  const point = (v: InsertionPoint): [P, string, string, string] => [[v.position.line, v.position.character], v.lead, v.tail, v.eol];
  return {
    format: COMPACT_FORMAT,
    uri: doc.uri,
    lang: doc.lang,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(facts.lean ? { lean: true } : {}),
    ...(fm ? { fm: { r: r(fm.range), title: fm.title, lang: fm.lang, status: fm.status, files: fm.personaFiles.map((file): [string, R] => [file.path, r(file.range)]), refs: fmRefs ?? [] } } : {}),
    sections: doc.sections.map((s): [Section['kind'], R, R, number] => [s.kind, r(s.headingRange), r(s.range), s.depth]),
    pos: deltaLines(pos),
    docRefs: doc.references.length,
    strings: writer.strings,
    refs: writer.refs,
    items,
    steps: doc.steps.map((step) => index.get(step)!),
    lines: doc.lineCount,
    hash: facts.hash,
    length: facts.length,
    ins: { personas: point(facts.insertion.personas), stories: point(facts.insertion.stories) },
  };
}

/** Thrown inside `loadCompact` for anything malformed: the cache entry is ignored. */
class Malformed extends Error {}

const fail = (): never => {
  throw new Malformed('malformed compact document');
};
const str = (v: unknown): string => (typeof v === 'string' ? v : fail());
const num = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32 ? v : fail());
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : fail());
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T => (allowed.includes(v as T) ? (v as T) : fail());
const LANGS = ['en', 'nl'] as const;
const REF_KINDS = ['persona', 'story', 'step'] as const;
const FORMS = ['at', 'hash', 'link'] as const;
const ITEM_KINDS = ['persona', 'story', 'stage', 'step'] as const;
const SECTION_KINDS = ['personas', 'stories', 'journey'] as const;
const rangeOf = (v: unknown): Range => {
  const a = arr(v);
  return a.length === 4 ? range([num(a[0]), num(a[1]), num(a[2]), num(a[3])]) : fail();
};
const point = (v: unknown): InsertionPoint => {
  const a = arr(v);
  const at = arr(a[0]);
  return { position: { line: num(at[0]), character: num(at[1]) }, lead: str(a[1]), tail: str(a[2]), eol: str(a[3]) };
};

/** The packed positions from their stored form (lines as differences). */
function positionsOf(stored: unknown[]): Positions {
  const numbers = new Array<number>(stored.length);
  let line = 0;
  let largest = 0;
  for (let i = 0; i < stored.length; i++) {
    const n = stored[i];
    if (typeof n !== 'number' || !Number.isInteger(n)) fail();
    const value = i % 2 === 1 ? num(n) : num((line += n as number));
    numbers[i] = value;
    if (value > largest) largest = value;
  }
  return positionsFrom(numbers, largest);
}

/** The references, each with its packed positions. */
function loadReferences(stored: StoredCompact, positions: Positions): Reference[] {
  const storedRefs = arr(stored.refs);
  const strings = arr(stored.strings).map(str);
  const stringAt = (i: unknown): string => strings[num(i)] ?? fail();
  const refs: Reference[] = [];
  for (let at = 0; at < storedRefs.length; at += STORED_REFERENCE) {
    const ref = new CompactReference(
      oneOf(stringAt(storedRefs[at]), REF_KINDS), oneOf(stringAt(storedRefs[at + 1]), FORMS), stringAt(storedRefs[at + 2]), stringAt(storedRefs[at + 3]), stringAt(storedRefs[at + 4]),
      positions, refs.length * REFERENCE_NUMBERS,
    );
    if (storedRefs[at + 5] !== -1) ref.target = stringAt(storedRefs[at + 5]);
    if (storedRefs[at + 6] !== -1) ref.fromItem = stringAt(storedRefs[at + 6]);
    refs.push(ref);
  }
  return refs;
}

/** The items, each with its references and packed positions (after the references'); a stage's steps are the document's own. */
function loadItems(storedItems: unknown[], refAt: (i: unknown) => Reference, positions: Positions, itemsAt: number): { items: CompactItem[]; stepAt: (i: unknown) => Step } {
  const items = storedItems.map((value, i): CompactItem => {
    const s = arr(value);
    return new CompactItem(oneOf(s[0], ITEM_KINDS), str(s[1]), str(s[2]), num(s[3]), arr(s[5]).map(refAt), s[4] === 1, positions, itemsAt + i * ITEM_NUMBERS);
  });
  const stepAt = (i: unknown): Step => {
    const item = items[num(i)] ?? fail();
    return item.kind === 'step' ? (item as unknown as Step) : fail();
  };
  items.forEach((item, i) => {
    const extra = (storedItems[i] as unknown[])[6];
    if (item.kind === 'persona') {
      const persona = item as unknown as Persona;
      persona.heard = [];
      if (extra !== -1) persona.vulnerable = extra === 1;
    } else if (item.kind === 'step' && extra !== 0) (item as unknown as Step).stage = str(extra);
    else if (item.kind === 'stage') (item as unknown as Stage).steps = arr(extra).map(stepAt);
  });
  return { items, stepAt };
}

function loadFrontMatter(fm: NonNullable<StoredCompact['fm']>, refAt: (i: unknown) => Reference): FrontMatter {
  return {
    range: rangeOf(fm.r),
    data: {},
    ...(fm.title !== undefined ? { title: str(fm.title) } : {}),
    ...(fm.lang !== undefined ? { lang: oneOf(fm.lang, LANGS) } : {}),
    ...(fm.status !== undefined ? { status: str(fm.status) } : {}),
    personaFiles: arr(fm.files).map((file) => ({ path: str(arr(file)[0]), range: rangeOf(arr(file)[1]) })),
    personaRefs: arr(fm.refs).map(refAt),
  };
}

/** The document from its JSON form; throws `Malformed` for anything unexpected. */
function load(stored: StoredCompact): BlueprintDocument {
  const positions = positionsOf(arr(stored.pos));
  const refs = loadReferences(stored, positions);
  const storedItems = arr(stored.items);
  const itemsAt = refs.length * REFERENCE_NUMBERS;
  if (positions.length !== itemsAt + storedItems.length * ITEM_NUMBERS) fail();
  const refAt = (i: unknown): Reference => refs[num(i)] ?? fail();
  const { items, stepAt } = loadItems(storedItems, refAt, positions, itemsAt);
  const byKind: Record<Item['kind'], CompactItem[]> = { persona: [], story: [], stage: [], step: [] };
  for (const item of items) byKind[item.kind].push(item);
  const ofKind = <T>(kind: Item['kind']): T[] => byKind[kind] as unknown as T[];
  const compact: CompactFacts = {
    ...(stored.lean === true ? { lean: true } : {}),
    hash: str(stored.hash),
    length: num(stored.length),
    insertion: { personas: point(stored.ins?.personas), stories: point(stored.ins?.stories) },
  };
  return {
    uri: str(stored.uri),
    text: '',
    lang: oneOf(stored.lang, LANGS),
    ...(stored.fm !== undefined ? { frontMatter: loadFrontMatter(stored.fm, refAt) } : {}),
    ...(stored.title !== undefined ? { title: str(stored.title) } : {}),
    sections: arr(stored.sections).map((value) => {
      const s = arr(value);
      return { kind: oneOf(s[0], SECTION_KINDS), headingRange: rangeOf(s[1]), range: rangeOf(s[2]), depth: num(s[3]) };
    }),
    personas: ofKind<Persona>('persona'),
    stories: ofKind<Story>('story'),
    stages: ofKind<Stage>('stage'),
    steps: arr(stored.steps).map(stepAt),
    references: refs.slice(0, stored.docRefs <= refs.length ? num(stored.docRefs) : fail()),
    problems: [],
    lineCount: num(stored.lines),
    compact,
  };
}

/** A compact document from its JSON form; undefined when the form is another version's, cut short or malformed. */
export function loadCompact(stored: StoredCompact): BlueprintDocument | undefined {
  if (!stored || typeof stored !== 'object' || stored.format !== COMPACT_FORMAT) return undefined;
  try {
    return load(stored);
  } catch {
    return undefined;
  }
}
