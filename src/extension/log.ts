/**
 * The extension's log: the "Service Blueprints" channel in the Output panel (made on first
 * use). Failures that no prompt reports, such as a diagnostics run or a config reload that
 * threw, are written here as well as to the developer console, so a user can see and copy them.
 */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

function output(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Service Blueprints', { log: true });
  return channel;
}

/** Writes a failure to the log and the developer console. */
export function logError(what: string, error: unknown): void {
  console.error(`[blueprint] ${what}`, error);
  output().error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Runs a promise without awaiting it; a rejection is logged instead of going unhandled. */
export function logFailure(what: string, promise: Promise<unknown>): void {
  promise.catch((error: unknown) => logError(what, error));
}

/** Disposes the channel with the extension (pushed on `context.subscriptions`). */
export const logDisposable: vscode.Disposable = {
  dispose() {
    channel?.dispose();
    channel = undefined;
  },
};
