/**
 * Compact documents as plain JSON, for an editor's cache between sessions (issue 13): a
 * second start reads the facts of unchanged files instead of parsing them. Ranges become
 * four numbers and references are stored once, by index, so the JSON is small and reading
 * it back gives the same shared objects `compactDocument` makes.
 */
import type { BlueprintDocument, CompactFacts, InsertionPoint, Item, Persona, Position, Range, Reference, Section, Stage, Step, Story } from '../model';

/** Bumped whenever the compact document or this format changes: older caches are ignored. */
export const COMPACT_FORMAT = 1;

type R = [number, number, number, number];
type P = [number, number];

interface StoredItem {
  k: Item['kind'];
  id: string;
  n: string;
  d: number;
  h: R;
  nr: R;
  r: R;
  f: P;
  l: boolean;
  refs: number[];
  v?: boolean;
  s?: string;
  st?: number[];
}

interface StoredReference {
  k: Reference['kind'];
  f: Reference['form'];
  s: string;
  t: string;
  r: R;
  sr: R;
  fd: string;
  tg?: string;
  fi?: string;
}

export interface StoredCompact {
  format: number;
  uri: string;
  lang: BlueprintDocument['lang'];
  title?: string;
  fm?: { r: R; title?: string; lang?: BlueprintDocument['lang']; status?: string; files: Array<[string, R]>; refs: number[] };
  sections: Array<[Section['kind'], R, R, number]>;
  items: StoredItem[];
  steps: number[];
  refs: StoredReference[];
  lines: number;
  hash: string;
  length: number;
  ins: { personas: [P, string, string, string]; stories: [P, string, string, string] };
}

const r = (range: Range): R => [range.start.line, range.start.character, range.end.line, range.end.character];
const range = (v: R): Range => ({ start: { line: v[0], character: v[1] }, end: { line: v[2], character: v[3] } });
const p = (position: Position): P => [position.line, position.character];
const position = (v: P): Position => ({ line: v[0], character: v[1] });

/** The JSON form of a compact document. */
export function storeCompact(doc: BlueprintDocument): StoredCompact {
  const facts = doc.compact;
  if (!facts) throw new Error('storeCompact: not a compact document');
  const refIndex = new Map<Reference, number>();
  doc.references.forEach((ref, i) => refIndex.set(ref, i));
  const items: StoredItem[] = [];
  const itemIndex = new Map<Item, number>();
  const add = (item: Item): number => {
    const known = itemIndex.get(item);
    if (known !== undefined) return known;
    const stored: StoredItem = {
      k: item.kind, id: item.id, n: item.name, d: item.depth, h: r(item.headingRange), nr: r(item.nameRange), r: r(item.range),
      f: p(item.fieldInsertPosition), l: item.hasFieldList, refs: item.references.map((ref) => refIndex.get(ref) ?? -1),
    };
    if (item.kind === 'persona' && item.vulnerable !== undefined) stored.v = item.vulnerable;
    if (item.kind === 'step' && item.stage !== undefined) stored.s = item.stage;
    items.push(stored);
    itemIndex.set(item, items.length - 1);
    if (item.kind === 'stage') stored.st = item.steps.map(add);
    return items.length - 1;
  };
  doc.personas.forEach(add);
  doc.stories.forEach(add);
  doc.stages.forEach(add);
  const steps = doc.steps.map(add);
  const fm = doc.frontMatter;
  const point = (v: InsertionPoint): [P, string, string, string] => [p(v.position), v.lead, v.tail, v.eol];
  return {
    format: COMPACT_FORMAT,
    uri: doc.uri,
    lang: doc.lang,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(fm ? { fm: { r: r(fm.range), title: fm.title, lang: fm.lang, status: fm.status, files: fm.personaFiles.map((file): [string, R] => [file.path, r(file.range)]), refs: fm.personaRefs.map((ref) => refIndex.get(ref) ?? -1) } } : {}),
    sections: doc.sections.map((s): [Section['kind'], R, R, number] => [s.kind, r(s.headingRange), r(s.range), s.depth]),
    items,
    steps,
    refs: doc.references.map((ref) => ({
      k: ref.kind, f: ref.form, s: ref.slug, t: ref.text, r: r(ref.range), sr: r(ref.slugRange), fd: ref.field,
      ...(ref.target !== undefined ? { tg: ref.target } : {}), ...(ref.fromItem !== undefined ? { fi: ref.fromItem } : {}),
    })),
    lines: doc.lineCount,
    hash: facts.hash,
    length: facts.length,
    ins: { personas: point(facts.insertion.personas), stories: point(facts.insertion.stories) },
  };
}

/** An item from its JSON form; a stage's steps through `itemAt`, so they are the document's own. */
function loadItem(s: StoredItem, refAt: (i: number) => Reference, itemAt: (i: number) => Item): Item {
  const base = {
    id: s.id, name: s.n, depth: s.d, headingRange: range(s.h), nameRange: range(s.nr), range: range(s.r), fields: [],
    references: s.refs.map(refAt), description: '', fieldInsertPosition: position(s.f), hasFieldList: s.l,
  };
  if (s.k === 'persona') return { ...base, kind: 'persona', heard: [], ...(s.v !== undefined ? { vulnerable: s.v } : {}) } as Persona;
  if (s.k === 'story') return { ...base, kind: 'story' } as Story;
  if (s.k === 'step') return { ...base, kind: 'step', ...(s.s !== undefined ? { stage: s.s } : {}) } as Step;
  return { ...base, kind: 'stage', steps: (s.st ?? []).map((j) => itemAt(j) as Step) } as Stage;
}

/** A compact document from its JSON form; undefined when the form is another version's or malformed. */
export function loadCompact(stored: StoredCompact): BlueprintDocument | undefined {
  if (!stored || stored.format !== COMPACT_FORMAT) return undefined;
  try {
    const refs: Reference[] = stored.refs.map((s) => {
      const ref: Reference = { kind: s.k, form: s.f, slug: s.s, text: s.t, range: range(s.r), slugRange: range(s.sr), field: s.fd };
      if (s.tg !== undefined) ref.target = s.tg;
      if (s.fi !== undefined) ref.fromItem = s.fi;
      return ref;
    });
    const refAt = (i: number): Reference => {
      const ref = refs[i];
      if (!ref) throw new Error('bad reference index');
      return ref;
    };
    const built: Item[] = [];
    const itemAt = (i: number): Item => (built[i] ??= loadItem(stored.items[i], refAt, itemAt));
    stored.items.forEach((_, i) => itemAt(i));
    const ofKind = <T extends Item>(kind: Item['kind']): T[] => built.filter((item): item is T => item.kind === kind);
    const point = (v: [P, string, string, string]): InsertionPoint => ({ position: position(v[0]), lead: v[1], tail: v[2], eol: v[3] });
    const compact: CompactFacts = { hash: stored.hash, length: stored.length, insertion: { personas: point(stored.ins.personas), stories: point(stored.ins.stories) } };
    const fm = stored.fm;
    return {
      uri: stored.uri,
      text: '',
      lang: stored.lang,
      ...(fm
        ? {
            frontMatter: {
              range: range(fm.r), data: {},
              ...(fm.title !== undefined ? { title: fm.title } : {}), ...(fm.lang !== undefined ? { lang: fm.lang } : {}), ...(fm.status !== undefined ? { status: fm.status } : {}),
              personaFiles: fm.files.map(([path, r]) => ({ path, range: range(r) })), personaRefs: fm.refs.map(refAt),
            },
          }
        : {}),
      ...(stored.title !== undefined ? { title: stored.title } : {}),
      sections: stored.sections.map(([kind, h, r, depth]) => ({ kind, headingRange: range(h), range: range(r), depth })),
      personas: ofKind<Persona>('persona'),
      stories: ofKind<Story>('story'),
      stages: ofKind<Stage>('stage'),
      steps: stored.steps.map((i) => itemAt(i) as Step),
      references: refs,
      problems: [],
      lineCount: stored.lines,
      compact,
    };
  } catch {
    return undefined;
  }
}
