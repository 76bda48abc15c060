/**
 * Compact documents as plain JSON, for an editor's cache between sessions (issue 13): a
 * second start reads the facts of unchanged files instead of parsing them. The form is
 * the compact document's own: its packed positions as one run of numbers (lines as
 * differences), references as numbers into a table of strings (each stored once), items
 * as short arrays. The runs of numbers are written as text, a few characters per number
 * (see `writeNumbers`), not as JSON arrays: JSON.parse reads a string at copying speed,
 * while an array of thousands of numbers costs a number object each and as much again for
 * the collector, which was most of a second start's time (format 3, issue 13). Reading a
 * run writes its numbers straight into a typed array.
 * A cache may be another version's, cut short or foreign: `loadCompact` checks every
 * value's type and gives undefined for anything it does not fully understand.
 */
import type { BlueprintDocument, CompactFacts, FrontMatter, InsertionPoint, Item, Lang, Persona, Range, Reference, Section, Stage, Step, Story } from '../model';
import { CompactItem, CompactReference, ITEM_NUMBERS, REFERENCE_NUMBERS, type Positions } from './compact';

/** Bumped whenever the compact document or this format changes: older caches are ignored. */
export const COMPACT_FORMAT = 3;

type R = [number, number, number, number];
type P = [number, number];

/**
 * Numbers per reference in `refs`: indexes into `strings` of its kind, form, slug, text,
 * field, link target (or -1) and the id of the item holding it (or -1).
 */
const STORED_REFERENCE = 7;
/**
 * An item: kind, id, name, depth, has a field list (1/0), its references (indexes, written
 * by `writeNumbers`), and by kind: a persona's `vulnerable` (1/0, or -1 unset), a step's
 * stage (or 0), a stage's steps (item indexes).
 */
type StoredItem = [Item['kind'], string, string, number, 0 | 1, string, number | string | number[]];

export interface StoredCompact {
  format: number;
  uri: string;
  lang: Lang;
  title?: string;
  lean?: boolean;
  fm?: { r: R; title?: string; lang?: Lang; status?: string; files: Array<[string, R]>; refs: number[] };
  sections: Array<[Section['kind'], R, R, number]>;
  /** Every reference's packed positions (`REFERENCE_NUMBERS` each), then every item's (`ITEM_NUMBERS` each); lines as differences, written by `writeNumbers`. */
  pos: string;
  /** How many of `refs`, from the first, are the document's list (the rest are only in items or the front matter). */
  docRefs: number;
  /** The strings references name, each once. */
  strings: string[];
  /** `STORED_REFERENCE` numbers per reference, each one more than the index (0 for none), written by `writeNumbers`. */
  refs: string;
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
 * Digits of the text form of a run of numbers: each number is written low digits first,
 * five bits a character; the upper 32 characters mark a digit with more to follow. All 64
 * are left alone by JSON, so a run costs about as many bytes as it has characters.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each character code's digit value, or -1. */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
/**
 * Digits a number in a run may have: 6 (30 bits). Positions and indexes of a text are below
 * 2^29 (the longest string a JavaScript engine holds), lines as zigzag differences below 2^30,
 * so reading stays in 32-bit integers.
 */
const MAX_SHIFT = 25;

const DIGIT_CODE = Uint16Array.from(DIGITS, (digit) => digit.charCodeAt(0));
/** Where `writeNumbers` puts its digits' codes (grown as needed), made a string 4096 at a time. */
let written = new Uint16Array(4096);

/**
 * Writes non-negative integers as text (see `DIGITS`). Appended a character at a time, a run
 * of 10,000 digits was a chain of 10,000 concatenations (about 1 MB per compact document
 * while indexing) that the collector moved to its old space before it was flattened.
 */
export function writeNumbers(numbers: readonly number[]): string {
  let length = 0;
  for (let n of numbers) {
    // A number below 2^32 has at most 7 digits.
    if (written.length < length + 8) {
      const grown = new Uint16Array(2 * written.length);
      grown.set(written);
      written = grown;
    }
    while (n >= 32) {
      written[length++] = DIGIT_CODE[32 + (n % 32)];
      n = Math.floor(n / 32);
    }
    written[length++] = DIGIT_CODE[n];
  }
  let out = '';
  for (let start = 0; start < length; start += 4096) out += String.fromCharCode(...written.subarray(start, Math.min(length, start + 4096)));
  return out;
}

/** Where `readNumbers` reads into: one array, grown as needed (a new one per run would be a new buffer each time). */
let scratch = new Int32Array(1024);

/**
 * The numbers written by `writeNumbers`, as the first `count` of `numbers`: valid only
 * until the next call (the array is shared). Throws `Malformed` for anything else.
 */
function readNumbers(text: unknown): { numbers: Int32Array; count: number } {
  const run = str(text);
  if (scratch.length < run.length) scratch = new Int32Array(Math.max(run.length, 2 * scratch.length));
  const numbers = scratch;
  const length = run.length;
  let count = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < length; i++) {
    const code = run.charCodeAt(i);
    const digit = code < 128 ? DIGIT_VALUE[code] : -1;
    if (digit < 32) {
      if (digit < 0) fail();
      numbers[count++] = value | (digit << shift);
      value = 0;
      shift = 0;
    } else {
      if (shift >= MAX_SHIFT) fail();
      value |= (digit - 32) << shift;
      shift += 5;
    }
  }
  if (shift !== 0) fail(); // cut inside a number
  return { numbers, count };
}

/**
 * The packed numbers are (line, character) pairs; stored, each line is the difference to
 * the line before it, so most take one character. A difference may be negative (items'
 * positions follow the references'): it is stored zigzag (0, -1, 1, -2 as 0, 1, 2, 3).
 */
function deltaLines(numbers: number[]): number[] {
  let line = 0;
  return numbers.map((n, i) => {
    if (i % 2 === 1) return n;
    const delta = n - line;
    line = n;
    return delta < 0 ? -2 * delta - 1 : 2 * delta;
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
      // One more than each index, so that none (-1) is 0 and every number is non-negative.
      this.refs.push(this.string(ref.kind) + 1, this.string(ref.form) + 1, this.string(ref.slug) + 1, this.string(ref.text) + 1, this.string(ref.field) + 1, this.string(ref.target) + 1, this.string(ref.fromItem) + 1);
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
    return [item.kind, item.id, item.name, item.depth, item.hasFieldList ? 1 : 0, writeNumbers(itemRefs[i]), extra];
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
    pos: writeNumbers(deltaLines(pos)),
    docRefs: doc.references.length,
    strings: writer.strings,
    refs: writeNumbers(writer.refs),
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

/** The packed positions from their stored form (lines as zigzag differences). */
function positionsOf(stored: unknown): Positions {
  const { numbers, count } = readNumbers(stored);
  let line = 0;
  let largest = 0;
  for (let i = 0; i < count; i += 2) {
    const zigzag = numbers[i];
    line += (zigzag & 1) === 1 ? -((zigzag + 1) >>> 1) : zigzag >>> 1;
    if (line < 0) fail();
    numbers[i] = line;
    if (line > largest) largest = line;
    if (i + 1 < count && numbers[i + 1] > largest) largest = numbers[i + 1];
  }
  if (count % 2 !== 0) fail(); // positions are pairs
  // A copy: `numbers` is shared.
  const used = numbers.subarray(0, count);
  return largest < 0x10000 ? new Uint16Array(used) : new Uint32Array(used);
}

/** The references, each with its packed positions. */
function loadReferences(stored: StoredCompact, positions: Positions): Reference[] {
  const { numbers, count } = readNumbers(stored.refs);
  if (count % STORED_REFERENCE !== 0) fail();
  const strings = arr(stored.strings).map(str);
  const stringAt = (i: number): string => strings[i - 1] ?? fail();
  const refs: Reference[] = [];
  for (let at = 0; at < count; at += STORED_REFERENCE) {
    const ref = new CompactReference(
      oneOf(stringAt(numbers[at]), REF_KINDS), oneOf(stringAt(numbers[at + 1]), FORMS), stringAt(numbers[at + 2]), stringAt(numbers[at + 3]), stringAt(numbers[at + 4]),
      positions, refs.length * REFERENCE_NUMBERS,
    );
    if (numbers[at + 5] !== 0) ref.target = stringAt(numbers[at + 5]);
    if (numbers[at + 6] !== 0) ref.fromItem = stringAt(numbers[at + 6]);
    refs.push(ref);
  }
  return refs;
}

/** The references an item holds, from their stored indexes. */
function itemReferences(stored: unknown, refAt: (i: number) => Reference): Reference[] {
  const { numbers, count } = readNumbers(stored);
  const refs = new Array<Reference>(count);
  for (let i = 0; i < count; i++) refs[i] = refAt(numbers[i]);
  return refs;
}

/** The items, each with its references and packed positions (after the references'); a stage's steps are the document's own. */
function loadItems(storedItems: unknown[], refAt: (i: number) => Reference, positions: Positions, itemsAt: number): { items: CompactItem[]; stepAt: (i: unknown) => Step } {
  const items = storedItems.map((value, i): CompactItem => {
    const s = arr(value);
    return new CompactItem(oneOf(s[0], ITEM_KINDS), str(s[1]), str(s[2]), num(s[3]), itemReferences(s[5], refAt), s[4] === 1, positions, itemsAt + i * ITEM_NUMBERS);
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

function loadFrontMatter(fm: NonNullable<StoredCompact['fm']>, refAt: (i: number) => Reference): FrontMatter {
  return {
    range: rangeOf(fm.r),
    data: {},
    ...(fm.title !== undefined ? { title: str(fm.title) } : {}),
    ...(fm.lang !== undefined ? { lang: oneOf(fm.lang, LANGS) } : {}),
    ...(fm.status !== undefined ? { status: str(fm.status) } : {}),
    personaFiles: arr(fm.files).map((file) => ({ path: str(arr(file)[0]), range: rangeOf(arr(file)[1]) })),
    personaRefs: arr(fm.refs).map((i) => refAt(num(i))),
  };
}

/** The document from its JSON form; throws `Malformed` for anything unexpected. */
function load(stored: StoredCompact): BlueprintDocument {
  const positions = positionsOf(stored.pos);
  const refs = loadReferences(stored, positions);
  const storedItems = arr(stored.items);
  const itemsAt = refs.length * REFERENCE_NUMBERS;
  if (positions.length !== itemsAt + storedItems.length * ITEM_NUMBERS) fail();
  const refAt = (i: number): Reference => refs[i] ?? fail();
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
