/**
 * Which links from the preview may be followed, and where to: pure, so the allow-list is
 * tested without VS Code. Web and mail links open outside VS Code; `#anchor` and relative
 * file links open in the editor; every other scheme is refused.
 */
import { allItems, type BlueprintDocument } from '../../core';

/** Schemes opened with `env.openExternal`. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** How a link from the preview is handled. */
export type LinkTarget =
  | { kind: 'external'; uri: string }
  | { kind: 'anchor'; fragment: string }
  | { kind: 'file'; path: string; fragment?: string }
  | { kind: 'refused' };

/** A scheme at the start of a link (`javascript:`), in any case. */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * Classify an href. Pure, so the allow-list is tested without VS Code. A file path is
 * decoded once and checked after decoding, so `%2F%2Fevil/x` is refused like `//evil/x`;
 * whatever is accepted can be made into a URI without throwing.
 */
export function classifyLink(href: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return { kind: 'anchor', fragment: decodeFragment(trimmed.slice(1)) };
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme) return EXTERNAL_SCHEMES.includes(scheme) && isWellFormed(trimmed) ? { kind: 'external', uri: trimmed } : { kind: 'refused' };
  const hash = trimmed.indexOf('#');
  const path = safeDecode(hash < 0 ? trimmed : trimmed.slice(0, hash));
  const fragment = hash < 0 ? undefined : decodeFragment(trimmed.slice(hash + 1));
  // Protocol-relative (`//host`, also `\\host` or percent-encoded) would leave the workspace
  // for an unknown host; a decoded scheme or a control character is no file name.
  if (path === '' || /^[\\/]{2}/.test(path) || SCHEME.test(path) || /[\u0000-\u001f\u007f]/.test(path) || !isWellFormed(path)) {
    return { kind: 'refused' };
  }
  return { kind: 'file', path: path.replace(/\\/g, '/'), fragment };
}

/** False for text with lone surrogates, which no URI can encode. */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
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
  return allItems(doc).find((item) => item.id === slug)?.headingRange.start.line;
}

