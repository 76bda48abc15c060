/**
 * "Compare with…": the active blueprint against its last commit (through the built-in git
 * extension's API) or against another blueprint file (as-is and to-be), shown as the
 * marked swimlane grid of `blueprint diff --format html`, updated as the working copy
 * changes. The page has no script (its CSP allows none).
 */
import * as vscode from 'vscode';
import { createBlueprintService, diffVersions, renderDiffPage, type FileHost } from '../core';
import type { BlueprintSession } from './session';
import { VsCodeFileHost } from './file-host';

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

/** Reads the base version's own file from `text`, every other file as the editor sees it. */
function baseHost(uri: string, text: string): FileHost {
  const editor = new VsCodeFileHost();
  return { readFile: (other) => (other === uri ? Promise.resolve(text) : editor.readFile(other)) };
}

class ComparePanel {
  html = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(readonly panel: vscode.WebviewPanel, private readonly session: BlueprintSession, readonly head: vscode.Uri, readonly baseUri: string, readonly baseText: string, readonly label: string) {}

  /** Counts updates: one that a newer update overtook while it waited does not write the page. */
  private generation = 0;

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.head.toString());
    const model = document ? await this.session.readyDocument(document) : undefined;
    if (!document || !model) return;
    // The base version is parsed and checked afresh each time (the files it points at are
    // read as the editor has them now), in steps: a big blueprint must not block the
    // extension host on each edit (issue 9).
    const base = createBlueprintService(baseHost(this.baseUri, this.baseText));
    const inSteps = <T>(steps: Generator<void, T, void>) => this.session.inSlices(steps);
    if (!(await inSteps(base.setTextInSteps(this.baseUri, this.baseText)))) return;
    await base.loadDependencies({ inSteps });
    const baseDiagnostics = await inSteps(base.diagnosticsInSteps(this.baseUri));
    if (!baseDiagnostics || generation !== this.generation) return;
    const headUri = model.uri;
    const diff = diffVersions(
      { index: base.index, uri: this.baseUri, diagnostics: baseDiagnostics.value },
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
