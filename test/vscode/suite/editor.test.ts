/**
 * The editor features in a real extension host: diagnostics as you type, a quick fix,
 * completion, go to definition and rename across two files. Everything goes through the
 * `vscode` API and `vscode.execute*Provider` commands, as a user's editor would.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFile, ruleIdOf, waitFor, workspaceFile } from '../helpers';

const PERSONAS = `---
blueprint: Editor test personas
---

## Personas

### Maria
Single mother of two.
- heard: 2024-03-12, interview at home
- vulnerable: yes

### Ahmed
Retired.
- heard: 2024-04-16
`;

const JOURNEY = `---
blueprint: Editor test journey
personas: editor-personas.blueprint.md
---

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter

### Step: Calls the office
- customer: phones the office

### Step: Fills in the form
- persona: @ahmed
- customer: fills in the form
`;

const encoder = new TextEncoder();
const personasUri = () => workspaceFile('editor-personas.blueprint.md');
const journeyUri = () => workspaceFile('editor-journey.blueprint.md');

/** Position of the first `needle` in a document, `offset` characters into it. */
function find(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

function diagnosticsOf(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => ruleIdOf(diagnostic) === rule);
}

suite('editor features', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(personasUri(), encoder.encode(PERSONAS));
    await vscode.workspace.fs.writeFile(journeyUri(), encoder.encode(JOURNEY));
  });

  test('diagnostics appear for an opened example and follow an edit', async () => {
    const uri = workspaceFile('examples/apply-for-housing-benefit.blueprint.md');
    const document = await openFile(uri);
    // Start from the file as on disk, whatever an earlier suite typed into it.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('diagnostics on the example', () => vscode.languages.getDiagnostics(uri).length > 0, 20_000);
    // The example's last stage is empty on purpose.
    await waitFor('empty-stage on the example', () => diagnosticsOf(uri, 'empty-stage').length === 1, 20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)));

    // Type a step into that stage, naming a persona nobody defined.
    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(uri, end, '\n\n#### Step: Added by the editor test\n- persona: @nobody-known\n- customer: waits\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const addedLine = find(document, '@nobody-known').line;
    const added = await waitFor(
      'unknown-persona on the added step, and empty-stage gone',
      () => diagnosticsOf(uri, 'empty-stage').length === 0 && diagnosticsOf(uri, 'unknown-persona').find((d) => d.range.start.line === addedLine),
      20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
    );
    const code = added.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unknown-persona');
    assert.match(code.target.toString(), /docs\/rules\/unknown-persona\.md$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a quick fix from executeCodeActionProvider removes its diagnostic', async () => {
    const uri = journeyUri();
    const document = await openFile(uri);
    const stepLine = find(document, 'Calls the office').line;
    const diagnostic = await waitFor(
      'step-without-persona on "Calls the office"',
      () => diagnosticsOf(uri, 'step-without-persona').find((d) => d.range.start.line === stepLine),
      20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
    );
    const addPersona = actions.find((action) => action.edit && /maria|ahmed/i.test(action.title) && action.kind?.value === 'quickfix');
    assert.ok(addPersona?.edit, `an "add persona" fix; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(addPersona.edit));
    await waitFor(
      'the step-without-persona diagnostic to go',
      () => !diagnosticsOf(uri, 'step-without-persona').some((d) => d.range.start.line === stepLine),
      20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
    );
    assert.match(document.getText(), /### Step: Calls the office\n- persona: @(maria|ahmed)\n- customer: phones the office\n/);
  });

  test('completion after @ lists the personas of the shared file', async () => {
    const uri = journeyUri();
    const document = await openFile(uri);
    const edit = new vscode.WorkspaceEdit();
    const line = find(document, '- customer: reads the letter').line;
    edit.insert(uri, new vscode.Position(line + 1, 0), '- pain: hard for @\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = find(document, 'hard for @', 'hard for @'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '@');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('@maria') && labels.includes('@ahmed'), `labels: ${JSON.stringify(labels.slice(0, 20))}`);
  });

  test('typing `- ` in a step offers its lanes', async () => {
    const uri = journeyUri();
    const document = await openFile(uri);
    const edit = new vscode.WorkspaceEdit();
    const line = find(document, '- customer: reads the letter').line;
    edit.insert(uri, new vscode.Position(line + 1, 0), '- \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line + 1, 2), ' ');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('frontstage') && labels.includes('backstage'), `labels: ${JSON.stringify(labels.slice(0, 20))}`);
  });

  test('go to definition jumps from @maria to the personas file', async () => {
    const document = await openFile(journeyUri());
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider', document.uri, find(document, '@maria', 2),
    );
    const [first] = locations;
    assert.ok(first, 'a definition');
    const targetUri = 'targetUri' in first ? first.targetUri : first.uri;
    const targetRange = 'targetRange' in first ? first.targetRange : first.range;
    assert.equal(targetUri.toString(), personasUri().toString());
    const personas = await vscode.workspace.openTextDocument(personasUri());
    assert.equal(personas.lineAt(targetRange.start.line).text, '### Maria');
  });

  test('rename of a persona updates its heading and the references in the other file', async () => {
    const personas = await openFile(personasUri());
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider', personas.uri, find(personas, '### Ahmed', 5), 'Ahmed Benali',
    );
    assert.ok(edit, 'a rename edit');
    const files = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepEqual(files, [journeyUri().toString(), personasUri().toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    const journey = await vscode.workspace.openTextDocument(journeyUri());
    assert.match(personas.getText(), /^### Ahmed Benali$/m);
    assert.match(journey.getText(), /- persona: @ahmed-benali\n/);
    assert.doesNotMatch(journey.getText(), /@ahmed\b(?!-)/);
    // The renamed reference resolves to the renamed heading.
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider', journey.uri, find(journey, '@ahmed-benali', 3),
    );
    assert.equal(locations[0] && personas.lineAt(locations[0].range.start.line).text, '### Ahmed Benali');
  });
});
