/**
 * The web extension's size for `npm run bench`: the bundle vscode.dev and github.dev
 * download and start in a web worker (`dist/web/extension.js`, minified by the bench's
 * production build). Mermaid is not in it: only the preview's webview loads Mermaid, on
 * demand. Goal: at most 600 KB minified.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Goal from issue 14, in kilobytes (1000 bytes) of minified JavaScript. */
const WEB_BUNDLE_GOAL_KB = 600;

/** Print the web bundle's size against the goal. */
export function printWebBundleSize(): void {
  const bundle = join(process.cwd(), 'dist', 'web', 'extension.js');
  if (!existsSync(bundle)) {
    console.log('Web extension bundle: not built (run `npm run build -- --production`)');
    return;
  }
  const bytes = readFileSync(bundle);
  const code = bytes.toString('utf8');
  // `npm run bench` builds with --production first; a development build carries a source map link.
  const minified = !code.includes('//# sourceMappingURL=');
  const kb = bytes.length / 1000;
  const verdict = kb <= WEB_BUNDLE_GOAL_KB ? 'within' : 'OVER';
  console.log(`Web extension bundle (dist/web/extension.js${minified ? ', minified' : ', NOT minified'}): ${kb.toFixed(0)} KB (${(bytes.length / 1024).toFixed(0)} KiB; ${(gzipSync(bytes).length / 1000).toFixed(0)} KB gzip): ${verdict} the ${WEB_BUNDLE_GOAL_KB} KB goal`);
  // Mermaid's library announces itself in its error texts; the core only writes Mermaid source.
  console.log(`  Mermaid in it: ${/mermaid\.initialize|securityLevel/.test(code) ? 'YES (should load lazily in the webview)' : 'no (the webview loads it on demand)'}`);
}
