/**
 * Commands: "New Service Blueprint" (title and language through quick input, then
 * `<title>.blueprint.md`: a file from the explorer, a named untitled document from the
 * palette) and "Check All Blueprints in Workspace".
 */
import * as vscode from 'vscode';
import { blueprintFileName, newBlueprintTemplate, type Lang } from '../core';
import { checkAllMessage } from './check-all-message';
import type { BlueprintSession } from './session';

/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  newBlueprint: 'blueprint.newBlueprint',
  checkAll: 'blueprint.checkAll',
} as const;

/** Registers the extension's commands. */
export function registerCommands(session: BlueprintSession): vscode.Disposable[] {
  return [
    // From the explorer's context menu the argument is the folder clicked.
    vscode.commands.registerCommand(COMMANDS.newBlueprint, (argument?: NewBlueprintOptions | vscode.Uri) =>
      newBlueprint(argument instanceof vscode.Uri ? { folder: argument } : argument)),
    vscode.commands.registerCommand(COMMANDS.checkAll, () => checkAll(session)),
  ];
}

/** Arguments that skip the prompts (for tests and other extensions). */
export interface NewBlueprintOptions {
  title?: string;
  lang?: Lang;
  /** Create the file in this folder (the explorer's folder) instead of a named untitled document. */
  folder?: vscode.Uri;
}

async function newBlueprint(options: NewBlueprintOptions = {}): Promise<vscode.TextDocument | undefined> {
  const title = options.title ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('New Service Blueprint'),
    prompt: vscode.l10n.t('Name of the service'),
    placeHolder: vscode.l10n.t('Apply for a living wage'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Please enter a name')),
  }));
  if (title === undefined) return undefined;

  const lang = options.lang ?? (await pickLanguage());
  if (lang === undefined) return undefined;

  const text = newBlueprintTemplate(title, lang);
  const name = blueprintFileName(title);
  let document: vscode.TextDocument;
  if (options.folder) {
    // From the explorer: the file itself, in the folder clicked.
    const uri = await unusedName(options.folder, name, 'file');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    // From the palette: an untitled document that already carries its name, in the active
    // file's folder (else the workspace folder), so saving writes `<title>.blueprint.md`
    // there (not `Untitled-1.md`) and nothing is written when the user changes their mind.
    const folder = defaultFolder();
    const uri = folder ? (await unusedName(folder, name, 'untitled')) : vscode.Uri.from({ scheme: 'untitled', path: name });
    document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document);
  return document;
}

/** Where the palette's "New Blueprint" puts the file: the active file's folder in the workspace, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * `name` in the folder, or `name-2`, `name-3`, … when a file or an open untitled document
 * has it: a new blueprint never overwrites or joins another. `scheme` is that of the result.
 */
async function unusedName(folder: vscode.Uri, name: string, scheme: 'file' | 'untitled'): Promise<vscode.Uri> {
  const base = name.replace(/\.blueprint\.md$/, '');
  for (let n = 1; n < 1000; n++) {
    const onDisk = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}.blueprint.md`);
    const candidate = scheme === 'file' ? onDisk : onDisk.with({ scheme: 'untitled' });
    const open = vscode.workspace.textDocuments.some((document) => document.uri.path === onDisk.path);
    const exists = await vscode.workspace.fs.stat(onDisk).then(() => true, () => false);
    if (!open && !exists) return candidate;
  }
  return vscode.Uri.joinPath(folder, `${base}-${Date.now()}.blueprint.md`).with({ scheme });
}

async function pickLanguage(): Promise<Lang | undefined> {
  const items: Array<vscode.QuickPickItem & { lang: Lang }> = [
    { label: 'English', description: vscode.l10n.t('Personas, Stories, Journey; customer, frontstage, …'), lang: 'en' },
    { label: 'Nederlands', description: vscode.l10n.t("Persona's, Verhalen, Klantreis; klant, voorkant, …"), lang: 'nl' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Service Blueprint'),
    placeHolder: vscode.l10n.t('Language of the blueprint\'s keywords'),
  });
  return picked?.lang;
}

async function checkAll(session: BlueprintSession): Promise<{ files: number; problems: number }> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking blueprints…') },
    () => session.checkAll(),
  );
  const message = checkAllMessage(vscode.l10n, result.files, result.problems);
  if (result.problems > 0) {
    void vscode.window.showInformationMessage(message, vscode.l10n.t('Show Problems')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return result;
}
