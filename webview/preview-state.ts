/**
 * What the preview shows and remembers: the view state (kept in the webview's state across
 * reloads), the render on screen, and what was drawn, which the `rendered` report tells
 * the extension (its tests and commands read the preview through it).
 */
import type { ContentUpdate, PreviewViewState, SlideReport } from '../src/shared/messages';
import { stepHeaders, visibleLanes } from './grid-dom';
import { coverageView, page, settings } from './page-elements';
import { vscode } from './vscode-api';

const saved = vscode.getState();

export const preview: {
  state: PreviewViewState;
  /** The render on screen. */
  current: ContentUpdate | undefined;
  /** The column of the editor cursor's step. */
  cursorColumn: number | undefined;
  mermaidError: string | undefined;
  /** The slide on screen in presentation mode (for the `rendered` report). */
  slideShown: SlideReport | undefined;
  /** The grid's zoom factor as drawn. */
  zoomDrawn: number;
  /** The persona the journey diagram on screen was drawn for ('' for everyone). */
  diagramFor: string | undefined;
} = {
  state: saved && saved.uri === settings.state.uri ? { ...settings.state, ...saved } : settings.state,
  current: undefined,
  cursorColumn: undefined,
  mermaidError: undefined,
  slideShown: undefined,
  zoomDrawn: 1,
  diagramFor: undefined,
};

export function saveState(): void {
  vscode.setState(preview.state);
}

/** Tell the extension what is on screen, once it is painted. */
export function reportRendered(): void {
  if (!preview.current) return;
  const { uri, version } = preview.current;
  requestAnimationFrame(() => {
    const { state } = preview;
    vscode.postMessage({
      type: 'rendered',
      uri,
      version,
      steps: stepHeaders(page.gridHost).map((th) => th.dataset.step ?? ''),
      lanes: visibleLanes(page.gridHost),
      state,
      mermaidError: preview.mermaidError,
      coverage: state.view === 'coverage' ? coverageView.painted() : undefined,
      slide: state.present ? preview.slideShown : undefined,
      diagramFor: state.view === 'mermaid' ? preview.diagramFor : undefined,
      zoom: preview.zoomDrawn,
      narrow: page.gridHost.querySelector('.bp-cards') !== null,
    });
  });
}
