/**
 * The extension's web build (vscode.dev, github.dev): the esbuild plugin that fails the
 * build on a Node built-in, and the built bundle itself (`npm test` builds first).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { noNodeBuiltins } from '../../scripts/esbuild-no-node.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside the repository, so the entries resolve its node_modules.
mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const folder = mkdtempSync(path.join(ROOT, '.tmp', 'web-build-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Builds `source` for the browser with the plugin; the error texts, or [] when it built. */
async function buildErrors(source: string, allow?: string[]): Promise<string[]> {
  const entry = path.join(folder, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  try {
    await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', logLevel: 'silent', plugins: [noNodeBuiltins({ allow })] });
    return [];
  } catch (error) {
    return (error as esbuild.BuildFailure).errors.map((message) => message.text);
  }
}

describe('the no-Node-built-ins build plugin', () => {
  it('fails on node: imports and bare built-in names, naming the importer', async () => {
    const errors = await buildErrors(`import { readFileSync } from 'fs';\nimport { join } from 'node:path';\nimport { promises } from 'node:fs/promises';\nconsole.log(readFileSync, join, promises);\n`);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/Node built-in 'fs' imported .*entry-/);
    expect(errors.join('\n')).toContain("'node:path'");
  });

  it('lets plain packages through, and a package named like a built-in when allowed', async () => {
    expect(await buildErrors(`import { URI } from 'vscode-uri';\nconsole.log(URI);\n`)).toEqual([]);
    const usesAssert = `import assert from 'assert';\nconsole.log(assert);\n`;
    expect(await buildErrors(usesAssert)).toHaveLength(1);
    expect(await buildErrors(usesAssert, ['assert', 'util'])).toEqual([]);
  });
});

describe('the web extension bundle', () => {
  const bundle = path.join(ROOT, 'dist', 'web', 'extension.js');

  it('is built beside the Node bundle and requires nothing but vscode', () => {
    expect(existsSync(bundle), 'run `npm run build` first').toBe(true);
    const code = readFileSync(bundle, 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]));
    expect([...required]).toEqual(['vscode']);
    const builtins = builtinModules.filter((name) => !name.startsWith('_'));
    for (const name of builtins) expect(code, name).not.toMatch(new RegExp(`from\\s*["'](node:)?${name}["']`));
  });
});
