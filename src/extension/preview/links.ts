/**
 * Following a link clicked in the preview. Web and mail links open outside VS Code;
 * `#anchor` and relative file links open in the editor; every other scheme
 * (`javascript:`, `command:`, `file:`, `vscode:` …) is refused, whatever the sanitizer let through.
 */
import * as vscode from 'vscode';
import { anchorLine, classifyLink } from './link-policy';
import type { PreviewModel } from './types';

/** Open a link clicked in the preview of `resource`; one that cannot be opened is refused, never thrown. */
export async function openPreviewLink(href: string, resource: vscode.Uri, model: PreviewModel | undefined): Promise<void> {
  try {
    await follow(href, resource, model);
  } catch {
    refuse(href);
  }
}

function refuse(href: string): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('The preview does not open links like {0}.', href.slice(0, 80)));
}

async function follow(href: string, resource: vscode.Uri, model: PreviewModel | undefined): Promise<void> {
  const target = classifyLink(href);
  switch (target.kind) {
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(target.uri, true));
      return;
    case 'anchor':
      await openAt(resource, anchorLine(model?.doc, target.fragment));
      return;
    case 'file': {
      const uri = target.path.startsWith('/')
        ? resource.with({ path: target.path, fragment: '', query: '' })
        : vscode.Uri.joinPath(resource, '..', target.path);
      const doc = model?.index.get(uri.toString());
      await openAt(uri, target.fragment ? anchorLine(doc, target.fragment) : undefined);
      return;
    }
    case 'refused':
      refuse(href);
      return;
  }
}

async function openAt(uri: vscode.Uri, line: number | undefined): Promise<void> {
  const position = new vscode.Position(line ?? 0, 0);
  await vscode.window.showTextDocument(uri, {
    viewColumn: vscode.ViewColumn.One,
    selection: new vscode.Range(position, position),
  });
}
