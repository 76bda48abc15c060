/**
 * Compact documents: what other files need of a blueprint that is not open. A compact
 * document has the shape of a full model, so the cross-file index treats both alike, but
 * keeps only the items with their ids, names and ranges, the references out, the
 * `personas:` files and the sections; no text, no fields, no descriptions, no parse
 * problems, no parser caches. Where another file's rule needs the text (the fix that adds
 * a missing persona or story to this file), the answer is computed when the compact
 * document is made. Its strings are copies, so it does not keep the file's text alive.
 */
import type { BlueprintDocument, Field, FrontMatter, Item, ItemBase, Persona, Position, Range, Reference, Section, Stage, Step, Story } from '../model';
import { itemInsertionPoint } from '../rules/util';

/** FNV-1a over UTF-16 code units, twice (two offset bases), as 16 hex digits. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Lists a compact document keeps empty (fields, `heard`): one shared, frozen array. */
const NONE = Object.freeze([]) as unknown as never[];

/**
 * The positions of a compact document's items and references packed as numbers, four per
 * range (start line, start character, end line, end character), in one array per document:
 * a range kept as objects (a range and two positions) costs about 120 bytes, packed 8
 * (16-bit numbers; 32-bit in a document with a line or a character past 65,535).
 * Ranges are made when asked (editor features and the fixes of other files' rules ask for
 * a few; the index's work asks for none but the headings' of what it resolves).
 */
function rangeAt(p: Positions, at: number): Range {
  return { start: { line: p[at], character: p[at + 1] }, end: { line: p[at + 2], character: p[at + 3] } };
}

/** Numbers per reference in the packed array: its range, then its slug's. */
export const REFERENCE_NUMBERS = 8;
/** Numbers per item: its heading's range, its name's, its whole range, where a field is inserted. */
export const ITEM_NUMBERS = 14;

/** The packed numbers of one document. */
export type Positions = Uint16Array | Uint32Array;

/** The smallest array that holds the numbers. */
export function positionsFrom(numbers: ArrayLike<number>, largest: number): Positions {
  return largest < 0x10000 ? Uint16Array.from(numbers) : Uint32Array.from(numbers);
}

const PLACEHOLDER: Positions = new Uint16Array(0);

/**
 * A reference of a compact document: its ranges packed (`REFERENCE_NUMBERS` numbers of
 * the document's array). The array is a private field: not enumerable, so neither JSON
 * nor a deep comparison walks the whole document's numbers for every reference.
 */
export class CompactReference implements Reference {
  declare target?: string;
  declare fromItem?: string;
  #positions: Positions;
  readonly #at: number;
  constructor(
    public kind: Reference['kind'],
    public form: Reference['form'],
    public slug: string,
    public text: string,
    public field: string,
    positions: Positions,
    at: number,
  ) {
    this.#positions = positions;
    this.#at = at;
  }

  get range(): Range {
    return rangeAt(this.#positions, this.#at);
  }

  get slugRange(): Range {
    return rangeAt(this.#positions, this.#at + 4);
  }

  /** Appends its packed numbers to `out`. */
  packInto(out: number[]): void {
    for (let i = 0; i < REFERENCE_NUMBERS; i++) out.push(this.#positions[this.#at + i]);
  }

  /** Gives it the document's array (made once every piece is copied). */
  usePositions(positions: Positions): void {
    this.#positions = positions;
  }
}

/** An item of a compact document: no fields, no description, its ranges packed (`ITEM_NUMBERS` numbers, private as a reference's). */
export class CompactItem implements ItemBase {
  fields: Field[] = NONE;
  description = '';
  #positions: Positions;
  readonly #at: number;
  constructor(
    public kind: Item['kind'],
    public id: string,
    public name: string,
    public depth: number,
    public references: Reference[],
    public hasFieldList: boolean,
    positions: Positions,
    at: number,
  ) {
    this.#positions = positions;
    this.#at = at;
  }

  get headingRange(): Range {
    return rangeAt(this.#positions, this.#at);
  }

  get nameRange(): Range {
    return rangeAt(this.#positions, this.#at + 4);
  }

  get range(): Range {
    return rangeAt(this.#positions, this.#at + 8);
  }

  get fieldInsertPosition(): Position {
    return { line: this.#positions[this.#at + 12], character: this.#positions[this.#at + 13] };
  }

  /** Appends its packed numbers to `out`. */
  packInto(out: number[]): void {
    for (let i = 0; i < ITEM_NUMBERS; i++) out.push(this.#positions[this.#at + i]);
  }

  usePositions(positions: Positions): void {
    this.#positions = positions;
  }
}

/** Which references a lean compact document keeps: those other files' rules can see (a step's or stage's personas, stories, links into files, the front matter's personas). */
function seenByRules(ref: Reference): boolean {
  return ref.target !== undefined || ref.kind === 'story' || (ref.kind === 'persona' && ref.field === 'persona');
}

/** Copies of a document's pieces with fresh strings (a substring of the text would keep all of the text alive), their positions packed. */
class Copier {
  constructor(private readonly lean: boolean) {}

  private readonly strings = new Map<string, string>();
  private readonly copiedRefs = new Map<Reference, CompactReference>();
  private readonly steps = new Map<Step, Step>();
  private readonly numbers: number[] = [];
  private readonly packed: Array<CompactReference | CompactItem> = [];

  str(value: string): string {
    let copy = this.strings.get(value);
    if (copy === undefined) {
      // A JSON round trip gives a flat copy; slicing a concatenation would add a slice on top of it.
      copy = value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
      this.strings.set(value, copy);
    }
    return copy;
  }

  position(p: Position): Position {
    return { line: p.line, character: p.character };
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  /** Appends a range to the packed numbers; a range only editor features read is zeros in a lean document. */
  private pack(r: Range, featureOnly = false): void {
    if (featureOnly && this.lean) this.numbers.push(0, 0, 0, 0);
    else this.numbers.push(r.start.line, r.start.character, r.end.line, r.end.character);
  }

  /** The references kept: all, or in a lean document those other files' rules see. */
  refs(refs: readonly Reference[]): Reference[] {
    return (this.lean ? refs.filter(seenByRules) : refs).map((r) => this.ref(r));
  }

  /** One copy per reference: an item's and the document's lists share it, as in the model. */
  ref(r: Reference): Reference {
    let copy = this.copiedRefs.get(r);
    if (!copy) {
      copy = new CompactReference(r.kind, r.form, this.str(r.slug), this.lean ? '' : this.str(r.text), this.str(r.field), PLACEHOLDER, this.numbers.length);
      this.pack(r.range, true);
      this.pack(r.slugRange, true);
      if (r.target !== undefined) copy.target = this.str(r.target);
      if (r.fromItem !== undefined) copy.fromItem = this.str(r.fromItem);
      this.packed.push(copy);
      this.copiedRefs.set(r, copy);
    }
    return copy;
  }

  /** What every item keeps; kinds add their properties to this object. */
  base(item: Item): CompactItem {
    const copy = new CompactItem(item.kind, this.str(item.id), this.str(item.name), item.depth, this.refs(item.references), item.hasFieldList, PLACEHOLDER, this.numbers.length);
    this.pack(item.headingRange);
    this.pack(item.nameRange, true);
    this.pack(item.range, true);
    const at = item.fieldInsertPosition;
    if (this.lean) this.numbers.push(0, 0);
    else this.numbers.push(at.line, at.character);
    this.packed.push(copy);
    return copy;
  }

  /** One copy per step: the stage's and the document's lists share it, as in the model. */
  step(s: Step): Step {
    let copy = this.steps.get(s);
    if (!copy) {
      copy = this.base(s) as unknown as Step;
      if (s.stage !== undefined) copy.stage = this.str(s.stage);
      this.steps.set(s, copy);
    }
    return copy;
  }

  persona(p: Persona): Persona {
    const copy = this.base(p) as unknown as Persona;
    copy.heard = NONE;
    if (p.vulnerable !== undefined) copy.vulnerable = p.vulnerable;
    return copy;
  }

  stage(s: Stage): Stage {
    const copy = this.base(s) as unknown as Stage;
    copy.steps = s.steps.map((step) => this.step(step));
    return copy;
  }

  frontMatter(fm: FrontMatter): FrontMatter {
    return {
      range: this.range(fm.range),
      data: {},
      ...(fm.title !== undefined ? { title: this.str(fm.title) } : {}),
      ...(fm.lang !== undefined ? { lang: fm.lang } : {}),
      ...(fm.status !== undefined ? { status: this.str(fm.status) } : {}),
      personaFiles: fm.personaFiles.map((file) => ({ path: this.str(file.path), range: this.range(file.range) })),
      personaRefs: fm.personaRefs.map((r) => this.ref(r)),
    };
  }

  /** Every copied reference and item given the packed array. */
  finish(): void {
    const positions = positionsFrom(this.numbers, this.numbers.reduce((a, b) => (a > b ? a : b), 0));
    for (const copy of this.packed) copy.usePositions(positions);
  }
}

/**
 * The compact form of a full model (a compact document is returned as it is). `lean`
 * (the CLI, where no editor feature asks): only what other files' rules read; references
 * no other file's rule sees are left out, and so are the ranges but the headings' and the
 * text of references (`compact.lean` says so).
 */
export function compactDocument(doc: BlueprintDocument, lean = false): BlueprintDocument {
  if (doc.compact) return doc;
  const copy = new Copier(lean);
  // The document's references first, in its order: items and the front matter share these copies.
  const references = copy.refs(doc.references);
  const personas: Persona[] = doc.personas.map((p) => copy.persona(p));
  const stories: Story[] = doc.stories.map((s) => copy.base(s) as Story);
  const stages: Stage[] = doc.stages.map((s) => copy.stage(s));
  const sections: Section[] = doc.sections.map((s) => ({ kind: s.kind, headingRange: copy.range(s.headingRange), range: copy.range(s.range), depth: s.depth }));
  const frontMatter = doc.frontMatter && copy.frontMatter(doc.frontMatter);
  const steps = doc.steps.map((step) => copy.step(step));
  copy.finish();
  return {
    uri: doc.uri,
    text: '',
    lang: doc.lang,
    ...(frontMatter ? { frontMatter } : {}),
    ...(doc.title !== undefined ? { title: copy.str(doc.title) } : {}),
    sections,
    personas,
    stories,
    stages,
    steps,
    references,
    problems: [],
    lineCount: doc.lineCount,
    compact: {
      ...(lean ? { lean: true } : {}),
      hash: contentHash(doc.text),
      length: doc.text.length,
      insertion: { personas: itemInsertionPoint(doc, 'personas'), stories: itemInsertionPoint(doc, 'stories') },
    },
  };
}
