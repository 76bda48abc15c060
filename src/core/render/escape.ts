/**
 * Writing HTML as strings: text and attribute escaping and an element helper. The grid
 * is written directly as strings (a tree per cell and a serialiser pass cost most of the
 * render time on large journeys); blueprint text reaches it only through these escapes or
 * as sanitised Markdown (`markdownToHtml`), never as raw HTML.
 */

/** Attribute values: `undefined` and `false` leave the attribute out, `true` writes it bare. */
export type AttributeValue = string | number | boolean | undefined;

const TEXT_SPECIAL = /[&<>\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ATTRIBUTE_SPECIAL = /[&<>"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Unicode bidi controls: embeddings, overrides, isolates and the implicit marks. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Bidi controls shown as `[U+202E]`: a right-to-left override in a step name would
 * otherwise make the page read differently from the blueprint ("Trojan Source").
 * The marker has no `<`, `>`, `&` or `"`, so it is safe in text and attribute values.
 */
export function markBidiControls(html: string): string {
  return html.replace(BIDI_CONTROL, (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Text content: `&`, `<` and `>` escaped, so text can never open a tag or an entity; bidi controls marked. */
export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return markBidiControls(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** A double-quoted attribute value: `"` escaped too, so a value cannot end its quotes; bidi controls marked. */
export function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return markBidiControls(value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

// Names are the renderer's own constants, never blueprint text; this guards against a slip.
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** ` name="value"` pairs in the given order. */
export function attributes(attrs: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value === undefined || value === false) continue;
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`invalid attribute name ${name}`);
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

/** An element whose content is already HTML (escaped text or other elements). */
export function element(tag: string, attrs: Readonly<Record<string, AttributeValue>>, innerHtml = ''): string {
  return `<${tag}${attributes(attrs)}>${innerHtml}</${tag}>`;
}

/** A class attribute value from optional names. */
export function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}
