/**
 * Assembling the model from parsed chunks: sections, items, fields and references,
 * with every range made absolute.
 *
 * Segments are shared between parses of unchanged chunks, so what follows from a
 * segment alone (its heading's role, its language votes) and the items placed from it
 * are kept beside it. After a one-line edit only the edited chunk's items are built
 * anew; every other item object is reused as it is, which keeps re-analysis of a large
 * blueprint within a keystroke's budget and lets later stages cache by item identity.
 */
import type {
  BlueprintDocument, Field, FrontMatter, Item, ItemKind, Lang, ParseProblem, Persona, Position,
  Reference, Section, SectionKind, Stage, Step, Story,
} from '../model';
import { fieldSpec, PREFIXES, sectionKindOf, type FieldSpec } from '../vocabulary';
import { BuiltItem, BuiltReference, movedItem, personaFacts, toField } from './items';
import type { ParsedChunk, Segment } from './segments';
import { parseFrontMatter } from './frontmatter';
import { idOf } from './ids';
import { LineIndex, newList, ParsedPosition, ParsedRange, shiftPosition, shiftRange } from './text';
import { identityCache } from '../identity-cache';

/** A parsed chunk placed in the document. */
export interface PlacedChunk {
  parsed: ParsedChunk;
  startLine: number;
  startOffset: number;
}

interface PlacedSegment {
  segment: Segment;
  shift: number;
  facts: SegmentFacts;
}

const PREFIX_PATTERN = /^\s*(stage|fase|phase|step|stap)\s*:\s*/i;
const NL_SECTION_WORDS = ["persona's", 'persona’s', 'verhalen', 'klantverhalen', 'klantreis', 'reis'];
const EN_SECTION_WORDS = ['personas', 'stories', 'customer stories', 'journey', 'customer journey'];

/** What a segment says by itself, whatever its place. */
interface SegmentFacts {
  sectionKind?: SectionKind;
  prefix?: 'stage' | 'step';
  /** Dutch-only words minus English-only words among its heading and field keys. */
  languageVotes: number;
}

const segmentFacts = identityCache<Segment, SegmentFacts>({ name: 'segmentFacts', module: 'parse/build.ts', holds: 'per segment: its heading, kind and language votes' });

/** A field's English words (its key and aliases), one array per field kind rather than one per field. */
const englishWords = new Map<FieldSpec, readonly string[]>();
function englishWordsOf(spec: FieldSpec): readonly string[] {
  let words = englishWords.get(spec);
  if (!words) englishWords.set(spec, (words = [spec.key, ...(spec.enAliases ?? [])]));
  return words;
}

function factsOf(segment: Segment): SegmentFacts {
  let facts = segmentFacts.get(segment);
  if (facts) return facts;
  const heading = segment.heading;
  let votes = 0;
  const vote = (word: string, nlWords: readonly string[], enWords: readonly string[]): void => {
    const lower = word.toLowerCase();
    const inNl = nlWords.includes(lower);
    const inEn = enWords.includes(lower);
    if (inNl && !inEn) votes++;
    else if (inEn && !inNl) votes--;
  };
  let sectionKind: SectionKind | undefined;
  let prefix: SegmentFacts['prefix'];
  if (heading) {
    sectionKind = sectionKindOf(heading.text);
    if (sectionKind) vote(heading.text, NL_SECTION_WORDS, EN_SECTION_WORDS);
    const word = PREFIX_PATTERN.exec(heading.contentSource)?.[1]?.toLowerCase();
    if (word) {
      prefix = PREFIXES.stage.all.includes(word) ? 'stage' : 'step';
      vote(word, ['fase', 'stap'], ['stage', 'phase', 'step']);
    }
  }
  for (const field of segment.fields) {
    const spec = fieldSpec(field.rawKey);
    if (spec) vote(field.rawKey, spec.nl, englishWordsOf(spec));
  }
  facts = { sectionKind, prefix, languageVotes: votes };
  segmentFacts.set(segment, facts);
  return facts;
}

class PlacedSegmentOf implements PlacedSegment {
  constructor(
    public segment: Segment,
    public shift: number,
    public facts: SegmentFacts,
  ) {}
}

/**
 * A document as built, made by a constructor and its lists by a builtin (see
 * `ParsedPosition` in text.ts for why); `frontMatter` and `title` are own properties,
 * undefined or not, as they always were.
 */
class BuiltDocument implements BlueprintDocument {
  constructor(
    public uri: string,
    public text: string,
    public lang: Lang,
    public frontMatter: FrontMatter | undefined,
    public title: string | undefined,
    public sections: Section[],
    public personas: Persona[],
    public stories: Story[],
    public stages: Stage[],
    public steps: Step[],
    public references: Reference[],
    public problems: ParseProblem[],
    public lineCount: number,
  ) {}
}

/** Builder state for one document. */
interface Builder {
  doc: BlueprintDocument;
  lines: LineIndex;
  segments: PlacedSegment[];
  /** Built for its compact document only (`parseForCompactInSteps`): items get no fields. */
  forCompact: boolean;
}

export function buildDocument(uri: string, text: string, chunks: PlacedChunk[], lines: LineIndex, forCompact = false): BlueprintDocument {
  const problems: ParseProblem[] = newList();
  const segments: PlacedSegment[] = newList();
  let languageVotes = 0;
  for (const chunk of chunks) {
    if (chunk.parsed.tooComplex) problems.push(tooComplexProblem(chunk, lines));
    for (const segment of chunk.parsed.segments) {
      const facts = factsOf(segment);
      languageVotes += facts.languageVotes;
      segments.push(new PlacedSegmentOf(segment, chunk.startLine, facts));
    }
  }

  let frontMatter: FrontMatter | undefined;
  const first = chunks[0]?.parsed.frontMatter;
  if (first) {
    // The YAML runs from the line after the opening fence to the start of the closing fence's line.
    const closingLineStart = lines.lineStarts[first.range.end.line];
    const yamlSource = text.slice(first.contentStartOffset, Math.max(first.contentStartOffset, closingLineStart));
    const parsed = parseFrontMatter(yamlSource, first.contentStartOffset, first.range, lines);
    frontMatter = parsed.frontMatter;
    problems.push(...parsed.problems);
  }

  const references: Reference[] = newList();
  if (frontMatter) references.push(...frontMatter.personaRefs);
  const doc = new BuiltDocument(uri, text, frontMatter?.lang ?? (languageVotes > 0 ? 'nl' : 'en'), frontMatter, frontMatter?.title, newList(), newList(), newList(), newList(), newList(), references, problems, lines.lineCount);
  const builder: Builder = { doc, lines, segments, forCompact };

  let index = 0;
  while (index < segments.length) {
    const { segment, facts } = segments[index];
    const heading = segment.heading;
    if (!heading) {
      index++;
      continue;
    }
    if (!doc.title && heading.depth === 1 && !facts.sectionKind) doc.title = heading.text;
    if (!facts.sectionKind) {
      index++;
      continue;
    }
    const end = blockEnd(segments, index);
    buildSection(builder, facts.sectionKind, index, end);
    index = end;
  }
  return doc;
}

/** The warning for a chunk read as plain text: at the line where the shape starts, else at its heading. */
function tooComplexProblem(chunk: PlacedChunk, lines: LineIndex): ParseProblem {
  const found = chunk.parsed.tooComplex!;
  const line = found.kind === 'stack' ? chunk.startLine : lines.positionAt(chunk.startOffset + found.offset).line;
  const range = { start: { line, character: 0 }, end: endOfLineIn(lines, line) };
  if (found.kind === 'stack') return { range, severity: 'warning', message: 'parse.tooComplex' };
  const message = found.kind === 'nesting' ? 'parse.tooComplexNesting' : found.kind === 'table' ? 'parse.tooComplexTable' : 'parse.tooComplexMarkers';
  return { range, severity: 'warning', message, args: { count: found.count, limit: found.limit } };
}

/** Index just past the last segment under the heading at `start` (a section or an item). */
function blockEnd(segments: PlacedSegment[], start: number): number {
  const depth = segments[start].segment.heading?.depth ?? 0;
  let end = start + 1;
  while (end < segments.length) {
    const { segment, facts } = segments[end];
    if (segment.heading && (segment.heading.depth <= depth || facts.sectionKind)) break;
    end++;
  }
  return end;
}

function endOfLine(builder: Builder, line: number): Position {
  return endOfLineIn(builder.lines, line);
}

/** The end of a line (before its line break), clamped to the last line. */
function endOfLineIn(lines: LineIndex, line: number): Position {
  const at = Math.min(line, lines.lineCount - 1);
  return new ParsedPosition(at, lines.lineEnd(at) - lines.lineStarts[at]);
}

/** Last line with content of the segments `start` up to (not including) `end`. */
function lastLineOf(segments: PlacedSegment[], start: number, end: number): number {
  let line = 0;
  for (let i = start; i < end; i++) line = Math.max(line, segments[i].segment.lastLine + segments[i].shift);
  return line;
}

function buildSection(builder: Builder, kind: SectionKind, start: number, end: number): void {
  const { doc, segments } = builder;
  const { segment, shift } = segments[start];
  const heading = segment.heading!;
  const section: Section = {
    kind,
    depth: heading.depth,
    headingRange: shiftRange(heading.range, shift),
    range: { start: shiftPosition(heading.range.start, shift), end: endOfLine(builder, lastLineOf(segments, start, end)) },
  };
  doc.sections.push(section);
  const itemDepth = heading.depth + 1;
  let i = start + 1;
  while (i < end) {
    const itemHeading = segments[i].segment.heading;
    if (!itemHeading || itemHeading.depth !== itemDepth) {
      i++;
      continue;
    }
    const itemEnd = blockEnd(segments, i);
    if (kind === 'personas') doc.personas.push(placeItem(builder, 'persona', i, itemEnd));
    else if (kind === 'stories') doc.stories.push(placeItem(builder, 'story', i, itemEnd));
    else buildJourneyItem(builder, i, itemEnd, itemDepth);
    i = itemEnd;
  }
}

/** Under the journey, a heading is a stage when steps sit below it, or its prefix says so. */
function buildJourneyItem(builder: Builder, start: number, end: number, depth: number): void {
  const { doc, segments } = builder;
  const prefix = segments[start].facts.prefix;
  let hasSteps = false;
  for (let i = start + 1; i < end && !hasSteps; i++) hasSteps = segments[i].segment.heading?.depth === depth + 1;
  const isStage = prefix ? prefix === 'stage' : hasSteps;
  if (!isStage) {
    doc.steps.push(placeItem(builder, 'step', start, end));
    return;
  }
  // The stage's own part (heading, fields) first, so references stay in source order.
  const own = placeItem(builder, 'stage', start, start + 1);
  const steps: Step[] = newList();
  let j = start + 1;
  while (j < end) {
    if (segments[j].segment.heading?.depth !== depth + 1) {
      j++;
      continue;
    }
    const stepEnd = blockEnd(segments, j);
    steps.push(placeItem(builder, 'step', j, stepEnd, own.id));
    j = stepEnd;
  }
  // A stage holds its steps, so the stage object is made anew whenever it is placed.
  doc.stages.push({ ...own, steps, range: new ParsedRange(own.range.start, endOfLine(builder, lastLineOf(segments, start, end))) });
  doc.steps.push(...steps);
}

/** An item placed from its segments, reused whole while its segments keep their place. */
interface PlacedItem {
  shift: number;
  kind: ItemKind;
  lastLine: number;
  stage: string | undefined;
  /** The segments under the item's own (sub-headings: part of its description). */
  subSegments: Segment[];
  item: Item;
}

const placedItems = identityCache<Segment, PlacedItem>({ name: 'placedItems', module: 'parse/build.ts', holds: 'per heading segment: the item built from it, its stage and sub-segments' });

/**
 * Items that are the previous parse's item moved down or up by whole lines (after Enter
 * or a deleted line above them), mapped to that item: same content, so what the rules
 * found clean in it is clean in the moved one too.
 */
const movedFrom = identityCache<Item, Item>({ name: 'movedFrom', module: 'parse/build.ts', holds: "per item that only moved by whole lines: the previous parse's item it is a shifted copy of" });

/** The item this one is a line-shifted copy of, if it is one. */
export function itemMovedFrom(item: Item): Item | undefined {
  return movedFrom.get(item);
}

/** The item type of a kind: `ItemOf<'step'>` is `Step`. */
type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;

/** True when the item is of that kind (the cache holds items of every kind). */
function isKind<K extends ItemKind>(item: Item, kind: K): item is ItemOf<K> {
  return item.kind === kind;
}

/** `stage`: the id of the stage a step sits under, given by the caller that knows it. */
function placeItem<K extends ItemKind>(builder: Builder, kind: K, start: number, end: number, stage?: string): ItemOf<K> {
  const { doc, segments } = builder;
  const { segment, shift } = segments[start];
  const lastLine = lastLineOf(segments, start, end);
  const cached = placedItems.get(segment);
  let item: Item;
  const same = cached !== undefined && cached.kind === kind && cached.stage === stage && sameSubSegments(cached.subSegments, segments, start, end);
  const lines = shift - (cached?.shift ?? shift);
  if (same && lines === 0 && cached.lastLine === lastLine) {
    item = cached.item;
  } else if (same && cached.lastLine + lines === lastLine) {
    // The whole item moved by `lines`: its text, and so all but its line numbers, is unchanged.
    item = movedItem(cached.item, lines);
    movedFrom.set(item, cached.item);
    placedItems.set(segment, { ...cached, shift, lastLine, item });
  } else {
    item = newItem(builder, kind, start, end, lastLine, stage);
    const subSegments = segments.slice(start + 1, end).map((placed) => placed.segment);
    placedItems.set(segment, { shift, kind, lastLine, stage, subSegments, item });
  }
  if (!item.id) doc.problems.push({ range: item.headingRange, severity: 'warning', message: 'parse.emptyHeading' });
  for (const ref of item.references) doc.references.push(ref);
  // Built for this kind, or cached under the same kind (`same` compares it); checked all the same.
  if (!isKind(item, kind)) throw new Error(`placed a ${item.kind} as a ${kind}`);
  return item;
}

/** True when the item's sub-segments (its description) are the ones it was built from. */
function sameSubSegments(subSegments: readonly Segment[], segments: PlacedSegment[], start: number, end: number): boolean {
  if (end - start - 1 !== subSegments.length) return false;
  for (let i = start + 1; i < end; i++) if (subSegments[i - start - 1] !== segments[i].segment) return false;
  return true;
}

function newItem(builder: Builder, kind: ItemKind, start: number, end: number, lastLine: number, stage: string | undefined): Item {
  const { segments } = builder;
  const { segment, shift } = segments[start];
  const heading = segment.heading!;
  const prefixMatch = PREFIX_PATTERN.exec(heading.contentSource);
  const prefixLength = prefixMatch ? prefixMatch[0].length : 0;
  const name = heading.text.replace(PREFIX_PATTERN, '').trim();
  const contentStart = shiftPosition(heading.contentRange.start, shift);
  const nameSource = heading.contentSource.slice(prefixLength).replace(/\s*<!--[\s\S]*$/, '').trimEnd();
  const nameStart = new ParsedPosition(contentStart.line, contentStart.character + prefixLength);
  const id = idOf(name);
  const references: Reference[] = newList();
  for (const raw of segment.fields) {
    for (const ref of raw.references) {
      references.push(new BuiltReference(ref, shiftRange(ref.range, shift), shiftRange(ref.slugRange, shift), raw.key, id));
    }
  }
  let description = segment.description;
  if (end > start + 1) {
    const descriptions = [segment.description];
    for (let i = start + 1; i < end; i++) {
      const sub = segments[i].segment;
      if (sub.heading) descriptions.push('#'.repeat(sub.heading.depth) + ' ' + sub.heading.text);
      descriptions.push(sub.description);
    }
    description = descriptions.filter((d) => d.trim()).join('\n\n');
  }
  // A compact document keeps no fields: they are not made for one (a persona's facts are read from the raw fields below).
  const fields = builder.forCompact ? newList<Field>() : segment.fields.map((raw) => toField(raw, kind, shift));
  const base = new BuiltItem(
    kind,
    id,
    name,
    heading.depth,
    shiftRange(heading.range, shift),
    new ParsedRange(nameStart, new ParsedPosition(nameStart.line, nameStart.character + nameSource.length)),
    new ParsedRange(shiftPosition(heading.range.start, shift), endOfLine(builder, lastLine)),
    fields,
    references,
    description,
    shiftPosition(segment.fieldInsertPosition, shift),
    segment.hasFieldList,
  );
  // The kind's own properties after the base's, in the order the model has always had.
  if (kind === 'persona') {
    const { vulnerable, heard } = personaFacts(builder.forCompact ? segment.fields : fields);
    return Object.assign(base, { kind: 'persona' as const, vulnerable, heard });
  }
  if (kind === 'story') return Object.assign(base, { kind: 'story' as const, quote: segment.quote });
  if (kind === 'step') return stage !== undefined ? Object.assign(base, { kind: 'step' as const, stage }) : Object.assign(base, { kind: 'step' as const });
  return Object.assign(base, { kind: 'stage' as const, steps: newList<Step>() });
}
