/**
 * The import boundaries in eslint.config.mjs really fail: snippets linted with the
 * project's own configuration as if they lived at the given paths (the files need not
 * exist). A boundary that silently stopped matching would pass every real file too, so
 * each rule is shown firing here, and the allowed neighbour shown passing.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids reported for `code` linted as the file at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('import boundaries (eslint.config.mjs)', () => {
  it.each([
    ['src/core/parse/x.ts', "import * as vscode from 'vscode';"],
    ['src/core/parse/x.ts', "import type { TextDocument } from 'vscode';"],
    ['src/core/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/core/x.ts', "import path from 'path';"],
    ['src/core/x.ts', "import { readFileSync } from 'fs';"],
    ['src/core/x.ts', "import type { PreviewViewState } from '../shared/messages';"],
    ['src/core/x.ts', "import { BlueprintSession } from '../extension/session';"],
    ['webview/x.ts', "import { BlueprintSession } from '../src/extension/session';"],
    ['webview/x.ts', "import { createBlueprintService } from '../src/core';"],
    ['webview/x.ts', "import type { GridPatch } from '../src/core/render/patch';"],
    ['webview/x.ts', "import { readFileSync } from 'node:fs';"],
    ['webview/x.ts', "import * as vscode from 'vscode';"],
    ['src/cli/x.ts', "import { BlueprintSession } from '../extension/session';"],
    ['src/cli/x.ts', "import { parseBlueprint } from '../core/parse/parser';"],
    ['src/extension/x.ts', "import { BlueprintRenderer } from '../core/render/grid';"],
    ['src/extension/preview/x.ts', "import { applyGridPatch } from '../../../webview/grid-patch';"],
    ['src/extension/x.ts', "import { runCheck } from '../cli/check/run';"],
    ['bench/x.ts', "import { BlueprintWorkspace } from '../src/core/workspace';"],
  ])('%s: %s fails', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([RESTRICTED]);
  });

  it.each([
    ['src/core/x.ts', "import { fieldSpec } from './vocabulary';\nimport { allItems } from './model';"],
    ['webview/x.ts', "import type { GridPatch, ToWebviewMessage } from '../src/shared/messages';"],
    ['src/extension/x.ts', "import * as vscode from 'vscode';\nimport { createBlueprintService } from '../core';\nimport type { RenderedMessage } from '../shared/messages';"],
    ['src/extension/preview/x.ts', "import { GRID_CSS } from '../../core/index';"],
    ['src/cli/x.ts', "import { readFile } from 'node:fs/promises';\nimport { createBlueprintService } from '../core';"],
    ['bench/x.ts', "import { createBlueprintService } from '../src/core';"],
    // Unit tests may reach into modules.
    ['test/unit/x.test.ts', "import { BlueprintWorkspace } from '../../src/core/workspace/workspace';"],
  ])('%s: %s passes', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });

  it.each([
    ['src/core/parse/x.ts', 'const seen = new WeakMap<object, number>();\nexport const size = (o: object) => seen.get(o);'],
    ['src/core/x.ts', 'export const marks = new WeakSet<object>();'],
  ])('%s: a hidden module-level identity cache fails', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual(['no-restricted-syntax']);
  });

  it('allows identity caches made by identityCache() and per-instance WeakMaps', async () => {
    const code = [
      "import { identityCache } from '../identity-cache';",
      "const seen = identityCache<object, number>({ name: 'seen', module: 'parse/x.ts', holds: 'a count' });",
      'export class Runner { private readonly clean = new WeakMap<object, boolean>(); has(o: object) { return seen.has(o) || this.clean.has(o); } }',
    ].join('\n');
    expect(await ruleIds('src/core/parse/x.ts', code)).toEqual([]);
  });

  it('reports `any`', async () => {
    expect(await ruleIds('src/core/x.ts', 'export const x: any = 1;')).toEqual(['@typescript-eslint/no-explicit-any']);
  });
});

describe('sizes (eslint.config.mjs)', () => {
  const body = (lines: number): string => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n');

  it('fails a function over 60 lines in shipped code, and passes one of 60', async () => {
    expect(await ruleIds('src/core/x.ts', `export function f(): void {\n${body(58)}\n}\n`)).toEqual([]);
    expect(await ruleIds('src/core/x.ts', `export function f(): void {\n${body(59)}\n}\n`)).toEqual(['max-lines-per-function']);
  });

  it('accepts a longer function whose comment says why', async () => {
    const code = `// eslint-disable-next-line max-lines-per-function -- one flat table reads best\nexport function f(): void {\n${body(80)}\n}\n`;
    expect(await ruleIds('webview/x.ts', code)).toEqual([]);
  });

  it('fails a file over 400 lines', async () => {
    const code = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect(await ruleIds('src/cli/x.ts', code)).toEqual(['max-lines']);
  });
});
