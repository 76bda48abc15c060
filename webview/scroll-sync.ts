/**
 * The grid's scroll position and the editor's, kept together by source line: the editor
 * scrolled, so bring its top step beside the lane labels; the preview scrolled, so tell the
 * editor which step is now at the left edge (and remember the position across reloads).
 */
import { columnForLine, stepHeaders } from './grid-dom';
import { page, scroller } from './page-elements';
import { preview, saveState } from './preview-state';
import { vscode } from './vscode-api';

// While the preview scrolls because the editor did, it must not report that scroll back.
let ignoreScrollUntil = 0;
let scrollFrame = 0;

/** Scroll the grid to `left`, `top` without reporting it to the editor. */
export function restoreScroll(area: HTMLElement, left: number, top: number): void {
  ignoreScrollUntil = performance.now() + 100;
  area.scrollLeft = left;
  area.scrollTop = top;
}

/** The editor scrolled: bring the step at `line` to the left edge, beside the lane labels. */
export function scrollToLine(line: number): void {
  const area = scroller();
  if (!area || preview.state.view !== 'grid') return;
  const headers = stepHeaders(page.gridHost);
  const column = columnForLine(headers, line);
  if (column < 0) return;
  const labelWidth = page.gridHost.querySelector<HTMLElement>('.bp-corner')?.offsetWidth ?? 0;
  ignoreScrollUntil = performance.now() + 150;
  area.scrollLeft = Math.max(0, headers[column].offsetLeft - labelWidth);
}

/** The grid scrolled (listener on its scroll area): save the position, report the step at the left edge. */
export function onGridScroll(): void {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    const area = scroller();
    if (!area) return;
    preview.state = { ...preview.state, scrollLeft: area.scrollLeft, scrollTop: area.scrollTop };
    saveState();
    if (performance.now() < ignoreScrollUntil) return;
    const labelWidth = page.gridHost.querySelector<HTMLElement>('.bp-corner')?.offsetWidth ?? 0;
    const first = stepHeaders(page.gridHost).find((th) => th.offsetLeft + th.offsetWidth > area.scrollLeft + labelWidth + 1);
    if (first) vscode.postMessage({ type: 'didScroll', line: Number(first.dataset.line) });
  });
}
