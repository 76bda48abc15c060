/**
 * The preview program (`dist/webview.js`): shows the grid the extension rendered, keeps
 * scroll position across updates, follows the editor's cursor and scroll by source line,
 * filters by persona, switches to client view, the Mermaid journey, Coverage or
 * presentation mode, and reports clicks back so the editor can reveal the source. It never
 * builds HTML from blueprint text itself: the grid arrives rendered and sanitised, Mermaid
 * sanitises its own SVG.
 *
 * This file wires the page's events to the modules that do the work: `grid-content.ts`
 * (renders on screen), `view-switch.ts` (views), `grid-layout.ts` (zoom, step cards),
 * `slide-show.ts` (presentation mode), `scroll-sync.ts`, `picture-actions.ts`.
 */
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { ToWebviewMessage } from '../src/shared/messages';
import { showContent } from './grid-content';
import { applyActiveColumn, columnForLine, stepHeaders } from './grid-dom';
import { keepFitOnResize, showGridLayout, zoom } from './grid-layout';
import { injectStyles, narrowQuery, page, required } from './page-elements';
import { makePicture } from './picture-actions';
import { preview, reportRendered } from './preview-state';
import { scrollToLine } from './scroll-sync';
import { leavePresenting, onPresentKey, wireSlideBar } from './slide-show';
import { applyView, setView } from './view-switch';
import { vscode } from './vscode-api';
import pageCss from './preview.css';

injectStyles(pageCss);

function onMessage(event: MessageEvent<ToWebviewMessage>): void {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      showContent(message);
      break;
    case 'cursor':
      preview.cursorColumn = columnForLine(stepHeaders(page.gridHost), message.line);
      applyActiveColumn(page.gridHost, preview.cursorColumn);
      break;
    case 'scrollToLine':
      scrollToLine(message.line);
      break;
    case 'setView':
      setView(message);
      break;
    case 'zoom':
      zoom(message.action);
      break;
    case 'makePicture':
      makePicture(message.action);
      break;
    case 'pressKey':
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: message.key, bubbles: true, cancelable: true }));
      break;
  }
}

/** Clicks: links go to the extension (it checks the scheme), cells reveal their source line. */
function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const link = target.closest('a');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href) vscode.postMessage({ type: 'openLink', href });
    return;
  }
  // A selection being made is not a click to navigate.
  if (window.getSelection()?.toString()) return;
  const located = target.closest<HTMLElement>('[data-line]');
  if (located && (page.gridHost.contains(located) || page.slideHost.contains(located))) vscode.postMessage({ type: 'revealLine', line: Number(located.dataset.line) });
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (target?.matches('th.bp-step, caption.bp-card-title, .bp-outside li[data-line]')) {
    event.preventDefault();
    vscode.postMessage({ type: 'revealLine', line: Number(target.dataset.line) });
  }
}

/** Escape in presentation mode. */
function leave(): void {
  leavePresenting();
  applyView();
  reportRendered();
}

const { personaSelect, clientButton, mermaidButton, coverageButton } = page;
personaSelect.addEventListener('change', () => setView({ persona: personaSelect.value || null }));
clientButton.addEventListener('change', () => setView({ clientView: clientButton.checked }));
mermaidButton.addEventListener('change', () => setView({ view: mermaidButton.checked ? 'mermaid' : 'grid' }));
coverageButton.addEventListener('change', () => setView({ view: coverageButton.checked ? 'coverage' : 'grid' }));
required('bp-export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
required('bp-present').addEventListener('click', () => setView({ present: true }));
required('bp-print').addEventListener('click', () => vscode.postMessage({ type: 'print' }));
required('bp-copy-image').addEventListener('click', () => makePicture('copy'));
required('bp-save-png').addEventListener('click', () => makePicture('png'));
required('bp-save-svg').addEventListener('click', () => makePicture('svg'));
required('bp-slide-copy').addEventListener('click', () => makePicture('copy'));
required('bp-zoom-in').addEventListener('click', () => zoom('in'));
required('bp-zoom-out').addEventListener('click', () => zoom('out'));
page.fitButton.addEventListener('click', () => zoom('fit'));
required('bp-present-leave').addEventListener('click', () => setView({ present: false }));
narrowQuery.addEventListener('change', () => {
  if (!preview.state.present && preview.state.view === 'grid') showGridLayout();
  reportRendered();
});
keepFitOnResize();
wireSlideBar();
document.addEventListener('keydown', (event) => onPresentKey(event, leave));
page.slideHost.addEventListener('click', onClick);
page.gridHost.addEventListener('click', onClick);
page.gridHost.addEventListener('keydown', onKeyDown);
window.addEventListener('message', onMessage);
applyView();
vscode.postMessage({ type: 'ready' });
