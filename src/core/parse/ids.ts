/**
 * Ids and reference slugs: one definition for headings, `@`/`#` references, link anchors
 * and the editor's rename and fixes, so that every name a heading can hold and every
 * reference to it agree. Text is brought to Unicode NFC first: a decomposed "Zoë"
 * (e + combining diaeresis, as macOS file names and some keyboards give it) and a
 * composed one are the same name.
 */
import { slug } from 'github-slugger';

/** The id of a heading's text, or the slug a reference's text names: GitHub's anchor of its NFC form. */
export function idOf(text: string): string {
  return slug(text.normalize('NFC')).normalize('NFC');
}

/** A link's decoded anchor as an id: GitHub's anchors are lower case. */
export function anchorId(anchor: string): string {
  return anchor.normalize('NFC').toLowerCase().normalize('NFC');
}

/** Characters a slug keeps and a reference may hold: letters with their marks, digits, connectors (`_`). */
const SLUG_CHAR = String.raw`\p{L}\p{M}\p{N}\p{Pc}`;

/**
 * `@slug`: after the start, a space or punctuation that cannot belong to an e-mail address.
 * The slug starts with a letter or digit and ends in a letter, mark, digit or `_`, so that
 * the full stop of "with @maria." is not part of it.
 */
export const AT_REFERENCE = new RegExp(String.raw`(^|[\s,;:(\[])@([\p{L}\p{N}][${SLUG_CHAR}.-]*[${SLUG_CHAR}]|[\p{L}\p{N}])`, 'gu');

/** `#slug` in a `persona` or `story` value (no `.`: "#1." is rare, a sentence's stop common). */
export const HASH_REFERENCE = new RegExp(String.raw`(^|[\s,;:(\[])#([\p{L}\p{N}][${SLUG_CHAR}-]*)`, 'gu');

/**
 * True when `@id` (or `#id`) written in a value reads back as exactly this id. Not every
 * id can: "Maria 😀" has the id `maria-`, and `@maria-` reads as `@maria`.
 */
export function writableAs(form: 'at' | 'hash', id: string): boolean {
  if (!id) return false;
  const pattern = form === 'at' ? AT_REFERENCE : HASH_REFERENCE;
  const sigil = form === 'at' ? '@' : '#';
  const match = new RegExp(pattern.source, 'u').exec(`${sigil}${id}`);
  return match !== null && match[2] === id && idOf(match[2]) === id;
}
