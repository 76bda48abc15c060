/**
 * First use and hostile names in a real editor (issue 9): "New Blueprint" from the palette
 * gives a `.blueprint.md` file, `- ` typed under a persona's description still completes,
 * "add persona" puts its line first, hovers and lenses speak the file's language, and a
 * rename that cannot be written safely is refused with a message and changes nothing.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, openFile, ruleIdOf, waitFor, workspaceFile, workspaceRoot } from '../helpers';

const DUTCH = `---
blueprint: Parkeervergunning
lang: nl
---

## Persona's

### Fatima
Werkt in de zorg, heeft een auto.
- kwetsbaar: ja
- gehoord: 2024-03-12, interview

## Klantreis

### Stap: Vraagt de vergunning aan
- persona: @fatima
- klant: vult het formulier in

### Stap: Betaalt
- klant: betaalt met iDEAL
- kanaal: web
`;

const uri = () => workspaceFile('first-use.blueprint.md');
const labelsOf = (list: vscode.CompletionList): string[] => list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));

function find(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

suite('first use', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(DUTCH));
  });

  test('New Blueprint from the palette opens <title>.blueprint.md, checked at once, and saves under that name', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('blueprint.newBlueprint', { title: 'Apply for a parking permit', lang: 'en' });
    assert.ok(document, 'the command returns the new document');
    assert.equal(document.uri.scheme, 'untitled');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'apply-for-a-parking-permit.blueprint.md');
    assert.equal(document.uri.path, target.path);
    // The template's persona has no heard: on purpose; the document is checked as a blueprint.
    await waitFor('persona-not-heard on the new document', () => vscode.languages.getDiagnostics(document.uri).some((d) => ruleIdOf(d) === 'persona-not-heard'), 20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    // A second one with the same title gets its own name.
    const second = await vscode.commands.executeCommand<vscode.TextDocument>('blueprint.newBlueprint', { title: 'Apply for a parking permit', lang: 'en' });
    assert.ok(second.uri.path.endsWith('/apply-for-a-parking-permit-2.blueprint.md'), second.uri.path);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Saving writes the named file, no Save As dialog, no Untitled-1.md.
    await vscode.window.showTextDocument(document);
    void vscode.commands.executeCommand('workbench.action.files.save');
    const saved = await waitFor('the saved file', () => Promise.resolve(vscode.workspace.fs.stat(target).then(() => true, () => false)), 20_000);
    assert.ok(saved);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('`- ` typed right under a persona\'s description offers the persona fields', async () => {
    const document = await openFile(uri());
    const line = find(document, 'Werkt in de zorg').line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line + 1, 0), '- \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line + 1, 2), ' ');
      const labels = labelsOf(list);
      assert.ok(labels.includes('behoeften') && labels.includes('leeftijd'), `labels: ${JSON.stringify(labels.slice(0, 20))}`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(line + 1, 0, line + 2, 0));
      await vscode.workspace.applyEdit(undo);
    }
  });

  test('add persona puts - persona: as the step\'s first line', async () => {
    const document = await openFile(uri());
    const stepLine = find(document, 'Stap: Betaalt').line;
    const diagnostic = await waitFor('step-without-persona on "Betaalt"',
      () => vscode.languages.getDiagnostics(document.uri).find((d) => ruleIdOf(d) === 'step-without-persona' && d.range.start.line === stepLine), 20_000,
      () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Voeg persona @fatima toe');
    assert.ok(fix?.edit, `titles: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /### Stap: Betaalt\n- persona: @fatima\n- klant: betaalt met iDEAL\n- kanaal: web\n/);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('hovers and code lenses speak the file\'s language, whatever the display language', async () => {
    const document = await openFile(uri());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, find(document, '@fatima', 2));
    assert.match(hoverText(hovers), /Kwetsbaar/);
    assert.doesNotMatch(hoverText(hovers), /Vulnerable/);
    const lenses = await waitFor('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
      return found.length > 0 && found;
    });
    const titles = lenses.map((lens) => lens.command?.title ?? '').join(' | ');
    assert.match(titles, /gebruikt in \d+ stap|gehoord/, titles);
    assert.doesNotMatch(titles, /used in|heard/, titles);
  });

  test('a rename that cannot be written is refused with a message and changes nothing', async () => {
    const document = await openFile(uri());
    const before = document.getText();
    // Refused with a warning and no edits: not Markdown's own heading rename as a fallback.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
      'vscode.executeDocumentRenameProvider', document.uri, find(document, '### Fatima', 5), 'Fatima 😀',
    );
    assert.ok(edit, 'an answer from the blueprint rename provider');
    assert.equal(edit.size, 0, `no edits; got ${JSON.stringify(edit.entries().map(([uri, edits]) => [uri.path, edits.map((e) => e.newText)]))}`);
    assert.equal(document.getText(), before);
    // A name that can be written is renamed as usual.
    const ok = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, find(document, '### Fatima', 5), 'Zoe\u0308');
    assert.ok(ok.size > 0, 'Zoë is renamed');
  });
});
