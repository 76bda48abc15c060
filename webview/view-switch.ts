/**
 * Which view is on screen (grid, client view, journey diagram, Coverage, presentation
 * mode) and the persona filter: a change from the toolbar or the extension (`setView`)
 * updates the state, and `applyView` makes the page show it.
 */
import type { SetViewMessage } from '../src/shared/messages';
import { applyActiveColumn, applyPersonaFilter } from './grid-dom';
import { showGridLayout } from './grid-layout';
import { drawMermaid } from './mermaid-loader';
import { isDark, page } from './page-elements';
import { preview, reportRendered, saveState } from './preview-state';
import { enterPresenting, leavePresenting, showSlide } from './slide-show';

/** Apply persona filter, client view and the chosen view to the current DOM. */
export function applyView(): void {
  const { state } = preview;
  const { gridHost, mermaidHost, personaSelect } = page;
  const bp = gridHost.querySelector('.bp');
  bp?.classList.toggle('bp-client', state.clientView);
  applyPersonaFilter(gridHost, state.persona);
  applyActiveColumn(gridHost, preview.cursorColumn);
  if (personaSelect.value !== (state.persona ?? '')) personaSelect.value = state.persona ?? '';
  page.clientButton.checked = state.clientView;
  page.mermaidButton.checked = state.view === 'mermaid';
  page.coverageButton.checked = state.view === 'coverage';
  const presenting = state.present !== undefined;
  document.body.classList.toggle('bp-show-mermaid', state.view === 'mermaid');
  document.body.classList.toggle('bp-presenting', presenting);
  gridHost.hidden = presenting || state.view !== 'grid';
  mermaidHost.hidden = presenting || state.view !== 'mermaid';
  page.coverageHost.hidden = presenting || state.view !== 'coverage';
  page.presentHost.hidden = !presenting;
  if (presenting) showSlide();
  else preview.slideShown = undefined;
  if (!presenting && state.view === 'grid') showGridLayout();
  saveState();
}

/** A change of view, persona or presentation mode, from the toolbar or the extension. */
export function setView(change: Omit<SetViewMessage, 'type'>): void {
  const wasMermaid = preview.state.view === 'mermaid';
  const wasPresenting = preview.state.present !== undefined;
  const state = preview.state;
  preview.state = {
    ...state,
    persona: change.persona === null ? undefined : change.persona ?? state.persona,
    clientView: change.clientView ?? state.clientView,
    view: change.view ?? state.view,
  };
  if (change.present === true) enterPresenting();
  else if (change.present === false) leavePresenting();
  applyView();
  if (!wasPresenting && preview.state.present) page.slideHost.focus();
  if (preview.state.view === 'mermaid' && (!wasMermaid || change.persona !== undefined)) void renderMermaidView();
  else reportRendered();
}

/** Draw the journey diagram the extension sent (Mermaid is loaded on the first draw). */
export async function renderMermaidView(): Promise<void> {
  const { current } = preview;
  const { mermaidHost } = page;
  if (!current) return;
  // Drawn for another persona than the one chosen: the extension sends the right one next.
  if ((current.mermaidPersona ?? '') !== (preview.state.persona ?? '')) {
    mermaidHost.setAttribute('aria-busy', 'true');
    reportRendered();
    return;
  }
  const persona = current.mermaidPersona ?? '';
  try {
    mermaidHost.setAttribute('aria-busy', 'true');
    const drawn = await drawMermaid(mermaidHost, current.mermaid, { dark: isDark() });
    if (drawn) {
      preview.mermaidError = undefined;
      preview.diagramFor = persona;
    }
  } catch (error) {
    preview.mermaidError = error instanceof Error ? error.message : String(error);
    const message = document.createElement('p');
    message.className = 'bp-mermaid-error';
    message.textContent = preview.mermaidError;
    mermaidHost.replaceChildren(message);
  } finally {
    mermaidHost.removeAttribute('aria-busy');
    reportRendered();
  }
}
