/**
 * Which links from the preview may be followed, and where to: pure, so the allow-list is
 * tested without VS Code. Web and mail links open outside VS Code; `#anchor` and relative
 * file links open in the editor; every other scheme is refused.
 */
import type { BlueprintDocument, Item } from '../../core';

/** Schemes opened with `env.openExternal`. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** How a link from the preview is handled. */
export type LinkTarget =
  | { kind: 'external'; uri: string }
  | { kind: 'anchor'; fragment: string }
  | { kind: 'file'; path: string; fragment?: string }
  | { kind: 'refused' };

/** Classify an href. Pure, so the allow-list is tested without VS Code. */
export function classifyLink(href: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return { kind: 'anchor', fragment: decodeFragment(trimmed.slice(1)) };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme) return EXTERNAL_SCHEMES.includes(scheme) ? { kind: 'external', uri: trimmed } : { kind: 'refused' };
  // Protocol-relative URLs would leave the workspace for an unknown host.
  if (trimmed.startsWith('//') || trimmed === '') return { kind: 'refused' };
  const hash = trimmed.indexOf('#');
  const path = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash < 0 ? undefined : decodeFragment(trimmed.slice(hash + 1));
  return { kind: 'file', path: safeDecode(path), fragment };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeFragment(fragment: string): string {
  return safeDecode(fragment).toLowerCase();
}

/** The heading line of the item with this slug, if the document has one. */
export function anchorLine(doc: BlueprintDocument | undefined, slug: string): number | undefined {
  if (!doc) return undefined;
  const items: Item[] = [...doc.personas, ...doc.stories, ...doc.stages, ...doc.steps];
  return items.find((item) => item.id === slug)?.headingRange.start.line;
}

