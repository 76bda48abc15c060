/**
 * The core's `FileHost` over VS Code: an open editor's text wins over the file on disk,
 * so personas typed but not yet saved are seen by the blueprints that use them.
 */
import * as vscode from 'vscode';
import type { FileHost } from '../core';

const decoder = new TextDecoder();

/** Reads files for the core workspace through `vscode.workspace.fs`. */
export class VsCodeFileHost implements FileHost {
  async readFile(uri: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
    if (open) return open.getText();
    return readFromDisk(vscode.Uri.parse(uri));
  }
}

/** The saved text of a file, or undefined when it cannot be read. */
export async function readFromDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
