/**
 * Presentation mode on screen: which slide `state.present` points at, built from the grid
 * and fitted to the panel (`present.ts` builds and fits), the progress line, moving between
 * slides with the keys and the bar's buttons, and entering and leaving.
 */
import type { PresentUnit } from '../src/shared/messages';
import { page, required, settings } from './page-elements';
import { buildSlide, fitSlide, indexGrid, progressLine, slideHolding, slidesOf } from './present';
import { preview, reportRendered, saveState } from './preview-state';

/**
 * Build the slide `state.present` points at from the grid, fit it to the screen and write
 * the progress line. Called on every change (an edit, a key, a resize).
 */
export function showSlide(): void {
  const present = preview.state.present;
  if (!present) return;
  const { gridHost, slideHost, progressText } = page;
  const grid = indexGrid(gridHost);
  if (!grid || grid.headers.length === 0) {
    slideHost.replaceChildren(...Array.from(gridHost.querySelectorAll('.bp-head, .bp-empty')).map((e) => e.cloneNode(true)));
    progressText.textContent = '';
    preview.slideShown = undefined;
    return;
  }
  const slides = slidesOf(grid.groups, present.unit);
  const index = Math.min(present.index, slides.length - 1);
  if (index !== present.index) preview.state = { ...preview.state, present: { ...present, index } };
  const slide = slides[index];
  const content = buildSlide(grid, slide);
  content.classList.toggle('bp-client', preview.state.clientView);
  slideHost.replaceChildren(content);
  fitSlide(slideHost, content);
  const progress = progressLine(settings.progress, slide, grid.groups, grid.headers.length);
  progressText.textContent = progress;
  page.unitButton.checked = present.unit === 'step';
  preview.slideShown = {
    unit: present.unit,
    index,
    count: slides.length,
    steps: grid.headers.slice(slide.from, slide.to).map((th) => th.dataset.step ?? ''),
    progress,
  };
}

/** Into presentation mode at the slide of the cursor's step, in client view (the caller shows it). */
export function enterPresenting(): void {
  const { state, cursorColumn } = preview;
  if (state.present) return;
  const grid = indexGrid(page.gridHost);
  const index = grid && cursorColumn !== undefined && cursorColumn >= 0 ? slideHolding(slidesOf(grid.groups, 'stage'), cursorColumn) : 0;
  preview.state = { ...state, clientView: true, present: { unit: 'stage', index, clientBefore: state.clientView } };
}

/** Out of presentation mode, client view as it was before (the caller shows it). */
export function leavePresenting(): void {
  const { state } = preview;
  if (!state.present) return;
  preview.state = { ...state, clientView: state.present.clientBefore, present: undefined };
}

/** Move to slide `index` (clamped), or switch the unit keeping the place. */
export function moveTo(index: number | 'last', unit?: PresentUnit): void {
  const present = preview.state.present;
  const grid = indexGrid(page.gridHost);
  if (!present || !grid) return;
  let target = index;
  if (unit && unit !== present.unit) {
    const from = slidesOf(grid.groups, present.unit)[present.index];
    target = from ? slideHolding(slidesOf(grid.groups, unit), from.from) : 0;
  }
  const count = slidesOf(grid.groups, unit ?? present.unit).length;
  const next = target === 'last' ? count - 1 : Math.max(0, Math.min(count - 1, target));
  if (next === present.index && (unit ?? present.unit) === present.unit) return;
  preview.state = { ...preview.state, present: { ...present, unit: unit ?? present.unit, index: next } };
  showSlide();
  saveState();
  reportRendered();
}

/** Presentation keys: → PageDown Space next, ← PageUp previous, Home End; Escape calls `leave`. */
export function onPresentKey(event: KeyboardEvent, leave: () => void): void {
  const present = preview.state.present;
  if (!present || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof Element ? event.target : null;
  // Space and Enter on a button press the button.
  if ((event.key === ' ' || event.key === 'Enter') && target?.closest('vscode-toolbar-button, button')) return;
  switch (event.key) {
    case 'ArrowRight': case 'PageDown': case ' ':
      moveTo(present.index + 1);
      break;
    case 'ArrowLeft': case 'PageUp':
      moveTo(present.index - 1);
      break;
    case 'Home':
      moveTo(0);
      break;
    case 'End':
      moveTo('last');
      break;
    case 'Escape':
      leave();
      break;
    default:
      return;
  }
  event.preventDefault();
}

/** The slide bar's buttons, and the slide fitted again when the panel is resized. */
export function wireSlideBar(): void {
  const { slideHost, unitButton } = page;
  required('bp-slide-previous').addEventListener('click', () => preview.state.present && moveTo(preview.state.present.index - 1));
  required('bp-slide-next').addEventListener('click', () => preview.state.present && moveTo(preview.state.present.index + 1));
  unitButton.addEventListener('change', () => moveTo(preview.state.present?.index ?? 0, unitButton.checked ? 'step' : 'stage'));
  let frame = 0;
  new ResizeObserver(() => {
    if (!preview.state.present || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const content = slideHost.firstElementChild;
      if (preview.state.present && content instanceof HTMLElement) fitSlide(slideHost, content);
    });
  }).observe(slideHost);
}
