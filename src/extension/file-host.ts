/**
 * The core's `FileHost` over VS Code: an open editor's text wins over the file on disk,
 * so personas typed but not yet saved are seen by the blueprints that use them. Files on
 * disk are read with the command line's rules (`read-file.ts`): the editor reports the
 * same findings for a folder, a device, a huge or non-UTF-8 file as `blueprint check`.
 */
import * as vscode from 'vscode';
import type { FileHost, FileReadResult } from '../core';
import { editorRoots, readProjectFile, textOf } from './read-file';

/** Reads files for the core workspace through `vscode.workspace.fs`. */
export class VsCodeFileHost implements FileHost {
  async readFile(uri: string): Promise<FileReadResult> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
    if (open) return open.getText();
    return readSafely(vscode.Uri.parse(uri));
  }
}

/** A file on disk read with the command line's rules: its text, undefined when missing, or why not. */
export function readSafely(uri: vscode.Uri): Promise<FileReadResult> {
  return readProjectFile(vscode.workspace.fs, uri);
}

/** The saved text of a file, or undefined when it cannot be read (missing, too large, not a file, ...). */
export async function readFromDisk(uri: vscode.Uri): Promise<string | undefined> {
  return textOf(await readSafely(uri));
}

/** The editor session's project roots, asked for each time (folders and open files change). */
export function sessionRoots(): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
  // An untitled file with a path (New Blueprint) counts by its folder, like a saved one.
  return editorRoots(folders, vscode.workspace.textDocuments.map((document) => document.uri.toString()));
}
