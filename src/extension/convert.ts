/**
 * Conversions between the core's plain data and VS Code's types. Positions already use
 * the same 0-based line / UTF-16 character convention, so these are one-to-one.
 */
import * as vscode from 'vscode';
import type { Diagnostic, Location, Position, Range, Severity, TextEdit } from '../core';

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromRange(range: vscode.Range): Range {
  return { start: fromPosition(range.start), end: fromPosition(range.end) };
}

export function toUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri);
}

export function toLocation(location: Location): vscode.Location {
  return new vscode.Location(toUri(location.uri), toRange(location.range));
}

/** Groups model edits (possibly in several files) into one workspace edit. */
export function toWorkspaceEdit(edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) workspaceEdit.replace(toUri(edit.uri), toRange(edit.range), edit.newText);
  return workspaceEdit;
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'blueprint';

/**
 * A VS Code diagnostic for a model diagnostic; `code` links to the rule's documentation
 * page (parser problems have no page and keep a plain code).
 */
export function toDiagnostic(diagnostic: Diagnostic, ruleDocs: (ruleId: string) => vscode.Uri | undefined): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, severities[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  const target = ruleDocs(diagnostic.rule);
  result.code = target ? { value: diagnostic.rule, target } : diagnostic.rule;
  if (diagnostic.tags?.includes('unnecessary')) result.tags = [vscode.DiagnosticTag.Unnecessary];
  return result;
}
