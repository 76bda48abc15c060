/**
 * Writing plain text into Markdown so that it reads back as the same text: used where the
 * editor writes a name into a heading or a link text (rename, quick fixes).
 */

/**
 * Backslash-escapes what would make Markdown read the text differently inside a heading
 * or link text: emphasis, code, links, HTML and comments, entities, strikethrough and a
 * trailing `#` run (a heading's closing sequence). `_` inside a word is literal already.
 * In a link text inside a field value, `@` and `#` are escaped too (`inValue`), so that the
 * text holds no references of its own.
 */
export function escapeInline(text: string, inValue = false): string {
  const escaped = text
    .replace(/[\\`*[\]<>~]|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (char) => `\\${char}`)
    .replace(/(^|\s)(#+)$/u, (_whole, space: string, hashes: string) => `${space}\\${hashes}`);
  return inValue ? escaped.replace(/(?<!\\)[@#]/g, (char) => `\\${char}`) : escaped;
}
