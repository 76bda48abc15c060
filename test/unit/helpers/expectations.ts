/**
 * Inline expectations for blueprint fixtures. A fixture is an ordinary blueprint file in
 * which the line where a diagnostic starts ends with `<!-- expect: rule-id -->` (several
 * ids separated by commas). `runFixture` analyses a set of files in a workspace over an
 * in-memory host and returns expected and actual findings, so a test can compare them
 * exactly: every finding must be expected and every expectation found.
 *
 * Lines are 1-based, as in editors and CLI output, to keep failure messages readable.
 */
import { URI } from 'vscode-uri';
import { BlueprintWorkspace, type FileHost } from '../../../src/core/workspace';
import type { BlueprintConfig } from '../../../src/core/config';
import type { Diagnostic } from '../../../src/core/model';
import { expectedFromText, type ExpectedFinding } from './inline-expectations';

export { expectedFromText, type ExpectedFinding };

export interface Finding extends ExpectedFinding {
  /** Path as given to `runFixture`. */
  file: string;
}

/** The URI a fixture path gets: absolute paths as they are, relative ones under `/fixture`. */
export function fixtureUri(path: string): string {
  return URI.file(path.startsWith('/') ? path : `/fixture/${path}`).toString();
}

/** A host that serves the given files (path -> text) and reports every other file as missing. */
export function memoryHost(files: Record<string, string>, uriOf: (path: string) => string = fixtureUri): FileHost {
  const byUri = new Map(Object.entries(files).map(([path, text]) => [uriOf(path), text]));
  return { readFile: async (uri: string) => byUri.get(uri) };
}

export interface FixtureOptions {
  /** Paths opened in the workspace; the others are only reachable through the host (default: all). */
  open?: string[];
  config?: BlueprintConfig;
}

export interface FixtureResult {
  expected: Finding[];
  actual: Finding[];
  /** Diagnostics per opened path. */
  diagnostics: Record<string, Diagnostic[]>;
  workspace: BlueprintWorkspace;
}

const byPosition = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);

/**
 * Analyse `files` (path → text) together and collect expected and actual findings of the
 * opened files, both sorted, for an exact comparison.
 */
export async function runFixture(files: Record<string, string>, options: FixtureOptions = {}): Promise<FixtureResult> {
  const workspace = new BlueprintWorkspace(memoryHost(files), options.config ? { config: options.config } : undefined);
  const open = options.open ?? Object.keys(files);
  for (const path of open) workspace.setText(fixtureUri(path), files[path]);
  await workspace.loadDependencies();

  const expected: Finding[] = [];
  const actual: Finding[] = [];
  const diagnostics: Record<string, Diagnostic[]> = {};
  for (const path of open) {
    for (const e of expectedFromText(files[path])) expected.push({ file: path, ...e });
    diagnostics[path] = workspace.diagnostics(fixtureUri(path));
    for (const d of diagnostics[path]) actual.push({ file: path, line: d.range.start.line + 1, rule: d.rule });
  }
  return { expected: expected.sort(byPosition), actual: actual.sort(byPosition), diagnostics, workspace };
}
