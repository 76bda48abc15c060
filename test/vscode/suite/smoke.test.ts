/**
 * Smoke test: the extension is installed, activates on a blueprint file, and
 * publishes the diagnostics a fixture's inline `<!-- expect: ... -->` comments
 * ask for.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  describeDiagnostics,
  inlineExpectations,
  openFile,
  ruleIdOf,
  waitFor,
  workspaceFile,
} from '../helpers';
import { createBlueprintService } from '../../../src/core';
import { DIAGNOSTIC_SOURCE } from '../../../src/extension/convert';

suite('smoke', () => {
  test('the extension is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not installed in this window`);
  });

  test('it activates when a blueprint opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await openFile(workspaceFile('smoke.blueprint.md'));
    await waitFor('the extension to activate', () => extension.isActive);
  });

  test('diagnostics appear for a blueprint with gaps', async () => {
    const uri = workspaceFile('smoke.blueprint.md');
    const document = await openFile(uri);
    const expected = inlineExpectations(document.getText());
    assert.ok(expected.length > 0, 'the fixture must carry <!-- expect: ... --> comments');
    // Exactly these: every expected finding at its line, and nothing else.
    const want = expected.map(({ line, rule }) => `${line}:${rule}`).sort();
    const shown = () => vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${ruleIdOf(d)}`).sort();
    await waitFor(
      `diagnostics ${JSON.stringify(want)}`,
      () => JSON.stringify(shown()) === JSON.stringify(want),
      20_000,
      () => `published ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}; expected exactly ${JSON.stringify(want)}`,
    );
  });

  test('the examples get exactly the findings the engine computes for them (what the CLI reports)', async () => {
    const examples = await vscode.workspace.findFiles('examples/**/*.blueprint.md');
    assert.ok(examples.length > 0, 'the test workspace must contain the examples');
    const decoder = new TextDecoder();
    const read = async (uri: vscode.Uri): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(uri));
    const service = createBlueprintService({ readFile: (uri) => read(vscode.Uri.parse(uri)).catch(() => undefined) });
    for (const example of examples) service.setText(example.toString(), await read(example));
    await service.loadDependencies();
    const expected = (uri: vscode.Uri): string[] => service.diagnostics(uri.toString()).map((d) => `${d.range.start.line}:${d.rule}`).sort();
    assert.ok(examples.some((uri) => expected(uri).length > 0), 'the examples carry deliberate findings');
    const shown = (uri: vscode.Uri): string[] =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).map((d) => `${d.range.start.line}:${ruleIdOf(d)}`).sort();

    for (const example of examples) await openFile(example);
    await waitFor(
      'the engine\'s findings on every example, no more and no fewer',
      () => examples.every((uri) => JSON.stringify(shown(uri)) === JSON.stringify(expected(uri))),
      20_000,
      () => examples.map((uri) => `${vscode.workspace.asRelativePath(uri)}: shown ${shown(uri).join(' ')}; expected ${expected(uri).join(' ')}`).join('\n'),
    );
  });

  test('a plain Markdown file is not checked as a blueprint', async () => {
    // notes.md holds a journey step without a persona: a blueprint would get
    // `step-without-persona`. A blueprint with the same text, opened after it,
    // shows that the extension had its chance to (wrongly) check notes.md.
    const plain = workspaceFile('notes.md');
    const plainDocument = await openFile(plain);
    const twin = workspaceFile('notes-twin.blueprint.md');
    await vscode.workspace.fs.writeFile(twin, new TextEncoder().encode(plainDocument.getText()));
    try {
      await openFile(twin);
      await waitFor(
        'step-without-persona on the blueprint twin of notes.md',
        () => vscode.languages.getDiagnostics(twin).some((d) => ruleIdOf(d) === 'step-without-persona'),
        20_000,
        () => describeDiagnostics(vscode.languages.getDiagnostics(twin)),
      );
      assert.equal(
        vscode.languages.getDiagnostics(plain).filter((d) => ruleIdOf(d) === 'step-without-persona').length,
        0,
        'notes.md must get no blueprint diagnostics',
      );
    } finally {
      // Leave the workspace as the other suites expect it.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(twin);
    }
  });
});
