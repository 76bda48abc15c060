// @ts-check
/**
 * An esbuild plugin for bundles that run without Node (the web extension): any import of
 * a Node built-in (`node:fs`, `path`, `crypto`, …), from our code or a dependency, fails
 * the build with the importer named, instead of a polyfill-less bundle failing later in
 * vscode.dev. Packages that happen to share a built-in's name but are meant to be bundled
 * can be allowed by name.
 */
import { builtinModules } from 'node:module';

/**
 * @param {{ allow?: readonly string[] }} [options] allow: package names (e.g. `assert`, `util`)
 *   to take from node_modules although a built-in has the same name
 * @returns {import('esbuild').Plugin}
 */
export function noNodeBuiltins(options = {}) {
  const allowed = new Set(options.allow ?? []);
  const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        const bare = args.path.replace(/^node:/, '');
        const root = bare.split('/')[0] ?? bare;
        const isBuiltin = args.path.startsWith('node:') || builtins.has(bare) || builtins.has(root);
        if (!isBuiltin || allowed.has(root)) return undefined;
        return {
          errors: [{
            text: `Node built-in '${args.path}' imported on a path that runs without Node (imported by ${args.importer || 'the entry point'})`,
          }],
        };
      });
    },
  };
}
