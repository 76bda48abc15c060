/**
 * The renderer's HTML read back as a hast-like tree, so tests query the markup that ships
 * (not an intermediate tree). A strict reader of well-formed output: every element closed
 * (or void, or `/>` in SVG), attributes double-quoted, no comments. Anything else throws,
 * which doubles as a check that the string renderer writes well-formed HTML.
 */
import type { Element, ElementContent, Properties } from 'hast';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NUMERIC = /^(data-.+|colspan|rowspan|span|tabindex)$/;
const RENAMED: Record<string, string> = { class: 'className', colspan: 'colSpan', rowspan: 'rowSpan', tabindex: 'tabIndex' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

/** hast's property name for an attribute (`data-step` → `dataStep`, `class` → `className`). */
function propertyName(name: string): string {
  if (RENAMED[name]) return RENAMED[name];
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Parse a fragment; the result is a `root` element holding it. */
export function parseHtml(html: string): Element {
  const root: Element = { type: 'element', tagName: 'root', properties: {}, children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9-:]*(?:="[^"]*")?)*)\s*(\/?)>/y;
  const attribute = /\s+([a-zA-Z][a-zA-Z0-9-:]*)(?:="([^"]*)")?/g;
  let at = 0;
  while (at < html.length) {
    const next = html.indexOf('<', at);
    const textEnd = next < 0 ? html.length : next;
    if (textEnd > at) stack[stack.length - 1].children.push({ type: 'text', value: decode(html.slice(at, textEnd)) });
    if (next < 0) break;
    tag.lastIndex = next;
    const match = tag.exec(html);
    if (!match) throw new Error(`not a tag at ${next}: ${html.slice(next, next + 40)}`);
    at = tag.lastIndex;
    const [, closing, rawName, attrs, selfClosing] = match;
    const name = rawName.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (!open || open.tagName !== name || stack.length === 0) throw new Error(`</${name}> closes <${open?.tagName}> at ${next}`);
      continue;
    }
    const properties: Properties = {};
    for (const [, attrName, value] of attrs.matchAll(attribute)) {
      const key = propertyName(attrName);
      if (attrName === 'class') properties.className = (value ?? '').split(' ').filter(Boolean);
      else if (value === undefined) properties[key] = true;
      else properties[key] = NUMERIC.test(attrName) && /^-?\d+$/.test(value) ? Number(value) : decode(value);
    }
    const element: Element = { type: 'element', tagName: name, properties, children: [] };
    stack[stack.length - 1].children.push(element as ElementContent);
    if (!selfClosing && !VOID.has(name)) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].tagName}> not closed`);
  return root;
}
