/**
 * The status bar item on a blueprint: "N steps · K without persona"; a click opens Problems.
 * The same update sets the `blueprint.isBlueprint` context key, so the preview's menus
 * and keybinding also show on files that are blueprints by their front matter only.
 */
import * as vscode from 'vscode';
import type { BlueprintSession } from './session';

/** Shows and updates the status bar item for the active blueprint. */
export function registerStatusBar(session: BlueprintSession): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('blueprint.summary', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Blueprint summary');
  item.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const isBlueprint = document !== undefined && session.isBlueprint(document);
    void vscode.commands.executeCommand('setContext', 'blueprint.isBlueprint', isBlueprint);
    // Only a parsed model: the first parse runs in steps (issue 9), and its publish updates this item.
    const summary = document && isBlueprint && session.isParsed(document) ? session.service.status(document.uri.toString()) : undefined;
    if (!summary) {
      item.hide();
      return;
    }
    const steps = summary.steps === 1 ? vscode.l10n.t('1 step') : vscode.l10n.t('{0} steps', summary.steps);
    const without = vscode.l10n.t('{0} without persona', summary.withoutPersona);
    item.text = `$(organization) ${steps} · ${without}`;
    item.tooltip = vscode.l10n.t('Service blueprint: click to open the Problems panel');
    item.backgroundColor = summary.withoutPersona > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    session.onDidPublish((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri) update();
    }),
  ];
}
