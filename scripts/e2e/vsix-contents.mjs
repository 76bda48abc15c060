// @ts-check
/**
 * What the VSIX must and must not hold. esbuild bundles everything, so the
 * package is the four bundles plus the files the manifest points at; source,
 * tests, dependencies and development files must stay out.
 */
import yauzl from 'yauzl';

/** Paths inside the VSIX (vsce puts the extension under `extension/`). */
export const REQUIRED_ENTRIES = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/web/extension.js',
  'extension/dist/cli.js',
  'extension/dist/webview/webview.js',
  'extension/media/icon.png',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
];

/** Patterns no entry may match, each with the reason it would be wrong. */
export const FORBIDDEN_ENTRIES = [
  { pattern: /(^|\/)node_modules\//, reason: 'dependencies are bundled by esbuild (--no-dependencies)' },
  { pattern: /^extension\/(src|test|out|scripts|bench|webview|\.e2e|\.ci|\.vscode-test|test-results)\//, reason: 'source, tests and tooling are not shipped' },
  { pattern: /\.tsx?$/, reason: 'TypeScript source is not shipped' },
  { pattern: /\.map$/, reason: 'the packaged build is minified without source maps' },
  { pattern: /\.vsix$/, reason: 'an older package inside the package' },
  { pattern: /^extension\/(tsconfig[^/]*\.json|esbuild\.mjs|vitest\.config\.[cm]?[jt]s|package-lock\.json|\.vscodeignore|\.gitignore)$/, reason: 'build configuration is not shipped' },
];

/**
 * Lists the entry names of a VSIX (a zip file).
 * @param {string} file
 * @returns {Promise<string[]>}
 */
export function listVsix(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`cannot open ${file}`));
      /** @type {string[]} */
      const names = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Problems with a VSIX's entry list; empty when it is right.
 * @param {string[]} entries
 * @returns {string[]}
 */
export function vsixProblems(entries) {
  const problems = REQUIRED_ENTRIES.filter((required) => !entries.includes(required)).map((missing) => `missing ${missing}`);
  for (const entry of entries) {
    const forbidden = FORBIDDEN_ENTRIES.find(({ pattern }) => pattern.test(entry));
    if (forbidden) problems.push(`${entry} must not be shipped: ${forbidden.reason}`);
  }
  return problems;
}
