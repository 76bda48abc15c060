/**
 * The manifest and packaging rules, checked without building: what a
 * marketplace listing needs, the VS Code version code-server can load, and the
 * `.vscodeignore` allow-list keeping source, tests and dependencies out of the
 * VSIX. The built VSIX itself is listed and checked by `npm run test:e2e`
 * (scripts/e2e/vsix-contents.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Manifest {
  name: string;
  displayName?: string;
  description?: string;
  version: string;
  publisher?: string;
  license?: string;
  icon?: string;
  main?: string;
  browser?: string;
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string }; virtualWorkspaces?: boolean | { supported: boolean | string } };
  categories?: string[];
  keywords?: string[];
  repository?: { type: string; url: string };
  galleryBanner?: { color: string; theme: string };
  engines: { vscode: string };
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The marketplace's categories (vsce rejects others). */
const MARKETPLACE_CATEGORIES = new Set([
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages',
  'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization',
]);

/** `major.minor` of a version or range such as `^1.100.0`. */
function minorVersion(version: string): [number, number] {
  const match = /(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2])];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('marketplace manifest', () => {
  it('names and describes the extension', () => {
    expect(manifest.displayName).toBeTruthy();
    expect(manifest.description?.length ?? 0).toBeGreaterThan(30);
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has a 128x128 PNG icon', () => {
    expect(manifest.icon).toBe('media/icon.png');
    expect(pngSize(path.join(ROOT, manifest.icon ?? ''))).toEqual({ width: 128, height: 128 });
  });

  it('lists marketplace categories, keywords and a gallery banner', () => {
    expect(manifest.categories?.length ?? 0).toBeGreaterThan(0);
    for (const category of manifest.categories ?? []) expect(MARKETPLACE_CATEGORIES, category).toContain(category);
    // vsce refuses more than 30 keywords.
    expect(manifest.keywords?.length ?? 0).toBeGreaterThan(0);
    expect(manifest.keywords?.length ?? 0).toBeLessThanOrEqual(30);
    expect(manifest.galleryBanner?.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('has a repository, an MIT LICENSE and a CHANGELOG entry for this version', () => {
    expect(manifest.repository?.url).toMatch(/^https:\/\//);
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${manifest.version}]`);
  });

  it('names the project address once, in repository.url, and every link is built from it', () => {
    const raw = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const address = manifest.repository!.url.replace(/\.git$/, '');
    expect(raw.split(address).length - 1, 'occurrences in package.json').toBe(1);
    expect(raw).not.toMatch(/"homepage"|"bugs"/); // vsce derives both from the repository
    const host = address.replace(/^https:\/\//, '');
    const copies = ['src', 'webview', 'scripts'].flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .map((file) => path.join(folder, file))
        .filter((file) => /\.(ts|mjs|js)$/.test(file) && readFileSync(path.join(ROOT, file), 'utf8').includes(host)),
    );
    expect(copies, 'files that spell out the project address').toEqual([]);
  });

  it('asks for a VS Code that code-server 4.100.3 (VS Code 1.100) can load', () => {
    // An extension asking for a newer VS Code is silently not loaded there.
    const [major, minor] = minorVersion(manifest.engines.vscode);
    expect(major * 1000 + minor).toBeLessThanOrEqual(1100);
    const typesVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')) as { version: string };
    const [typesMajor, typesMinor] = minorVersion(typesVersion.version);
    expect(typesMajor * 1000 + typesMinor, '@types/vscode must not be newer than engines.vscode').toBeLessThanOrEqual(major * 1000 + minor);
  });

  it('packages the bundles without dependencies', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    // vscode.dev and github.dev run only the `browser` entry, in a web worker.
    expect(manifest.browser).toBe('./dist/web/extension.js');
    expect(manifest.scripts.package).toContain('vsce package --no-dependencies');
  });
});

describe('workspaces', () => {
  it('works in virtual workspaces (github.dev) and, as today, in untrusted ones', () => {
    expect(manifest.capabilities?.virtualWorkspaces).toBe(true);
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe(true);
  });
});

describe('.vscodeignore', () => {
  const lines = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  const ignores = lines.filter((line) => !line.startsWith('!'));
  const negations = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1));

  /** vsce's semantics: ignored when any pattern matches, unless any `!` pattern matches (order does not matter). */
  function shipped(file: string): boolean {
    const matches = (pattern: string) => picomatch.isMatch(file, pattern, { dot: true });
    return !ignores.some(matches) || negations.some(matches);
  }

  it('ships the bundles and the files the manifest points at', () => {
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'dist/webview/webview.js', 'dist/webview/chunks/mermaid-AB12.js', 'package.nls.json', 'package.nls.nl.json']) {
      expect(shipped(file), file).toBe(true);
    }
  });

  it('keeps source, tests, dependencies, source maps and tooling out', () => {
    for (const file of ['src/extension/extension.ts', 'src/core/model.ts', 'test/unit/package.test.ts', 'test/vscode/index.ts', 'out/test/vscode/index.js', 'node_modules/yaml/index.js', 'dist/extension.js.map', 'dist/webview/chunks/mermaid-AB12.js.map', 'webview/main.ts', 'scripts/e2e/run.mjs', '.e2e/code-server-4.100.3/package.json', 'tsconfig.json', 'esbuild.mjs', 'service-blueprints-0.1.0.vsix', 'test-results/e2e/problems.png']) {
      expect(shipped(file), file).toBe(false);
    }
  });
});
