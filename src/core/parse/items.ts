/**
 * Item values from parsed segments: fields with absolute ranges, a persona's facts, and
 * the line-shifted copy of an item whose text did not change (see `placeItem` in build.ts).
 */
import type { Field, FieldEntry, Item, ItemBase, ItemKind, Position, Range, Reference } from '../model';
import { fieldSpec, NO_WORDS, YES_WORDS } from '../vocabulary';
import { FoundEntry, FoundReference, type RawField, type RawReference } from './fields';
import { shiftPosition, shiftRange } from './text';

/** A copy of `item` with every line number moved by `lines`. */
export function movedItem(item: Item, lines: number): Item {
  const base: ItemBase = {
    ...item,
    headingRange: shiftRange(item.headingRange, lines),
    nameRange: shiftRange(item.nameRange, lines),
    range: shiftRange(item.range, lines),
    fields: item.fields.map((field) => ({
      ...field,
      keyRange: shiftRange(field.keyRange, lines),
      valueRange: shiftRange(field.valueRange, lines),
      range: shiftRange(field.range, lines),
      entries: field.entries.map((entry) => ({ text: entry.text, range: shiftRange(entry.range, lines) })),
    })),
    references: item.references.map((ref) => ({ ...ref, range: shiftRange(ref.range, lines), slugRange: shiftRange(ref.slugRange, lines) })),
    fieldInsertPosition: shiftPosition(item.fieldInsertPosition, lines),
  };
  switch (item.kind) {
    case 'persona':
      return { ...base, kind: 'persona', heard: item.heard.map((entry) => ({ text: entry.text, range: shiftRange(entry.range, lines) })) };
    case 'stage':
      return { ...base, kind: 'stage', steps: [] };
    case 'story':
      return { ...item, ...base, kind: 'story' };
    case 'step':
      return { ...item, ...base, kind: 'step' };
  }
}

/** A field of an item, made by a constructor (see `ParsedPosition` in text.ts for why). */
class BuiltField implements Field {
  constructor(
    public key: string,
    public rawKey: string,
    public known: boolean,
    public value: string,
    public markdown: string,
    public keyRange: Range,
    public valueRange: Range,
    public range: Range,
    public entries: FieldEntry[],
  ) {}
}

export function toField(raw: RawField, kind: ItemKind, shift: number): Field {
  const spec = fieldSpec(raw.rawKey);
  // At shift 0 the field takes the raw entries as they are.
  const entries = shift === 0 ? raw.entries : raw.entries.map((entry) => new FoundEntry(entry.text, shiftRange(entry.range, shift)));
  return new BuiltField(raw.key, raw.rawKey, spec !== undefined && spec.kinds.includes(kind), raw.value, raw.markdown, shiftRange(raw.keyRange, shift), shiftRange(raw.valueRange, shift), shiftRange(raw.range, shift), entries);
}

/** An item's reference: the one found, with its ranges in the document, its field and item (made by a constructor, see `ParsedPosition` in text.ts). */
export class BuiltReference extends FoundReference implements Reference {
  declare field: string;
  declare fromItem?: string;
  constructor(found: RawReference, range: Range, slugRange: Range, field: string, fromItem: string) {
    super(found.kind, found.form, found.slug, found.text, range, slugRange, found.target !== undefined, found.target);
    this.field = field;
    this.fromItem = fromItem;
  }
}

/** An item as built, made by a constructor (see `ParsedPosition` in text.ts); its kind's own properties are added after. */
export class BuiltItem implements ItemBase {
  constructor(
    public kind: ItemKind,
    public id: string,
    public name: string,
    public depth: number,
    public headingRange: Range,
    public nameRange: Range,
    public range: Range,
    public fields: Field[],
    public references: Reference[],
    public description: string,
    public fieldInsertPosition: Position,
    public hasFieldList: boolean,
  ) {}
}

/** A persona's facts from its fields. */
export function personaFacts(fields: ReadonlyArray<Pick<Field, 'key' | 'value' | 'valueRange'>>): { vulnerable: boolean | undefined; heard: FieldEntry[] } {
  const vulnerableField = fields.find((field) => field.key === 'vulnerable');
  let vulnerable: boolean | undefined;
  if (vulnerableField) {
    const word = vulnerableField.value.toLowerCase().split(/[\s,;(]/)[0];
    if (YES_WORDS.includes(word)) vulnerable = true;
    else if (NO_WORDS.includes(word)) vulnerable = false;
  }
  // A `heard` entry is "date, how, by whom": commas belong to it, so only `;` separates entries.
  const heard = fields
    .filter((field) => field.key === 'heard')
    .flatMap((field) => field.value.split(';').map((text) => new FoundEntry(text.trim(), field.valueRange)))
    .filter((entry) => entry.text !== '');
  return { vulnerable, heard };
}

