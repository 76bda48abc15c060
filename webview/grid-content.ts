/**
 * A render from the extension on screen: a full update replaces the grid (keeping the
 * scroll position unless the file changed), a patch replaces only the changed cells. Then
 * the persona list, Coverage, the view states and the slide follow.
 */
import type { ContentUpdate } from '../src/shared/messages';
import { applyStatesTo } from './grid-dom';
import { showGridLayout } from './grid-layout';
import { applyGridPatch } from './grid-patch';
import { coverageView, page, scroller, settings } from './page-elements';
import { preview, reportRendered, saveState } from './preview-state';
import { onGridScroll, restoreScroll } from './scroll-sync';
import { showSlide } from './slide-show';
import { applyView, renderMermaidView } from './view-switch';
import { vscode } from './vscode-api';

/** Show a new render: patch the grid when the update is a patch, else replace it. */
export function showContent(update: ContentUpdate): void {
  const { current } = preview;
  if (current && update.version <= current.version && update.uri === current.uri) return;
  // The first steps of a long journey are for the grid; elsewhere wait for the whole of it.
  if (update.partial && (preview.state.present || preview.state.view !== 'grid')) return;
  if (update.patch) patchContent(update);
  else replaceContent(update);
}

function mermaidChanged(update: ContentUpdate): boolean {
  const { current } = preview;
  return current?.mermaid !== update.mermaid || current?.mermaidPersona !== update.mermaidPersona;
}

/** Replace the grid with a new render, keeping scroll position unless the file changed. */
function replaceContent(update: ContentUpdate): void {
  const { gridHost } = page;
  // After the first steps of a long journey, the whole grid goes back to the saved place.
  const keepScroll = !update.newDocument && preview.current !== undefined && !preview.current.partial;
  const before = scroller();
  // A fresh page showing the file it showed before (restored, or re-sent after a patch
  // that could not apply) goes back to the saved position; another file starts at the top.
  const state = preview.state;
  const sameFile = update.uri === state.uri;
  const left = keepScroll && before ? before.scrollLeft : sameFile ? state.scrollLeft : 0;
  const top = keepScroll && before ? before.scrollTop : sameFile ? state.scrollTop : 0;
  if (!sameFile) preview.state = { ...state, uri: update.uri, persona: undefined, scrollLeft: 0, scrollTop: 0 };
  const redraw = mermaidChanged(update);
  preview.current = update;
  gridHost.innerHTML = update.html;
  document.title = update.title;
  // Focusable before the view states, so attributes come in one order however a cell got here.
  makeFocusable(gridHost);
  updatePersonaOptions(update);
  coverageView.show(update.coverage);
  applyView();
  const after = scroller();
  gridHost.querySelector('.bp')?.classList.add('bp-clickable');
  // The first steps: no scroll restored or saved (the place may lie further on), no report.
  if (update.partial) return;
  if (after) {
    restoreScroll(after, left, top);
    after.addEventListener('scroll', onGridScroll, { passive: true });
  }
  if (preview.state.view === 'mermaid' && redraw) void renderMermaidView();
  reportRendered();
}

/**
 * Apply a patch to the grid on show: only the changed cells are replaced, scroll position
 * and everything else stay. A patch for another version than the one shown (the page was
 * reloaded meanwhile) cannot apply: ask the extension for everything again.
 */
function patchContent(update: ContentUpdate): void {
  const { current } = preview;
  const patch = update.patch;
  const result = patch && current && current.uri === update.uri && current.version === patch.baseVersion
    ? applyGridPatch(page.gridHost, patch)
    : undefined;
  if (!result) {
    preview.current = undefined;
    vscode.postMessage({ type: 'ready' });
    return;
  }
  const redraw = mermaidChanged(update);
  preview.current = update;
  document.title = update.title;
  updatePersonaOptions(update);
  coverageView.show(update.coverage);
  for (const element of result.added) makeFocusable(element);
  applyStatesTo(page.gridHost, result.added, result.headerColumns, preview.state.persona, preview.cursorColumn);
  if (preview.state.present) showSlide();
  else showGridLayout();
  saveState();
  if (preview.state.view === 'mermaid' && redraw) void renderMermaidView();
  reportRendered();
}

/** Step headers and outside findings take the keyboard focus: the keyboard's way to the source (Enter reveals their line). */
function makeFocusable(root: Element): void {
  if (root.matches('th.bp-step, .bp-outside li[data-line]')) (root as HTMLElement).tabIndex = 0;
  for (const th of Array.from(root.querySelectorAll<HTMLElement>('th.bp-step, .bp-outside li[data-line]'))) th.tabIndex = 0;
}

function updatePersonaOptions(update: ContentUpdate): void {
  const { personaSelect } = page;
  const options = [{ slug: '', name: settings.allPersonasLabel }, ...update.personas];
  const signature = options.map((o) => `${o.slug}\u0000${o.name}`).join('\u0001');
  if (personaSelect.dataset.signature !== signature) {
    personaSelect.replaceChildren(...options.map((option) => {
      const element = document.createElement('vscode-option');
      element.setAttribute('value', option.slug);
      element.textContent = option.name; // text, never markup
      return element;
    }));
    personaSelect.dataset.signature = signature;
  }
  const persona = preview.state.persona;
  if (persona && !update.personas.some((p) => p.slug === persona)) preview.state = { ...preview.state, persona: undefined };
  personaSelect.value = preview.state.persona ?? '';
}
