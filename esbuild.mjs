// One build for the four programs: the extension for desktop VS Code (Node extension host),
// the same extension for vscode.dev and github.dev (web worker extension host), the command
// line (Node) and the preview (browser, inside a webview). Each is its own bundle, so the
// VSIX ships no node_modules and neither the webview nor the web extension loads Node code.
//
//   node esbuild.mjs            build once (minified when --production)
//   node esbuild.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { noNodeBuiltins } from './scripts/esbuild-no-node.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  // Non-ASCII text (the Dutch labels, Unicode regular expressions) as UTF-8, not \u escapes: 8 KB less in the web
  // extension. Node, worker and module scripts are all read as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
  define: { __BLUEPRINT_VERSION__: JSON.stringify(pkg.version) },
  // Prefer packages' ES modules: jsonc-parser's UMD build requires its parts at run time,
  // which a bundle cannot resolve.
  mainFields: ['module', 'main'],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...shared,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...shared,
    // The extension for the web worker extension host (vscode.dev, github.dev): no Node,
    // files only through `vscode.workspace.fs`. `worker` picks packages' DOM-free builds
    // (decode-named-character-reference's `browser` build needs `document`); a Node
    // built-in anywhere on this path fails the build instead of failing in the browser.
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    conditions: ['worker'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [noNodeBuiltins()],
  },
  {
    ...shared,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ES-module dependencies (tinyglobby's fdir) read `import.meta.url`, which a CommonJS
    // bundle lacks; give them this file's URL instead.
    define: { ...shared.define, 'import.meta.url': '__import_meta_url' },
    banner: { js: 'const __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  },
  {
    ...shared,
    // The preview: an ES module entry; Mermaid is split into its own chunk and only
    // loaded when the journey view is opened.
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'es2022',
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.css': 'text', '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  },
];

// Chunk names carry content hashes: clear old ones so the VSIX and size figures hold only this build.
if (!watch) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('watching…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
