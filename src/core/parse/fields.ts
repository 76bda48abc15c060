/**
 * `key: value` list items and the references inside their values.
 */
import type { FieldEntry, Range, Reference, ReferenceKind } from '../model';
import { fieldSpec } from '../vocabulary';
import { AT_REFERENCE, HASH_REFERENCE, anchorId, idOf } from './ids';
import { LineIndex, newList, stripHtmlComments } from './text';
import type { OutlineItem, OutlineLink } from './outline';

/** A reference as found, before it knows the field key and item that hold it. */
export type RawReference = Omit<Reference, 'field' | 'fromItem'>;

export interface RawField {
  rawKey: string;
  /** Canonical key when known in either language, else the lower-cased raw key. */
  key: string;
  value: string;
  markdown: string;
  keyRange: Range;
  valueRange: Range;
  range: Range;
  entries: FieldEntry[];
  references: RawReference[];
}

/** A reference as found, made by a constructor (see `ParsedPosition` in text.ts for why). */
export class FoundReference implements RawReference {
  declare kind: ReferenceKind;
  declare form: RawReference['form'];
  declare slug: string;
  declare text: string;
  declare target?: string;
  declare range: Range;
  declare slugRange: Range;
  /** `linked`: a link's reference, whose `target` is set (undefined for a link in the same file). */
  constructor(kind: ReferenceKind, form: RawReference['form'], slug: string, text: string, range: Range, slugRange: Range, linked = false, target?: string) {
    this.kind = kind;
    this.form = form;
    this.slug = slug;
    this.text = text;
    if (linked) this.target = target;
    this.range = range;
    this.slugRange = slugRange;
  }
}

/** A field as found, made by a constructor (see `ParsedPosition` in text.ts for why). */
export class FoundField implements RawField {
  constructor(
    public rawKey: string,
    public key: string,
    public value: string,
    public markdown: string,
    public keyRange: Range,
    public valueRange: Range,
    public range: Range,
    public entries: FieldEntry[],
    public references: RawReference[],
  ) {}
}

/** A field's entry, made by a constructor (see `ParsedPosition` in text.ts for why). */
export class FoundEntry implements FieldEntry {
  constructor(
    public text: string,
    public range: Range,
  ) {}
}

const KEY_VALUE = /^([\p{L}][\p{L}\p{N} '’_-]{0,39}?)\s*:(?=\s|$)[ \t]*/u;

export function parseFieldItem(item: OutlineItem, text: string, lines: LineIndex): RawField | undefined {
  const first = item.children[0];
  if (!first || first.kind !== 'paragraph') return undefined;
  const paragraphStart = first.start;
  const paragraphEnd = first.end;
  const paragraphSource = text.slice(paragraphStart, paragraphEnd);
  const match = KEY_VALUE.exec(paragraphSource);
  if (!match) return undefined;
  const rawKey = match[1].trim();
  const spec = fieldSpec(rawKey);
  const keyStart = paragraphStart;
  const keyEnd = keyStart + match[1].trimEnd().length;
  const valueStart = paragraphStart + match[0].length;
  const itemEnd = item.end;
  const nested = item.children.slice(1);
  const valueEnd = nested.length > 0 ? lastContentOffset(text, itemEnd) : paragraphEnd;
  const markdown = text.slice(valueStart, valueEnd);

  const inline = text.slice(valueStart, paragraphEnd);
  const entries: FieldEntry[] = splitEntries(inline, valueStart, lines);
  const nestedTexts: string[] = [];
  for (const child of nested) {
    if (child.kind !== 'list') continue;
    for (const sub of child.items) {
      const subFirst = sub.children[0];
      if (!subFirst) continue;
      const start = subFirst.start;
      const end = lastContentOffset(text, sub.end);
      const clean = cleanValue(text.slice(start, end));
      if (!clean) continue;
      nestedTexts.push(clean);
      entries.push(new FoundEntry(clean, lines.range(start, end)));
    }
  }
  const value = nestedTexts.length === 0 ? cleanValue(inline) : [cleanValue(inline), ...nestedTexts].filter(Boolean).join('; ');

  const references: RawReference[] = newList();
  const field = spec?.key ?? rawKey.toLowerCase();
  collectInlineReferences(text.slice(valueStart, valueEnd), valueStart, lines, field, references);
  collectLinkReferences(item.links, text, lines, field, references);
  if (references.length > 1) references.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  return new FoundField(
    rawKey,
    field,
    value,
    markdown.trim(),
    lines.range(keyStart, keyEnd),
    lines.range(valueStart, Math.max(valueStart, valueStart + markdown.trimEnd().length)),
    lines.range(item.start, lastContentOffset(text, itemEnd)),
    entries,
    references,
  );
}

/** Plain value: HTML comments removed, lines joined, trimmed. */
function cleanValue(source: string): string {
  const uncommented = source.includes('<!--') ? stripHtmlComments(source) : source;
  return (uncommented.includes('\n') ? uncommented.replace(/\s*\r?\n\s*/g, ' ') : uncommented).trim();
}

function lastContentOffset(text: string, end: number): number {
  let offset = end;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}

/** Split on `,` and `;` outside brackets, parentheses and code spans. */
function splitTopLevel(value: string): Array<{ text: string; start: number }> {
  // Most values have no separator at all (the loop below runs for every field of every file).
  if (!value.includes(',') && !value.includes(';')) return [{ text: value, start: 0 }];
  const parts: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let inCode = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 0x60 /* ` */) inCode = !inCode;
    else if (inCode) continue;
    else if (ch === 0x5b /* [ */ || ch === 0x28 /* ( */) depth++;
    else if ((ch === 0x5d /* ] */ || ch === 0x29 /* ) */) && depth > 0) depth--;
    else if ((ch === 0x2c /* , */ || ch === 0x3b /* ; */) && depth === 0) {
      parts.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  parts.push({ text: value.slice(start), start });
  return parts;
}

function splitEntries(inline: string, baseOffset: number, lines: LineIndex): FieldEntry[] {
  const withoutComments = inline.includes('<!--') ? inline.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length)) : inline;
  const entries: FieldEntry[] = newList();
  for (const part of splitTopLevel(withoutComments)) {
    const leading = part.text.length - part.text.trimStart().length;
    const clean = cleanValue(part.text);
    if (!clean) continue;
    const start = baseOffset + part.start + leading;
    entries.push(new FoundEntry(clean, lines.range(start, start + part.text.trim().length)));
  }
  return entries;
}

function collectInlineReferences(source: string, baseOffset: number, lines: LineIndex, field: string, out: RawReference[]): void {
  // Most values name nobody: skip the masking below when no reference can be there.
  const hashCounts = field === 'story' || field === 'persona';
  if (!source.includes('@') && !(hashCounts && source.includes('#'))) return;
  // Blank out comments, code spans and link destinations so nothing inside them counts.
  // Each only when its opening is there (most values have none of them).
  let masked = source;
  if (masked.includes('<!--')) masked = masked.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  if (masked.includes('`')) masked = masked.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
  if (masked.includes('](')) masked = masked.replace(/\]\([^)]*\)/g, (m) => ']' + ' '.repeat(m.length - 1));
  for (const match of masked.matchAll(AT_REFERENCE)) {
    const start = baseOffset + (match.index ?? 0) + match[1].length;
    const name = match[2];
    out.push(new FoundReference('persona', 'at', idOf(name), '@' + name, lines.range(start, start + 1 + name.length), lines.range(start + 1, start + 1 + name.length)));
  }
  if (field !== 'story' && field !== 'persona') return;
  for (const match of masked.matchAll(HASH_REFERENCE)) {
    const start = baseOffset + (match.index ?? 0) + match[1].length;
    const name = match[2];
    const kind = field === 'persona' ? 'persona' : 'story';
    out.push(new FoundReference(kind, 'hash', idOf(name), '#' + name, lines.range(start, start + 1 + name.length), lines.range(start + 1, start + 1 + name.length)));
  }
}

/** Markdown links to `#anchor` or `file.md#anchor` in a `persona` or `story` field. */
function collectLinkReferences(links: OutlineLink[], text: string, lines: LineIndex, field: string, out: RawReference[]): void {
  if (field !== 'story' && field !== 'persona') return;
  const kind: ReferenceKind = field === 'persona' ? 'persona' : 'story';
  for (const link of links) {
    const ref = linkReference(link, text, lines, kind);
    if (ref) out.push(ref);
  }
}

function linkReference(link: OutlineLink, text: string, lines: LineIndex, kind: ReferenceKind): RawReference | undefined {
  const hash = link.url.indexOf('#');
  if (hash === -1 || /^[a-z][a-z0-9+.-]*:/i.test(link.url)) return undefined;
  const target = link.url.slice(0, hash);
  const anchor = link.url.slice(hash + 1);
  if (!anchor) return undefined;
  const { start, end } = link;
  const source = text.slice(start, end);
  // Locate the anchor inside the link's source for rename; fall back to the whole link.
  const anchorIndex = source.lastIndexOf('#' + anchor);
  const slugStart = anchorIndex >= 0 ? start + anchorIndex + 1 : start;
  const slugEnd = anchorIndex >= 0 ? slugStart + anchor.length : end;
  let decoded = anchor;
  try {
    decoded = decodeURIComponent(anchor);
  } catch {
    // keep the raw anchor: a malformed escape is just an unknown target
  }
  return new FoundReference(kind, 'link', anchorId(decoded), source, lines.range(start, end), lines.range(slugStart, slugEnd), true, target || undefined);
}
