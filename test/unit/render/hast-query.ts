/** Small queries over hast trees for renderer tests. */
import type { Element, Nodes } from 'hast';

/** Every element below `node` (depth first, document order) that matches. */
export function findAll(node: Nodes, match: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'element' && match(current)) found.push(current);
    if ('children' in current) for (const child of current.children) walk(child);
  };
  walk(node);
  return found;
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

export function byClass(node: Nodes, name: string): Element[] {
  return findAll(node, (e) => hasClass(e, name));
}

/** Plain text content of a node. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c)).join('');
  return '';
}
