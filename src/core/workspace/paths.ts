/**
 * Paths written in blueprints (`personas:` files, link targets) resolved to URIs, with a
 * bounded cache: the same few paths are resolved for every check of a file.
 */
import { URI, Utils } from 'vscode-uri';
import { wellFormed } from './file-problems';

export class PathResolver {
  private readonly resolved = new Map<string, string>();

  resolvePath(fromUri: string, path: string): string {
    const key = fromUri + '\u0000' + path;
    let resolved = this.resolved.get(key);
    if (resolved === undefined) {
      // Paths are few and fixed per file; the bound only guards against a pathological workspace.
      if (this.resolved.size > 10_000) this.resolved.clear();
      resolved = computePath(fromUri, path);
      this.resolved.set(key, resolved);
    }
    return resolved;
  }
}

/**
 * Decoded once (`%2e%2e/` is `../`), then resolved with `.` and `..` applied, so the
 * result can be checked against the project's roots. Lone surrogates, which no URI can
 * hold, become U+FFFD.
 */
function computePath(fromUri: string, path: string): string {
  const clean = wellFormed(path.split('#')[0].trim());
  let decoded = clean;
  try {
    decoded = wellFormed(decodeURI(clean));
  } catch {
    // keep as written
  }
  const base = URI.parse(fromUri);
  if (decoded.startsWith('/')) return Utils.resolvePath(base.with({ path: '/' }), decoded).toString();
  return Utils.joinPath(Utils.dirname(base), decoded).toString();
}
