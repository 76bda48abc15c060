/**
 * Shared helpers for rules: did-you-mean, and text edits that insert a field line or
 * create an item. Edits are computed on the source text so that the result is valid
 * Markdown that parses back into the intended model (tests re-parse every fix).
 */
import type { BlueprintDocument, InsertionPoint, ItemBase, Lang, SectionKind, TextEdit } from '../model';
import { SECTION_WORDS } from '../vocabulary';
import { idOf } from '../parse/ids';
import { lineIndexOf } from '../parse/text';

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), because
 * swapped letters (`frontstgae`) are among the commonest typos.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, previous2[j - 2] + 1);
      }
      current.push(best);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The optimal-string-alignment distance when it is at most `max`, else a number above
 * `max`: stops as soon as a whole row exceeds `max`, which no later row can undo.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, previous2[j - 2] + 1);
      current.push(best);
      if (best < rowMin) rowMin = best;
    }
    // A transposition reaches back two rows, so both must exceed `max` before giving up.
    if (rowMin > max && previousMin > max) return max + 1;
    previous2 = previous;
    previous = current;
    previousMin = rowMin;
  }
  return previous[b.length];
}

/** Words longer than this get no suggestion. */
export const MAX_SUGGESTED_LENGTH = 100;

interface Candidate {
  candidate: string;
  lower: string;
  order: number;
}

/**
 * Did-you-mean over a fixed set of candidates, built once and asked many times: by
 * length (a distance of at most k needs lengths within k of each other) and sorted by
 * lower-cased text (for prefixes), with a distance computation that stops at the
 * allowed distance. Thousands of unknown references against thousands of personas
 * cost what the near candidates cost, not every pair.
 */
export class SuggestionIndex {
  private readonly byLength = new Map<number, Candidate[]>();
  private readonly sorted: Candidate[];
  private readonly answers = new Map<string, string[]>();

  constructor(candidates: readonly string[]) {
    const seen = new Set<string>();
    const entries: Candidate[] = [];
    candidates.forEach((candidate, order) => {
      if (seen.has(candidate)) return;
      seen.add(candidate);
      const entry = { candidate, lower: candidate.toLowerCase(), order };
      entries.push(entry);
      const bucket = this.byLength.get(entry.lower.length);
      if (bucket) bucket.push(entry);
      else this.byLength.set(entry.lower.length, [entry]);
    });
    this.sorted = entries.sort((x, y) => (x.lower < y.lower ? -1 : x.lower > y.lower ? 1 : x.order - y.order));
  }

  /** As `didYouMean(word, candidates, limit)`. */
  suggest(word: string, limit = 3): string[] {
    const key = `${limit}\u0000${word}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.compute(word, limit);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private compute(word: string, limit: number): string[] {
    const needle = word.toLowerCase();
    // Comparing is quadratic in the word's length; no name worth suggesting is this long.
    if (needle.length > MAX_SUGGESTED_LENGTH) return [];
    const allowed = Math.max(1, Math.floor(needle.length / 3));
    const scored = new Map<string, { candidate: string; distance: number; order: number }>();
    for (let length = needle.length - allowed; length <= needle.length + allowed; length++) {
      for (const entry of this.byLength.get(length) ?? []) {
        if (entry.candidate === needle) continue;
        const distance = editDistanceWithin(needle, entry.lower, allowed);
        if (distance <= allowed) scored.set(entry.candidate, { candidate: entry.candidate, distance, order: entry.order });
      }
    }
    // A prefix (`cust` → `customer`) is also a likely intent when the word is not tiny.
    if (needle.length >= 3) {
      for (let i = this.firstAtLeast(needle); i < this.sorted.length && this.sorted[i].lower.startsWith(needle); i++) {
        const entry = this.sorted[i];
        if (entry.candidate === needle || scored.has(entry.candidate)) continue;
        scored.set(entry.candidate, { candidate: entry.candidate, distance: Math.min(entry.lower.length - needle.length, allowed), order: entry.order });
      }
    }
    return [...scored.values()]
      .sort((x, y) => x.distance - y.distance || x.order - y.order)
      .slice(0, limit)
      .map((s) => s.candidate);
  }

  /** Index of the first candidate whose lower-cased text sorts at or after `text`. */
  private firstAtLeast(text: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid].lower < text) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Candidates close enough to `word` to be a likely typo, closest first (ties keep the
 * candidates' order, so callers put preferred spellings first). The allowed distance
 * grows with the word: one edit for short words, a third of the length for longer ones.
 * Callers that ask many words of one set keep a `SuggestionIndex` instead.
 */
export function didYouMean(word: string, candidates: readonly string[], limit = 3): string[] {
  return new SuggestionIndex(candidates).suggest(word, limit);
}

/** The line break the document uses. */
export function eolOf(text: string): string {
  // The first line break decides: cheap, and files rarely mix them.
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

/**
 * An edit that adds the field line `key: value` to an item. When the item has a field
 * list the line joins it (after its last field, or before its first when `place` is
 * `first`: a persona belongs at the top of a step), with the list's own marker and indentation (a different
 * marker would start a new list). Otherwise a new list is started at the item's
 * insert position, with blank lines around it where needed so that prose before or
 * after does not swallow it.
 */
export function insertFieldEdit(doc: BlueprintDocument, item: ItemBase, fieldText: string, place: 'first' | 'last' = 'last'): TextEdit {
  const eol = eolOf(doc.text);
  const lines = lineIndexOf(doc.text);
  if (place === 'first' && item.hasFieldList && item.fields.length > 0) {
    // Before the first field, on a line of its own with that field's marker and indentation.
    const first = item.fields.reduce((a, b) => (b.range.start.line < a.range.start.line ? b : a));
    const marker = /^(\s*(?:>\s*)*)([-*+])(\s+)/.exec(lines.lineText(first.range.start.line) ?? '') ?? ['', '', '-', ' '];
    const start = { line: first.range.start.line, character: 0 };
    return { uri: doc.uri, range: { start, end: start }, newText: `${marker[1]}${marker[2]}${marker[3]}${fieldText}${eol}` };
  }
  const at = item.fieldInsertPosition;
  const offset = lines.offsetAt(at);
  const atLineStart = offset === 0 || doc.text[offset - 1] === '\n';
  const position = lines.positionAt(offset);
  const range = { start: position, end: position };

  if (item.hasFieldList && item.fields.length > 0) {
    const last = item.fields.reduce((a, b) => (b.range.start.line >= a.range.start.line ? b : a));
    const marker = /^(\s*(?:>\s*)*)([-*+])(\s+)/.exec(lines.lineText(last.range.start.line) ?? '') ?? ['', '', '-', ' '];
    const line = `${marker[1]}${marker[2]}${marker[3]}${fieldText}`;
    return { uri: doc.uri, range, newText: atLineStart ? `${line}${eol}` : `${eol}${line}` };
  }

  const line = `- ${fieldText}`;
  if (atLineStart) {
    const before = lines.lineText(position.line - 1);
    const after = lines.lineText(position.line);
    const needBlankBefore = !isBlank(before) && !/^\s{0,3}#{1,6}(\s|$)/.test(before ?? '');
    const atEnd = offset >= doc.text.length;
    const needBlankAfter = !atEnd && !isBlank(after);
    return {
      uri: doc.uri,
      range,
      newText: `${needBlankBefore ? eol : ''}${line}${eol}${needBlankAfter ? eol : ''}`,
    };
  }
  // At the end of a line (e.g. the heading line): start the list on a new line.
  const current = lines.lineText(position.line);
  const afterLine = lines.lineText(position.line + 1);
  const needBlankBefore = !/^\s{0,3}#{1,6}(\s|$)/.test(current ?? '') && !isBlank(current);
  const needBlankAfter = !isBlank(afterLine);
  return {
    uri: doc.uri,
    range,
    newText: `${eol}${needBlankBefore ? eol : ''}${line}${needBlankAfter ? eol : ''}`,
  };
}

/**
 * Heading text whose GitHub slug is `slug`: the slug with spaces for hyphens and a
 * capital first letter (`maria-jansen` → `Maria jansen`). Falls back to the slug itself
 * when that would not round-trip.
 */
export function nameForSlug(slug: string): string {
  const spaced = slug.replace(/-/g, ' ');
  const name = spaced.charAt(0).toUpperCase() + spaced.slice(1);
  // A heading drops surrounding spaces: `stage-` must not become the heading `Stage `.
  return idOf(name) === slug && name === name.trim() ? name : slug;
}

// Sections follow this order in a file; a new section goes before the first later one.
const SECTION_ORDER: readonly SectionKind[] = ['personas', 'stories', 'journey'];

/**
 * An edit that appends a new item heading `name` at the end of the document's section
 * of that kind, creating the section (in the document's language) when it is missing.
 */
export function createItemEdit(doc: BlueprintDocument, sectionKind: SectionKind, name: string, lang: Lang = doc.lang): TextEdit {
  const point = (sectionKind === 'personas' || sectionKind === 'stories' ? doc.compact?.insertion[sectionKind] : undefined) ?? itemInsertionPoint(doc, sectionKind);
  const section = doc.sections.find((s) => s.kind === sectionKind);
  const depth = doc.sections[0]?.depth ?? 2;
  const block = section
    ? [`${'#'.repeat(Math.min(6, section.depth + 1))} ${name}`]
    : [`${'#'.repeat(depth)} ${SECTION_WORDS[sectionKind][lang]}`, '', `${'#'.repeat(Math.min(6, depth + 1))} ${name}`];
  return { uri: doc.uri, range: { start: point.position, end: point.position }, newText: point.lead + block.join(point.eol) + point.tail };
}

/**
 * Where `createItemEdit` puts a new item of a section kind, and what goes around it: at
 * the end of the section, or (without one) as a new section before the next section in
 * the usual order, else at the end of the file. Needs the document's text; a compact
 * document carries the points for personas and stories, computed when it was made.
 */
export function itemInsertionPoint(doc: BlueprintDocument, sectionKind: SectionKind): InsertionPoint {
  const eol = eolOf(doc.text);
  const lines = lineIndexOf(doc.text);
  const section = doc.sections.find((s) => s.kind === sectionKind);
  if (section) return appendPoint(doc.text, lines.offsetAt(section.range.end), eol);
  const later = doc.sections
    .filter((s) => SECTION_ORDER.indexOf(s.kind) > SECTION_ORDER.indexOf(sectionKind))
    .sort((a, b) => a.headingRange.start.line - b.headingRange.start.line)[0];
  if (later) {
    // Insert right before the later section's heading, followed by a blank line.
    const offset = lines.offsetAt({ line: later.headingRange.start.line, character: 0 });
    return { position: lines.positionAt(offset), lead: '', tail: eol + eol, eol };
  }
  return appendPoint(doc.text, doc.text.length, eol);
}

/** A block of lines inserted at `offset` with a blank line before, and after when text follows. */
function appendPoint(text: string, offset: number, eol: string): InsertionPoint {
  // Move back over trailing blank lines, so the block sits right after the content.
  const before = text.slice(0, offset);
  const at = before.replace(/(\r?\n[ \t]*)+$/, '').length;
  const remaining = text.slice(at);
  const followsText = remaining.trim().length > 0;
  // Keep one blank line before whatever follows (the next section's heading).
  const tail = followsText && !/^\r?\n[ \t]*\r?\n/.test(remaining) ? eol : '';
  return { position: lineIndexOf(text).positionAt(at), lead: at === 0 ? '' : eol + eol, tail, eol };
}
