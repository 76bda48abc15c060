/**
 * "Compare with…": the active blueprint against its last commit (through the built-in git
 * extension's API) or against another blueprint file (as-is and to-be), shown as the
 * marked swimlane grid of `blueprint diff --format html`, updated as the working copy
 * changes. The page has no script (its CSP allows none).
 */
import * as vscode from 'vscode';
import { diffVersions, renderDiffPage } from '../core';
import type { BlueprintSession } from './session';
import { sessionRoots, VsCodeFileHost } from './file-host';
import { BaseVersion } from './compare-base';

export const COMPARE_COMMANDS = {
  compareWith: 'blueprint.compareWith',
  /** Not in the palette: the page last shown, for tests. */
  state: 'blueprint.compare.state',
} as const;

/** The parts of the git extension's API this uses (`vscode.git`, API version 1). */
interface GitApi {
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
}

type GitExtension = vscode.Extension<{ getAPI(version: 1): GitApi }>;

/**
 * The built-in git extension, where it can read `uri`: its API takes a file-system path, so
 * only `file:` documents qualify. vscode.dev and github.dev have no such extension, and
 * there the choice is not offered at all rather than failing after it is made.
 */
function gitFor(uri: vscode.Uri): GitExtension | undefined {
  return uri.scheme === 'file' ? vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git') : undefined;
}

async function lastCommitText(extension: GitExtension, uri: vscode.Uri): Promise<string | undefined> {
  const git = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  const repository = git.getRepository(uri);
  if (!repository) return undefined;
  try {
    return await repository.show('HEAD', uri.fsPath);
  } catch {
    return undefined;
  }
}

class ComparePanel {
  html = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The base, checked once and again only when a file it read changed (its own text never does). */
  private readonly base: BaseVersion;
  constructor(readonly panel: vscode.WebviewPanel, private readonly session: BlueprintSession, readonly head: vscode.Uri, readonly baseUri: string, baseText: string, readonly label: string) {
    this.base = new BaseVersion(baseUri, baseText, new VsCodeFileHost(), sessionRoots);
  }

  /** Counts updates: one that a newer update overtook while it waited does not write the page. */
  private generation = 0;

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.head.toString());
    const model = document ? await this.session.readyDocument(document) : undefined;
    if (!document || !model) return;
    // The base version is checked in steps (a big blueprint must not block the extension
    // host, issue 9), and only when a file it read changed since its last check.
    const base = await this.base.get((steps) => this.session.inSlices(steps));
    if (!base || generation !== this.generation) return;
    const headUri = model.uri;
    const diff = diffVersions(
      { index: base.service.index, uri: this.baseUri, diagnostics: base.diagnostics },
      { index: this.session.service.index, uri: headUri, diagnostics: this.session.service.diagnostics(headUri) },
    );
    this.html = renderDiffPage({
      render: { doc: model, index: this.session.service.index, diagnostics: this.session.service.diagnostics(headUri) },
      changes: diff.changes, attention: diff.attention, locale: this.session.localeOf(document), versions: this.label,
    });
    this.panel.webview.html = this.html;
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 300);
  }
}

/** The blueprint to compare: the argument, the active editor, or a visible blueprint editor. */
function targetDocument(session: BlueprintSession, argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => e !== undefined);
  return editors.find((editor) => session.isBlueprint(editor.document))?.document.uri;
}

export function registerCompare(session: BlueprintSession): vscode.Disposable[] {
  let current: ComparePanel | undefined;
  const run = async (argument?: unknown, options?: { against?: vscode.Uri }): Promise<string | undefined> => {
    const head = targetDocument(session, argument);
    if (!head) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a blueprint to compare.'));
      return undefined;
    }
    await vscode.workspace.openTextDocument(head);
    let against = options?.against;
    let baseText: string | undefined;
    let label: string;
    if (!against) {
      const git = gitFor(head);
      const commit = vscode.l10n.t('Last commit (HEAD)');
      const choices = [...(git ? [commit] : []), vscode.l10n.t('Another blueprint file…')];
      const choice = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Compare with…') });
      if (!choice) return undefined;
      if (git && choice === commit) {
        baseText = await lastCommitText(git, head);
        if (baseText === undefined) {
          void vscode.window.showWarningMessage(vscode.l10n.t('This file has no committed version in a git repository.'));
          return undefined;
        }
        against = head.with({ scheme: 'blueprint-base', query: 'HEAD' });
      } else {
        const picked = await vscode.window.showOpenDialog({ filters: { Markdown: ['md'] }, canSelectMany: false });
        against = picked?.[0];
        if (!against) return undefined;
      }
    }
    baseText ??= new TextDecoder().decode(await vscode.workspace.fs.readFile(against));
    label = `${against.scheme === 'blueprint-base' ? 'HEAD' : vscode.workspace.asRelativePath(against)} → ${vscode.workspace.asRelativePath(head)}`;
    current?.panel.dispose();
    const panel = vscode.window.createWebviewPanel('blueprint.compare', vscode.l10n.t('Changes: {0}', vscode.workspace.asRelativePath(head)), vscode.ViewColumn.Beside, { enableScripts: false });
    const compare = new ComparePanel(panel, session, head, against.toString(), baseText, label);
    current = compare;
    panel.onDidDispose(() => {
      if (current === compare) current = undefined;
    });
    await compare.update();
    return compare.html;
  };
  return [
    vscode.commands.registerCommand(COMPARE_COMMANDS.compareWith, run),
    vscode.commands.registerCommand(COMPARE_COMMANDS.state, () => current?.html),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (current && event.document.uri.toString() === current.head.toString()) current.schedule();
    }),
  ];
}
