/**
 * Zoom for the grid: a factor on the table (CSS `zoom`, so sticky headers, lanes and the
 * curve scale together and the scroll area stays the panel's), or "fit to width", which
 * picks the factor at which the whole journey is as wide as the panel.
 */
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEPS } from '../src/shared/messages';

/** The next zoom step in `direction` from `current` (which may lie between steps). */
export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + 0.001) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 0.001) ?? ZOOM_STEPS[0];
}

/** Apply `zoom` to the grid in `root`; returns the factor drawn (1 when there is no grid). */
export function applyZoom(root: ParentNode, zoom: number | 'fit' | undefined): number {
  const table = root.querySelector<HTMLElement>('table.bp-grid');
  const area = root.querySelector<HTMLElement>('.bp-scroll');
  if (!table || !area) return 1;
  if (zoom !== 'fit') {
    const factor = zoom ?? 1;
    table.style.zoom = factor === 1 ? '' : String(factor);
    return factor;
  }
  table.style.zoom = '';
  const natural = table.getBoundingClientRect().width;
  const factor = natural > 0 ? Math.max(MIN_ZOOM, Math.min(1, (area.clientWidth - 1) / natural)) : 1;
  table.style.zoom = factor === 1 ? '' : String(factor);
  return factor;
}
