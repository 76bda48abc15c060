import type { Plugin } from 'esbuild';

/** Fails the build on any import of a Node built-in, except packages named in `allow`. */
export function noNodeBuiltins(options?: { allow?: readonly string[] }): Plugin;
