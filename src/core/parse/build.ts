/**
 * Assembling the model from parsed chunks: sections, items, fields and references,
 * with every range made absolute.
 */
import { slug } from 'github-slugger';
import type {
  BlueprintDocument, Field, ParseProblem, FrontMatter, ItemBase, ItemKind, Lang, Persona, Position,
  Reference, Section, SectionKind, Stage, Step, Story,
} from '../model';
import { fieldSpec, NO_WORDS, PREFIXES, sectionKindOf, YES_WORDS } from '../lanes';
import type { RawField } from './fields';
import type { ParsedChunk, Segment } from './segments';
import { parseFrontMatter } from './frontmatter';
import { LineIndex, shiftPosition, shiftRange } from './text';

/** A parsed chunk placed in the document. */
export interface PlacedChunk {
  parsed: ParsedChunk;
  startLine: number;
  startOffset: number;
}

interface PlacedSegment {
  segment: Segment;
  shift: number;
}

const PREFIX_PATTERN = /^\s*(stage|fase|phase|step|stap)\s*:\s*/i;

export function buildDocument(uri: string, text: string, chunks: PlacedChunk[], lines: LineIndex): BlueprintDocument {
  const problems: ParseProblem[] = [];
  const segments: PlacedSegment[] = [];
  for (const chunk of chunks) for (const segment of chunk.parsed.segments) segments.push({ segment, shift: chunk.startLine });

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

  const doc: BlueprintDocument = {
    uri,
    text,
    lang: frontMatter?.lang ?? 'en',
    frontMatter,
    title: frontMatter?.title,
    sections: [],
    personas: [],
    stories: [],
    stages: [],
    steps: [],
    references: [...(frontMatter?.personaRefs ?? [])],
    problems,
    lineCount: lines.lineCount,
  };
  lineIndexes.set(doc, lines);

  let languageVotes = 0;
  const vote = (word: string, nlWords: readonly string[], enWords: readonly string[]): void => {
    const lower = word.toLowerCase();
    const inNl = nlWords.includes(lower);
    const inEn = enWords.includes(lower);
    if (inNl && !inEn) languageVotes++;
    else if (inEn && !inNl) languageVotes--;
  };

  let index = 0;
  while (index < segments.length) {
    const { segment } = segments[index];
    const heading = segment.heading;
    if (!heading) {
      index++;
      continue;
    }
    if (!doc.title && heading.depth === 1 && !sectionKindOf(heading.text)) doc.title = heading.text;
    const kind = sectionKindOf(heading.text);
    if (!kind) {
      index++;
      continue;
    }
    vote(heading.text, ["persona's", 'persona’s', 'verhalen', 'klantverhalen', 'klantreis', 'reis'], ['personas', 'stories', 'customer stories', 'journey', 'customer journey']);
    const end = sectionEnd(segments, index);
    buildSection(doc, kind, segments, index, end, (word) => vote(word, ['fase', 'stap'], ['stage', 'phase', 'step']), (field) => {
      const spec = fieldSpec(field.rawKey);
      if (spec) vote(field.rawKey, spec.nl, [spec.key, ...(spec.enAliases ?? [])]);
    });
    index = end;
  }
  if (!frontMatter?.lang) doc.lang = languageVotes > 0 ? 'nl' : 'en';
  return doc;
}

/** Index just past the last segment of the section (or item) opened at `start`. */
function sectionEnd(segments: PlacedSegment[], start: number): number {
  const depth = segments[start].segment.heading?.depth ?? 0;
  let end = start + 1;
  while (end < segments.length) {
    const heading = segments[end].segment.heading;
    if (heading && (heading.depth <= depth || sectionKindOf(heading.text))) break;
    end++;
  }
  return end;
}

function lastLineOf(segments: PlacedSegment[], start: number, end: number): number {
  let line = 0;
  for (let i = start; i < end; i++) line = Math.max(line, segments[i].segment.lastLine + segments[i].shift);
  return line;
}

function buildSection(
  doc: BlueprintDocument,
  kind: SectionKind,
  segments: PlacedSegment[],
  start: number,
  end: number,
  votePrefix: (word: string) => void,
  voteField: (field: RawField) => void,
): void {
  const { segment, shift } = segments[start];
  const heading = segment.heading!;
  const section: Section = {
    kind,
    depth: heading.depth,
    headingRange: shiftRange(heading.range, shift),
    range: { start: shiftPosition(heading.range.start, shift), end: endOfLine(doc, lastLineOf(segments, start, end)) },
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
    const itemEnd = sectionEnd(segments, i);
    const prefix = PREFIX_PATTERN.exec(itemHeading.contentSource)?.[1]?.toLowerCase();
    if (prefix) votePrefix(prefix);
    if (kind === 'personas') doc.personas.push(buildPersona(doc, segments, i, itemEnd, voteField));
    else if (kind === 'stories') doc.stories.push(buildStory(doc, segments, i, itemEnd, voteField));
    else {
      const hasSteps = segments.slice(i + 1, itemEnd).some((s) => s.segment.heading?.depth === itemDepth + 1);
      const isStage = prefix && PREFIXES.stage.all.includes(prefix) ? true : prefix && PREFIXES.step.all.includes(prefix) ? false : hasSteps;
      if (isStage) {
        const stage = buildItem(doc, 'stage', segments, i, i + 1, voteField) as Stage;
        stage.steps = [];
        stage.range = itemRange(doc, segments, i, itemEnd);
        doc.stages.push(stage);
        let j = i + 1;
        while (j < itemEnd) {
          const stepHeading = segments[j].segment.heading;
          if (stepHeading?.depth !== itemDepth + 1) {
            j++;
            continue;
          }
          const stepEnd = sectionEnd(segments, j);
          const stepPrefix = PREFIX_PATTERN.exec(stepHeading.contentSource)?.[1]?.toLowerCase();
          if (stepPrefix) votePrefix(stepPrefix);
          const step = buildItem(doc, 'step', segments, j, stepEnd, voteField) as Step;
          step.stage = stage.id;
          stage.steps.push(step);
          doc.steps.push(step);
          j = stepEnd;
        }
      } else {
        doc.steps.push(buildItem(doc, 'step', segments, i, itemEnd, voteField) as Step);
      }
    }
    i = itemEnd;
  }
}

function endOfLine(doc: BlueprintDocument, line: number): Position {
  const lines = lineIndexOf(doc);
  const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] - 1 : doc.text.length;
  const start = lines.lineStarts[Math.min(line, lines.lineCount - 1)];
  const end = next > start && doc.text[next - 1] === '\r' ? next - 1 : next;
  return { line, character: Math.max(0, end - start) };
}

/** The document's line index, kept beside the model while it is built. */
const lineIndexes = new WeakMap<BlueprintDocument, LineIndex>();
function lineIndexOf(doc: BlueprintDocument): LineIndex {
  const lines = lineIndexes.get(doc);
  if (!lines) throw new Error('line index missing while building');
  return lines;
}

function itemRange(doc: BlueprintDocument, segments: PlacedSegment[], start: number, end: number): ItemBase['range'] {
  const { segment, shift } = segments[start];
  return { start: shiftPosition(segment.heading!.range.start, shift), end: endOfLine(doc, lastLineOf(segments, start, end)) };
}

/** What an item takes from its own heading segment: placed once, reused while the segment keeps its place. */
interface ItemCore {
  shift: number;
  kind: ItemKind;
  id: string;
  name: string;
  headingRange: ItemBase['headingRange'];
  nameRange: ItemBase['nameRange'];
  fields: Field[];
  references: Reference[];
  fieldInsertPosition: Position;
}

/**
 * Segments are shared between parses of unchanged chunks, so the placed form of each is
 * kept beside it: after a one-line edit only the edited chunk's items are placed anew,
 * which keeps re-analysis of a large blueprint within a keystroke's budget.
 */
const placedCores = new WeakMap<Segment, ItemCore>();

function itemCore(segment: Segment, shift: number, kind: ItemKind): ItemCore {
  const cached = placedCores.get(segment);
  if (cached && cached.shift === shift && cached.kind === kind) return cached;
  const heading = segment.heading!;
  const prefixMatch = PREFIX_PATTERN.exec(heading.contentSource);
  const prefixLength = prefixMatch ? prefixMatch[0].length : 0;
  const name = heading.text.replace(PREFIX_PATTERN, '').trim();
  const contentStart = shiftPosition(heading.contentRange.start, shift);
  const nameSource = heading.contentSource.slice(prefixLength).replace(/\s*<!--[\s\S]*$/, '').trimEnd();
  const nameStart = { line: contentStart.line, character: contentStart.character + prefixLength };
  const id = slug(name);
  const references: Reference[] = [];
  for (const raw of segment.fields) {
    for (const ref of raw.references) {
      references.push({ ...ref, range: shiftRange(ref.range, shift), slugRange: shiftRange(ref.slugRange, shift), field: raw.key, fromItem: id });
    }
  }
  const core: ItemCore = {
    shift,
    kind,
    id,
    name,
    headingRange: shiftRange(heading.range, shift),
    nameRange: { start: nameStart, end: { line: nameStart.line, character: nameStart.character + nameSource.length } },
    fields: segment.fields.map((raw) => toField(raw, kind, shift)),
    references,
    fieldInsertPosition: shiftPosition(segment.fieldInsertPosition, shift),
  };
  placedCores.set(segment, core);
  return core;
}

function buildItem(
  doc: BlueprintDocument,
  kind: ItemKind,
  segments: PlacedSegment[],
  start: number,
  end: number,
  voteField: (field: RawField) => void,
): ItemBase {
  const { segment, shift } = segments[start];
  const core = itemCore(segment, shift, kind);
  if (!core.id) doc.problems.push({ range: core.headingRange, severity: 'warning', message: 'parse.emptyHeading' });
  for (const raw of segment.fields) voteField(raw);
  for (const ref of core.references) doc.references.push(ref);
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
  return {
    kind,
    id: core.id,
    name: core.name,
    depth: segment.heading!.depth,
    headingRange: core.headingRange,
    nameRange: core.nameRange,
    range: itemRange(doc, segments, start, end),
    fields: core.fields,
    references: core.references,
    description,
    fieldInsertPosition: core.fieldInsertPosition,
    hasFieldList: segment.hasFieldList,
  };
}

function toField(raw: RawField, kind: ItemKind, shift: number): Field {
  const spec = fieldSpec(raw.rawKey);
  return {
    key: raw.key,
    rawKey: raw.rawKey,
    known: spec !== undefined && spec.kinds.includes(kind),
    value: raw.value,
    markdown: raw.markdown,
    keyRange: shiftRange(raw.keyRange, shift),
    valueRange: shiftRange(raw.valueRange, shift),
    range: shiftRange(raw.range, shift),
    entries: raw.entries.map((entry) => ({ text: entry.text, range: shiftRange(entry.range, shift) })),
  };
}

function buildPersona(doc: BlueprintDocument, segments: PlacedSegment[], start: number, end: number, voteField: (field: RawField) => void): Persona {
  const item = buildItem(doc, 'persona', segments, start, end, voteField);
  const vulnerableField = item.fields.find((field) => field.key === 'vulnerable');
  let vulnerable: boolean | undefined;
  if (vulnerableField) {
    const word = vulnerableField.value.toLowerCase().split(/[\s,;(]/)[0];
    if (YES_WORDS.includes(word)) vulnerable = true;
    else if (NO_WORDS.includes(word)) vulnerable = false;
  }
  // A `heard` entry is "date, how, by whom": commas belong to it, so only `;` or a nested list separates entries.
  const heard = item.fields
    .filter((field) => field.key === 'heard')
    .flatMap((field) => field.value.split(';').map((text) => ({ text: text.trim(), range: field.valueRange })))
    .filter((entry) => entry.text !== '');
  return { ...item, kind: 'persona', vulnerable, heard };
}

function buildStory(doc: BlueprintDocument, segments: PlacedSegment[], start: number, end: number, voteField: (field: RawField) => void): Story {
  const item = buildItem(doc, 'story', segments, start, end, voteField);
  return { ...item, kind: 'story', quote: segments[start].segment.quote };
}

export type { Lang, Reference };
