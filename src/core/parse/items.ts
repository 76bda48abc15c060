/**
 * Item values from parsed segments: fields with absolute ranges, a persona's facts, and
 * the line-shifted copy of an item whose text did not change (see `placeItem` in build.ts).
 */
import type { Field, Item, ItemBase, ItemKind, Persona } from '../model';
import { fieldSpec, NO_WORDS, YES_WORDS } from '../vocabulary';
import type { RawField } from './fields';
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

export function toField(raw: RawField, kind: ItemKind, shift: number): Field {
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
    // Raw entries are plain `{ text, range }`: at shift 0 the field takes them as they are.
    entries: shift === 0 ? raw.entries : raw.entries.map((entry) => ({ text: entry.text, range: shiftRange(entry.range, shift) })),
  };
}

export function personaOf(base: ItemBase): Persona {
  const vulnerableField = base.fields.find((field) => field.key === 'vulnerable');
  let vulnerable: boolean | undefined;
  if (vulnerableField) {
    const word = vulnerableField.value.toLowerCase().split(/[\s,;(]/)[0];
    if (YES_WORDS.includes(word)) vulnerable = true;
    else if (NO_WORDS.includes(word)) vulnerable = false;
  }
  // A `heard` entry is "date, how, by whom": commas belong to it, so only `;` separates entries.
  const heard = base.fields
    .filter((field) => field.key === 'heard')
    .flatMap((field) => field.value.split(';').map((text) => ({ text: text.trim(), range: field.valueRange })))
    .filter((entry) => entry.text !== '');
  return { ...base, kind: 'persona', vulnerable, heard };
}

