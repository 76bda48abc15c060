/**
 * The plainest front matter read without the `yaml` library: top-level `key: value` lines
 * and `key:` followed by a list of `- value` lines, every key and value a plain word-like
 * scalar. That is what nearly every blueprint's front matter is, and the library spends
 * about 0.65 ms per KB on it (its lexer, CST and composer): a long list in a front matter
 * made checking a file 5x slower per KB than the examples (issue 9).
 *
 * Anything else (quotes, flow collections, anchors, tags, comments after a value, a
 * colon or `#` in a value, numbers, booleans, null, a value continued on the next line,
 * tabs, a lone CR, repeated keys, nesting) returns undefined and the library reads the
 * text as before; so does any line this reader is not sure of. Where it answers, its
 * data and ranges are the library's (test/unit/parse/simple-yaml.properties.test.ts).
 */

/** A value as the front matter's readers see it: a scalar or a list of scalars, with source offsets. */
export type SimpleNode =
  | { kind: 'scalar'; value: string; range: [start: number, end: number] }
  | { kind: 'seq'; items: Array<{ kind: 'scalar'; value: string; range: [start: number, end: number] }>; range: [start: number, end: number] };

export interface SimpleFrontMatter {
  data: Record<string, string | string[]>;
  nodes: Map<string, SimpleNode>;
}

/** A key: a letter, then letters, digits, `_`, `-` or `'` (as in `persona's`). */
const KEY = /^([A-Za-z][A-Za-z0-9_'-]*):(?:( +)(.*))?$/;
/** A list item at some indentation. */
const ITEM = /^( *)- +(.*)$/;
/**
 * A plain scalar that YAML's core schema reads as the string it is written as: it starts
 * with a letter (so no indicator, number, `~` or `.inf`), and holds no `:` or `#` (no
 * mapping, no comment), no tab and no control or quote-like characters.
 */
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} .,/_()@&+!?'-]*$/u;
/** A blank line as YAML has it here: nothing or spaces. */
const BLANK = /^ *$/;
/** Words the core schema reads as booleans or null, in any case (some spellings are strings there; refusing them all is safe). */
const KEYWORD = /^(?:true|false|null)$/i;

/** The front matter read, or undefined when it is not of the plainest kind. */
export function readSimpleFrontMatter(source: string): SimpleFrontMatter | undefined {
  if (source.includes('\r') && /\r(?!\n)/.test(source)) return undefined;
  const data: Record<string, string | string[]> = {};
  const nodes = new Map<string, SimpleNode>();
  let list: { key: string; indent: number; start: number; items: Array<{ kind: 'scalar'; value: string; range: [number, number] }> } | undefined;
  let at = 0;
  const closeList = (): boolean => {
    if (!list) return true;
    if (list.items.length === 0) return false;
    const { items } = list;
    nodes.set(list.key, { kind: 'seq', items, range: [list.start, items[items.length - 1].range[1]] });
    data[list.key] = items.map((item) => item.value);
    list = undefined;
    return true;
  };
  while (at < source.length) {
    let end = source.indexOf('\n', at);
    if (end < 0) end = source.length;
    const next = end + 1;
    if (end > at && source.charCodeAt(end - 1) === 13) end--;
    const line = source.slice(at, end);
    const start = at;
    at = next;
    // Blank for YAML is spaces only (tabs go to the library below): `trim()` would also
    // drop a no-break space, BOM, form feed or ideographic space, which YAML reads as text.
    if (BLANK.test(line)) continue;
    if (line.includes('\t') || line.endsWith(' ')) return undefined;
    const item = list ? ITEM.exec(line) : null;
    if (list && item) {
      if (list.items.length === 0) {
        list.indent = item[1].length;
        list.start = start + list.indent;
      }
      else if (item[1].length !== list.indent) return undefined;
      const value = item[2];
      if (!isPlain(value)) return undefined;
      const offset = start + line.length - value.length;
      list.items.push({ kind: 'scalar', value, range: [offset, offset + value.length] });
      continue;
    }
    if (!closeList()) return undefined;
    const entry = KEY.exec(line);
    if (!entry) return undefined;
    const key = entry[1];
    if (nodes.has(key) || (list !== undefined && list.key === key)) return undefined;
    const value = entry[3];
    if (value === undefined || value === '') {
      if (entry[2] !== undefined) return undefined;
      list = { key, indent: -1, start: -1, items: [] };
      continue;
    }
    if (!isPlain(value)) return undefined;
    const offset = start + line.length - value.length;
    nodes.set(key, { kind: 'scalar', value, range: [offset, offset + value.length] });
    data[key] = value;
  }
  if (!closeList() || nodes.size === 0) return undefined;
  return { data, nodes };
}

function isPlain(value: string): boolean {
  return PLAIN.test(value) && !KEYWORD.test(value) && !value.endsWith(' ');
}
