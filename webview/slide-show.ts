/**
 * Presentation mode on screen: which slide `state.present` points at, built from the grid
 * and fitted to the panel (`present.ts` builds and fits), the progress line, moving between
 * slides with the keys and the bar's buttons, and entering and leaving.
 */
import type { ContentUpdate, PresentUnit } from '../src/shared/messages';
import { page, required, settings } from './page-elements';
import { buildSlide, indexGrid, progressLine, slideHolding, slidesOf, type GridIndex, type Slide } from './present';
import { preview, reportRendered, saveState } from './preview-state';
import { SlideDeck, WAITING, type SlideOrder } from './slide-deck';
import { fitSlide, slideFits } from './slide-fit';

/** The grid's index, read once per render (a key press must not walk 1000 columns again). */
let indexed: { of: ContentUpdate | undefined; grid: GridIndex | undefined; serial: number } | undefined;
/** The zoom the last slide got: where the next one's fit starts. */
let lastZoom: number | undefined;
const deck = new SlideDeck(page.slideHost);

function gridIndex(): GridIndex | undefined {
  if (indexed?.of !== preview.current || !indexed) indexed = { of: preview.current, grid: indexGrid(page.gridHost), serial: (indexed?.serial ?? 0) + 1 };
  return indexed.grid;
}

/** The presenter's zoom on top of the fit (Ctrl+= and Ctrl+-); 1: the slide fits the panel. */
let scale = 1;

function fit(content: HTMLElement): void {
  lastZoom = fitSlide(page.slideHost, content, lastZoom);
  applyScale(content);
}

function applyScale(content: HTMLElement): void {
  if (scale !== 1 && lastZoom !== undefined) content.style.zoom = String(lastZoom * scale);
}

/**
 * Zoom in presentation mode: the slide is fitted to the panel (the current stage, or step,
 * as large as it fits); in and out scale it from there, reset and fit to width fit it again.
 */
export function zoomSlide(action: 'in' | 'out' | 'reset' | 'fit'): void {
  scale = action === 'in' ? Math.min(3, scale * 1.2) : action === 'out' ? Math.max(0.4, scale / 1.2) : 1;
  showSlide();
  reportRendered();
}

/** What the slides are made of: the render, the view, the persona and the area's size. */
function generation(): string {
  const { state } = preview;
  return `${indexed?.serial}|${state.clientView}|${state.persona ?? ''}|${page.slideHost.clientWidth}x${page.slideHost.clientHeight}`;
}

/** The order for slide `slide` of the grid. */
function orderFor(grid: GridIndex, unit: PresentUnit, slide: Slide): SlideOrder {
  return {
    key: `${unit}:${slide.from}-${slide.to}`,
    build: () => {
      const content = buildSlide(grid, slide);
      content.classList.toggle('bp-client', preview.state.clientView);
      return content;
    },
  };
}

/**
 * Show the slide `state.present` points at (built from the grid and fitted to the screen,
 * or made ready beforehand) and write the progress line. Called on every change (an edit,
 * a key, a resize); then the slides either side are made ready while the page is idle.
 */
export function showSlide(): void {
  const present = preview.state.present;
  if (!present) return;
  const { gridHost, slideHost, progressText } = page;
  const grid = gridIndex();
  if (!grid || grid.headers.length === 0) {
    deck.clear();
    slideHost.replaceChildren(...Array.from(gridHost.querySelectorAll('.bp-head, .bp-empty')).map((e) => e.cloneNode(true)));
    progressText.textContent = '';
    preview.slideShown = undefined;
    return;
  }
  // Read while the layout is still clean: after the first change below it would cost a layout.
  const made = generation();
  const slides = slidesOf(grid.groups, present.unit);
  const index = Math.min(present.index, slides.length - 1);
  if (index !== present.index) preview.state = { ...preview.state, present: { ...present, index } };
  const slide = slides[index];
  // The bar first: a change there after the fit would lay the slide out once more.
  const progress = progressLine(settings.progress, slide, grid.groups, grid.headers.length);
  if (progressText.textContent !== progress) progressText.textContent = progress;
  if (page.unitButton.checked !== (present.unit === 'step')) page.unitButton.checked = present.unit === 'step';
  const shown = deck.show(made, orderFor(grid, present.unit, slide));
  if (shown.zoom === undefined || !slideFits(slideHost)) fit(shown.element);
  else {
    lastZoom = shown.zoom;
    applyScale(shown.element);
  }
  preview.slideShown = {
    unit: present.unit,
    index,
    count: slides.length,
    steps: grid.headers.slice(slide.from, slide.to).map((th) => th.dataset.step ?? ''),
    progress,
    scale,
  };
  deck.prepareSoon(made, [slides[index + 1], slides[index - 1]].filter((s) => s !== undefined).map((s) => orderFor(grid, present.unit, s)));
}

/** Into presentation mode at the slide of the cursor's step, in client view (the caller shows it). */
export function enterPresenting(): void {
  const { state, cursorColumn } = preview;
  if (state.present) return;
  const grid = gridIndex();
  const index = grid && cursorColumn !== undefined && cursorColumn >= 0 ? slideHolding(slidesOf(grid.groups, 'stage'), cursorColumn) : 0;
  preview.state = { ...state, clientView: true, present: { unit: 'stage', index, clientBefore: state.clientView } };
}

/** Out of presentation mode, client view as it was before (the caller shows it). */
export function leavePresenting(): void {
  const { state } = preview;
  if (!state.present) return;
  preview.state = { ...state, clientView: state.present.clientBefore, present: undefined };
  deck.clear();
  scale = 1;
}

/** Move to slide `index` (clamped), or switch the unit keeping the place. */
export function moveTo(index: number | 'last', unit?: PresentUnit): void {
  const present = preview.state.present;
  const grid = gridIndex();
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
      const content = slideHost.querySelector(`:scope > :not(.${WAITING})`);
      if (preview.state.present && content instanceof HTMLElement) fit(content);
    });
  }).observe(slideHost);
}
