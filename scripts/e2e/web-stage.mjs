// @ts-check
/**
 * A copy of the extension that VS Code can only run in its web worker extension host:
 * the files the VSIX ships, with `main` taken out of package.json (with both `main` and
 * `browser`, code-server's workbench would pick the Node host). The Node bundles
 * (`dist/extension.js`, `dist/cli.js`) are left out too, so nothing can fall back to them.
 * The web suite is built into this folder: the workbench runs tests in the host of the
 * extension whose folder holds them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** What the web extension needs besides `dist/web` and `dist/webview` (see .vscodeignore). */
const COPIED = ['package.nls.json', 'package.nls.nl.json', 'media', 'syntaxes', 'snippets', 'schemas', 'l10n'];

/**
 * @param {{ from: string, to: string }} options `from`: a built extension folder (the repository)
 * @returns {Promise<string>} the staged folder
 */
export async function stageWebExtension({ from, to }) {
  await fs.rm(to, { recursive: true, force: true });
  await fs.mkdir(path.join(to, 'dist'), { recursive: true });
  const manifest = JSON.parse(await fs.readFile(path.join(from, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error(`${from}/package.json has no "browser" entry`);
  delete manifest.main;
  await fs.writeFile(path.join(to, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const name of COPIED) await fs.cp(path.join(from, name), path.join(to, name), { recursive: true });
  for (const name of ['web', 'webview']) await fs.cp(path.join(from, 'dist', name), path.join(to, 'dist', name), { recursive: true });
  return to;
}
