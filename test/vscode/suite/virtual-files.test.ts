/**
 * Files the way github.dev serves them (`vscode-vfs:`, here an in-memory file system
 * registered by the test) and untitled documents: the extension reads personas files,
 * answers editor features, previews (the journey diagram too) and exports through `vscode.workspace.fs` on any
 * scheme. Runs in both hosts: `npm run test:e2e` (Node) and `npm run test:web` (worker).
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../../src/shared/messages';
import { describeDiagnostics, openFile, ruleIdOf, waitFor } from '../helpers';
import { MemFs } from '../memfs';

const ROOT = vscode.Uri.parse('vscode-vfs://github/blueprints-as-code/demo/blueprints');
const personasUri = vscode.Uri.joinPath(ROOT, 'personen.blueprint.md');
const journeyUri = vscode.Uri.joinPath(ROOT, 'parkeervergunning.blueprint.md');

const PERSONAS = `---
blueprint: Inwoners
lang: nl
---

## Persona's

### Maria
Alleenstaande moeder.
- gehoord: 2024-03-12, interview thuis
`;

const JOURNEY = `---
blueprint: Parkeervergunning aanvragen
lang: nl
personas: personen.blueprint.md
---

## Klantreis

### Fase: Aanvragen

#### Stap: Vult het formulier in
- persona: @maria
- klant: vult het formulier in

#### Stap: Belt de gemeente
- klant: belt het klantcontactcentrum

#### Stap: Krijgt het besluit
- persona: @niemand
- klant: leest de brief
`;

const encoder = new TextEncoder();

function lineOf(document: vscode.TextDocument, needle: string): number {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in ${document.uri.toString()}`);
  return document.positionAt(at).line;
}

function rulesOn(uri: vscode.Uri, line: number): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === line).map((d) => ruleIdOf(d) ?? '?');
}

suite('virtual files (github.dev) and untitled documents', () => {
  let registration: vscode.Disposable | undefined;

  suiteSetup(async () => {
    registration = vscode.workspace.registerFileSystemProvider('vscode-vfs', new MemFs(), { isCaseSensitive: true });
    await vscode.workspace.fs.writeFile(personasUri, encoder.encode(PERSONAS));
    await vscode.workspace.fs.writeFile(journeyUri, encoder.encode(JOURNEY));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    registration?.dispose();
  });

  test('a vscode-vfs blueprint is checked against its personas file on vscode-vfs', async () => {
    const document = await openFile(journeyUri);
    const [maria, calls, nobody] = [lineOf(document, '@maria'), lineOf(document, 'Belt de gemeente'), lineOf(document, '@niemand')];
    await waitFor('step-without-persona and unknown-persona where the journey has them', () =>
      rulesOn(journeyUri, calls).includes('step-without-persona') && rulesOn(journeyUri, nobody).includes('unknown-persona'),
    20_000, () => describeDiagnostics(vscode.languages.getDiagnostics(journeyUri)));
    // @maria is defined in the personas file, which only the editor's file system can read.
    assert.deepEqual(rulesOn(journeyUri, maria), []);
    assert.ok(!vscode.languages.getDiagnostics(journeyUri).some((d) => ruleIdOf(d) === 'unresolved-file'));
  });

  test('hover, definition, outline and code lenses answer on vscode-vfs', async () => {
    const document = await openFile(journeyUri);
    const at = document.positionAt(document.getText().indexOf('@maria') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', journeyUri, at);
    const hoverText = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.match(hoverText, /Maria/);

    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', journeyUri, at);
    const first = definitions[0];
    assert.ok(first, 'a definition of @maria');
    assert.equal(('targetUri' in first ? first.targetUri : first.uri).toString(), personasUri.toString());

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', journeyUri);
    const flatten = (list: readonly vscode.DocumentSymbol[]): string[] => list.flatMap((symbol) => [symbol.name, ...flatten(symbol.children ?? [])]);
    const names = flatten(symbols);
    assert.ok(names.some((name) => name.includes('Vult het formulier in')) && names.some((name) => name.includes('Aanvragen')), `outline: ${JSON.stringify(names)}`);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', journeyUri, 10);
    assert.ok(lenses.some((lens) => (lens.command?.title ?? '').length > 0), `code lenses: ${JSON.stringify(lenses.map((lens) => lens.command?.title))}`);
  });

  test('the preview shows a vscode-vfs blueprint, draws its journey diagram and exports beside it', async () => {
    await openFile(journeyUri);
    await vscode.commands.executeCommand('blueprint.openPreviewToSide');
    const painted = await waitFor('the preview to paint the vscode-vfs blueprint', async () => {
      const state = await vscode.commands.executeCommand<RenderedMessage | undefined>('blueprint.preview.state', { timeoutMs: 2000 });
      return state?.uri === journeyUri.toString() && state.steps.length === 3 ? state : undefined;
    }, 30_000);
    assert.deepEqual(painted.steps, ['vult-het-formulier-in', 'belt-de-gemeente', 'krijgt-het-besluit']);

    // The journey diagram: Mermaid is loaded by the webview on demand; the page reports
    // the Mermaid view only once it has drawn (or failed to).
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'mermaid' });
    const diagram = await waitFor('the journey diagram to be drawn', async () => {
      const state = await vscode.commands.executeCommand<RenderedMessage | undefined>('blueprint.preview.state', { timeoutMs: 2000 });
      return state?.state.view === 'mermaid' ? state : undefined;
    }, 30_000);
    assert.equal(diagram.mermaidError, undefined);
    await vscode.commands.executeCommand('blueprint.preview.setView', { view: 'grid' });

    const target = vscode.Uri.joinPath(ROOT, 'parkeervergunning.html');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('blueprint.exportPreviewHtml', journeyUri, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /data-step="belt-de-gemeente"/);
  });

  test('a new blueprint in an untitled document is checked as you type', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('blueprint.newBlueprint', { title: 'Afval melden', lang: 'nl' });
    assert.ok(document, 'New Service Blueprint returns its document');
    assert.equal(document.uri.scheme, 'untitled');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n\n#### Stap: Meldt het afval in de app\n- klant: maakt een foto\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = lineOf(document, 'Meldt het afval in de app');
    await waitFor('step-without-persona on the typed step', () => rulesOn(document.uri, line).includes('step-without-persona'),
      20_000, () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
