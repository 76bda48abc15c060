/**
 * Commands: "New Service Blueprint" (title and language through quick input, then an
 * untitled document or a saved file) and "Check All Blueprints in Workspace".
 */
import * as vscode from 'vscode';
import { blueprintFileName, newBlueprintTemplate, type Lang } from '../core';
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
  /** Save to this folder instead of opening an untitled document. */
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
  const folder = options.folder;
  let document: vscode.TextDocument;
  if (folder) {
    const uri = vscode.Uri.joinPath(folder, blueprintFileName(title));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  }
  await vscode.window.showTextDocument(document);
  return document;
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
  const message = vscode.l10n.t('Checked {0} blueprint files: {1} problems.', result.files, result.problems);
  if (result.problems > 0) {
    void vscode.window.showInformationMessage(message, vscode.l10n.t('Show Problems')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return result;
}
