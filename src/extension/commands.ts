/**
 * Commands: "New Service Blueprint" (title and language through quick input, then a
 * `<title>.blueprint.md` file) and "Check All Blueprints in Workspace".
 */
import * as vscode from 'vscode';
import { blueprintFileName, newBlueprintTemplate, type Lang } from '../core';
import { checkAllMessage } from './checkAllMessage';
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
  /** Create the file in this folder (default: the active file's folder, else the first workspace folder). */
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
  const folder = options.folder ?? defaultFolder();
  let document: vscode.TextDocument;
  if (folder) {
    // A real file, as from the explorer: it has its `.blueprint.md` name from the start.
    const uri = await unusedName(folder, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    // No folder open: an untitled document that already carries the name it will be saved under.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: name });
    document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document);
  return document;
}

/** Where the palette's "New Blueprint" writes: the active file's folder in the workspace, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `name` in the folder, or `name-2`, `name-3`, … when taken: a new blueprint never overwrites a file. */
async function unusedName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.blueprint\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}.blueprint.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
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
