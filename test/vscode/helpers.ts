/**
 * Helpers shared by the in-editor tests (bundled into each test file).
 * Everything waits on a condition with a deadline, never on a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import { expectedFromText } from '../unit/helpers/inline-expectations';

/** `publisher.name` from the manifest, so a rename cannot silently skip tests. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** The workspace folder the runner opened (a throw-away copy of test/vscode/workspace + examples). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open a workspace folder');
  return folder.uri;
}

/** A file of the test workspace by relative path, e.g. `smoke.blueprint.md` or `examples/x.blueprint.md`. */
export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/**
 * Polls `probe` until it returns something other than `undefined`/`false`.
 * Fails with `description` and the last seen state after `timeoutMs`.
 */
export async function waitFor<T>(
  description: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  describeState: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const state = describeState();
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${description}${state ? `; last state: ${state}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a file in an editor and returns its document. */
export async function openFile(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** A diagnostic's rule id, whether `code` is a plain value or `{ value, target }`. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

/** One expected diagnostic from an inline `<!-- expect: rule-a, rule-b -->` comment. */
export interface Expectation {
  /** 0-based line where the diagnostic starts. */
  line: number;
  rule: string;
}

/** Reads the inline expectations of a fixture, with VS Code's 0-based lines. */
export function inlineExpectations(text: string): Expectation[] {
  return expectedFromText(text).map(({ line, rule }) => ({ line: line - 1, rule }));
}

/** Compact text for failure messages: `line:rule` of each diagnostic. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => `${d.range.start.line}:${ruleIdOf(d) ?? '?'}`));
}
