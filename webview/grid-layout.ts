/**
 * How the grid is laid out on screen: its zoom (a step, 100 % or fit to width, kept in the
 * view state) and, on a narrow panel, the step cards instead of the table.
 */
import { buildCards } from './cards';
import { narrowQuery, page } from './page-elements';
import { preview, reportRendered, saveState } from './preview-state';
import { zoomSlide } from './slide-show';
import { applyZoom, nextZoom } from './zoom';

/** The grid's zoom, and the step cards instead of the grid on a narrow screen. */
export function showGridLayout(): void {
  const { gridHost } = page;
  const bp = gridHost.querySelector('.bp');
  bp?.querySelector(':scope > .bp-cards')?.remove();
  if (narrowQuery.matches) {
    const cards = buildCards(gridHost);
    if (bp && cards) bp.insertBefore(cards, bp.querySelector(':scope > .bp-outside'));
  }
  const cards = bp?.querySelector<HTMLElement>(':scope > .bp-cards');
  const zoom = preview.state.zoom;
  if (cards) {
    // The cards take the zoom factor too (fit: their width is the panel's already).
    preview.zoomDrawn = typeof zoom === 'number' ? zoom : 1;
    cards.style.zoom = preview.zoomDrawn === 1 ? '' : String(preview.zoomDrawn);
  } else {
    preview.zoomDrawn = applyZoom(gridHost, zoom);
  }
  showZoomLevel();
}

function showZoomLevel(): void {
  page.zoomLevel.textContent = `${Math.round(preview.zoomDrawn * 100)}%`;
  page.fitButton.checked = preview.state.zoom === 'fit';
}

/** Zoom in, out, back to 100 %, or fit to width (toggles); in presentation mode, the slide's. */
export function zoom(action: 'in' | 'out' | 'reset' | 'fit'): void {
  const { state } = preview;
  if (state.present) {
    zoomSlide(action);
    return;
  }
  const next = action === 'fit' ? (state.zoom === 'fit' ? undefined : 'fit')
    : action === 'reset' ? undefined
      : nextZoom(preview.zoomDrawn, action === 'in' ? 1 : -1);
  preview.state = { ...state, zoom: next === 1 ? undefined : next };
  showGridLayout();
  saveState();
  reportRendered();
}

/** Fit to width holds while the panel is resized: the factor is worked out again each frame it changes. */
export function keepFitOnResize(): void {
  let frame = 0;
  new ResizeObserver(() => {
    if (preview.state.zoom !== 'fit' || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const { state } = preview;
      if (state.zoom === 'fit' && state.view === 'grid' && !state.present) {
        preview.zoomDrawn = applyZoom(page.gridHost, 'fit');
        showZoomLevel();
      }
    });
  }).observe(page.gridHost);
}
