/**
 * The webview's handle on VS Code: typed messages out, saved state. `acquireVsCodeApi`
 * may be called once per page, so this module calls it once and shares the result.
 */
import type { FromWebviewMessage, PreviewViewState } from '../src/shared/messages';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): PreviewViewState | undefined;
  setState(state: PreviewViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The one API object of this page. */
export const vscode: VsCodeApi = acquireVsCodeApi();
