// @ts-check
/**
 * Lint: the architecture's import boundaries, which comments alone used to hold, plus a
 * few correctness rules. Deliberately modest: it runs in `npm test` and must stay fast
 * and quiet on code that is fine. Boundaries (see docs/architecture in README.md):
 *
 * - `src/core` imports no `vscode`, no Node built-in, nothing of the hosts or the webview.
 * - `webview/` imports nothing from `src/` but the shared protocol `src/shared/messages`,
 *   and no Node built-in or `vscode`.
 * - `src/cli` and `src/action` import nothing from `src/extension` or `webview/`, and no `vscode`.
 * - `src/extension` and `webview/` meet only in `src/shared/messages.ts`.
 * - `src/extension`, `src/cli` and `bench/` enter the core only through `src/core/index.ts`.
 *
 * `test/` may reach into modules directly (unit tests), so only the general rules apply there.
 * Sizes: shipped files stay under 400 lines and functions under 60 (or say why).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `fs`, `fs/promises`, `node:fs`, ...: every spelling of a Node built-in (exact names, so `./util` is not `util`). */
const NODE_BUILTINS = `^(node:.*|${builtinModules.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`;

const noNode = { regex: NODE_BUILTINS, message: 'Node built-ins are not available here (the core and the webview also run in browsers).' };
const noVscode = { regex: '^vscode$', message: '`vscode` belongs in src/extension only.' };
/** Any path into the core other than its index (`../core`, `../../src/core/index`). */
const deepCore = { regex: '(^|/)core/(?!index$).+', message: 'Import the core through src/core/index.ts (createBlueprintService and the exports beside it).' };
const noExtension = { regex: '(^|/)extension(/|$)', message: 'Nothing outside src/extension may import it.' };
const noWebview = { regex: '(^|/)webview(/|$)', message: 'The webview is its own bundle; share types through src/shared/messages.ts.' };
const noCli = { regex: '(^|/)cli(/|$)', message: 'The CLI is a host of the core, not a library.' };

/** `no-restricted-imports` with these patterns (type-only imports count too). */
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.tmp/**', 'coverage/**', 'test-results/**', '.scratch/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.base],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Correctness, from eslint:recommended and typescript-eslint's recommended set.
      ...pick(js.configs.recommended.rules, [
        'no-cond-assign', 'no-constant-binary-expression', 'no-debugger', 'no-dupe-else-if', 'no-dupe-keys',
        'no-duplicate-case', 'no-fallthrough', 'no-self-assign', 'no-sparse-arrays',
        'no-unreachable', 'no-unsafe-finally', 'no-unsafe-negation', 'use-isnan', 'valid-typeof',
      ]),
      'no-self-compare': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-duplicate-enum-values': 'error',
      '@typescript-eslint/no-misused-new': 'error',
      '@typescript-eslint/no-non-null-asserted-optional-chain': 'error',
      '@typescript-eslint/no-unsafe-declaration-merging': 'error',
    },
  },
  { files: ['src/core/**/*.ts'], rules: restrict(noVscode, noNode, noExtension, noWebview, noCli, { regex: '(^|/)shared(/|$)', message: 'The core knows no host protocol.' }) },
  { files: ['src/shared/**/*.ts'], rules: restrict(noVscode, noNode, noExtension, noWebview, noCli, deepCore) },
  { files: ['webview/**/*.ts'], rules: restrict(noVscode, noNode, { regex: '(^|/)src/(?!shared/messages$)', message: 'The webview meets the rest only in src/shared/messages.ts.' }) },
  { files: ['src/cli/**/*.ts', 'src/action/**/*.ts'], rules: restrict(noVscode, noExtension, noWebview, deepCore) },
  { files: ['src/extension/**/*.ts'], rules: restrict(noCli, noWebview, deepCore) },
  { files: ['bench/**/*.ts'], rules: restrict(noExtension, noWebview, deepCore) },
  // Module-level caches keyed by identity go through src/core/identity-cache.ts, so each is
  // named and listed (docs/performance.md); a hidden one is how stale results creep in.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/identity-cache.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...['Program > VariableDeclaration', 'Program > ExportNamedDeclaration > VariableDeclaration'].map((at) => ({
        selector: `${at} NewExpression[callee.name=/^Weak(Map|Set)$/]`,
        message: 'Make a module-level identity cache with identityCache() from src/core/identity-cache.ts, and list it in docs/performance.md.',
      }))],
    },
  },
  // Size, in the shipped code: no file over 400 lines, no function over 60. Where a longer
  // one reads better, say why: `// eslint-disable-next-line max-lines-per-function -- <why>`.
  { files: ['src/**/*.ts', 'webview/**/*.ts'], rules: { 'max-lines': ['error', { max: 400 }], 'max-lines-per-function': ['error', { max: 60 }] } },
);

/** The named rules of a rule set, as configured there. */
function pick(rules, names) {
  return Object.fromEntries(names.map((name) => {
    if (!(name in rules)) throw new Error(`eslint.config.mjs: no rule ${name} in the recommended set`);
    return [name, rules[name]];
  }));
}
