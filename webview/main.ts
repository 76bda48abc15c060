/**
 * The preview program (`dist/webview.js`): shows the grid the extension rendered, keeps
 * scroll position across updates, follows the editor's cursor and scroll by source line,
 * filters by persona, switches to client view or to the Mermaid journey, and reports
 * clicks back so the editor can reveal the source. It never builds HTML from blueprint
 * text itself: the grid arrives rendered and sanitised, Mermaid sanitises its own SVG.
 */
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { parsePageSettings, type ContentUpdate, type PageSettings, type PresentUnit, type PreviewViewState, type SetViewMessage, type SlideReport, type ToWebviewMessage } from '../src/shared/messages';
import { applyActiveColumn, applyPersonaFilter, applyStatesTo, columnForLine, stepHeaders, visibleLanes } from './grid-dom';
import { applyGridPatch } from './grid-patch';
import { CoverageView } from './coverage-view';
import { drawMermaid } from './mermaid-loader';
import { buildSlide, fitSlide, indexGrid, progressLine, slideHolding, slidesOf } from './present';
import { buildCards } from './cards';
import { applyZoom, nextZoom } from './zoom';
import { loadPictures } from './picture-loader';
import { vscode } from './vscode-api';
import pageCss from './preview.css';

interface PersonaSelect extends HTMLElement {
  value: string;
}

interface ToggleButton extends HTMLElement {
  checked: boolean;
}

const settings = readSettings();
injectStyles(pageCss);
const gridHost = required('bp-root');
const mermaidHost = required('bp-mermaid');
const personaSelect = required('bp-persona') as PersonaSelect;
const clientButton = required('bp-client') as ToggleButton;
const mermaidButton = required('bp-diagram') as ToggleButton;
const coverageButton = required('bp-coverage') as ToggleButton;
const presentHost = required('bp-present-view');
const slideHost = required('bp-slide');
const progressText = required('bp-progress');
const unitButton = required('bp-slide-unit') as ToggleButton;
const coverageView = new CoverageView({
  host: required('bp-coverage-view'),
  reveal: (line) => vscode.postMessage({ type: 'revealLine', line }),
});

const saved = vscode.getState();
let state: PreviewViewState = saved && saved.uri === settings.state.uri ? { ...settings.state, ...saved } : settings.state;
let current: ContentUpdate | undefined;
let cursorColumn: number | undefined;
let mermaidError: string | undefined;
// While the preview scrolls because the editor did, it must not report that scroll back.
let ignoreScrollUntil = 0;
let scrollFrame = 0;
/** The slide on screen in presentation mode (for the `rendered` report). */
let slideShown: SlideReport | undefined;
/** The grid's zoom factor as drawn. */
let zoomDrawn = 1;
/** The persona the journey diagram on screen was drawn for ('' for everyone). */
let diagramFor: string | undefined;
/** Narrow screens get step cards instead of the grid (the same width as the export's media query). */
const narrowQuery = window.matchMedia('(max-width: 720px)');
const zoomLevel = required('bp-zoom-level');
const fitButton = required('bp-zoom-fit') as ToggleButton;

function required(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`preview page lacks #${id}`);
  return element;
}

/** The page's own styles (bundled as text); the CSP allows inline styles for Mermaid anyway. */
function injectStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}

function readSettings(): PageSettings {
  const raw = document.getElementById('bp-settings')?.dataset.settings;
  if (!raw) throw new Error('preview page lacks its settings');
  return parsePageSettings(raw);
}

function scroller(): HTMLElement | null {
  return gridHost.querySelector<HTMLElement>('.bp-scroll');
}

function saveState(): void {
  vscode.setState(state);
}

function isDark(): boolean {
  return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
}

/** Show a new render: patch the grid when the update is a patch, else replace it. */
function showContent(update: ContentUpdate): void {
  if (current && update.version <= current.version && update.uri === current.uri) return;
  if (update.patch) patchContent(update);
  else replaceContent(update);
}

/** Replace the grid with a new render, keeping scroll position unless the file changed. */
function replaceContent(update: ContentUpdate): void {
  const keepScroll = !update.newDocument && current !== undefined;
  const before = scroller();
  // A fresh page showing the file it showed before (restored, or re-sent after a patch
  // that could not apply) goes back to the saved position; another file starts at the top.
  const sameFile = update.uri === state.uri;
  const left = keepScroll && before ? before.scrollLeft : sameFile ? state.scrollLeft : 0;
  const top = keepScroll && before ? before.scrollTop : sameFile ? state.scrollTop : 0;
  if (!sameFile) state = { ...state, uri: update.uri, persona: undefined, scrollLeft: 0, scrollTop: 0 };
  const mermaidChanged = current?.mermaid !== update.mermaid || current?.mermaidPersona !== update.mermaidPersona;
  current = update;
  gridHost.innerHTML = update.html;
  document.title = update.title;
  // Focusable before the view states, so attributes come in one order however a cell got here.
  makeFocusable(gridHost);
  updatePersonaOptions(update);
  coverageView.show(update.coverage);
  applyView();
  const after = scroller();
  if (after) {
    ignoreScrollUntil = performance.now() + 100;
    after.scrollLeft = left;
    after.scrollTop = top;
    after.addEventListener('scroll', onGridScroll, { passive: true });
  }
  gridHost.querySelector('.bp')?.classList.add('bp-clickable');
  if (state.view === 'mermaid' && mermaidChanged) void renderMermaidView();
  reportRendered();
}

/**
 * Apply a patch to the grid on show: only the changed cells are replaced, scroll position
 * and everything else stay. A patch for another version than the one shown (the page was
 * reloaded meanwhile) cannot apply: ask the extension for everything again.
 */
function patchContent(update: ContentUpdate): void {
  const patch = update.patch;
  const result = patch && current && current.uri === update.uri && current.version === patch.baseVersion
    ? applyGridPatch(gridHost, patch)
    : undefined;
  if (!result) {
    current = undefined;
    vscode.postMessage({ type: 'ready' });
    return;
  }
  const mermaidChanged = current?.mermaid !== update.mermaid || current?.mermaidPersona !== update.mermaidPersona;
  current = update;
  document.title = update.title;
  updatePersonaOptions(update);
  coverageView.show(update.coverage);
  for (const element of result.added) makeFocusable(element);
  applyStatesTo(gridHost, result.added, result.headerColumns, state.persona, cursorColumn);
  if (state.present) showSlide();
  else showGridLayout();
  saveState();
  if (state.view === 'mermaid' && mermaidChanged) void renderMermaidView();
  reportRendered();
}

/** Step headers and outside findings take the keyboard focus: the keyboard's way to the source (Enter reveals their line). */
function makeFocusable(root: Element): void {
  if (root.matches('th.bp-step, .bp-outside li[data-line]')) (root as HTMLElement).tabIndex = 0;
  for (const th of Array.from(root.querySelectorAll<HTMLElement>('th.bp-step, .bp-outside li[data-line]'))) th.tabIndex = 0;
}

function updatePersonaOptions(update: ContentUpdate): void {
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
  if (state.persona && !update.personas.some((p) => p.slug === state.persona)) state = { ...state, persona: undefined };
  personaSelect.value = state.persona ?? '';
}

/** Apply persona filter, client view and the chosen view to the current DOM. */
function applyView(): void {
  const bp = gridHost.querySelector('.bp');
  bp?.classList.toggle('bp-client', state.clientView);
  applyPersonaFilter(gridHost, state.persona);
  applyActiveColumn(gridHost, cursorColumn);
  if (personaSelect.value !== (state.persona ?? '')) personaSelect.value = state.persona ?? '';
  clientButton.checked = state.clientView;
  mermaidButton.checked = state.view === 'mermaid';
  coverageButton.checked = state.view === 'coverage';
  const presenting = state.present !== undefined;
  document.body.classList.toggle('bp-show-mermaid', state.view === 'mermaid');
  document.body.classList.toggle('bp-presenting', presenting);
  gridHost.hidden = presenting || state.view !== 'grid';
  mermaidHost.hidden = presenting || state.view !== 'mermaid';
  required('bp-coverage-view').hidden = presenting || state.view !== 'coverage';
  presentHost.hidden = !presenting;
  if (presenting) showSlide();
  else slideShown = undefined;
  if (!presenting && state.view === 'grid') showGridLayout();
  saveState();
}

/** The grid's zoom, and the step cards instead of the grid on a narrow screen. */
function showGridLayout(): void {
  const bp = gridHost.querySelector('.bp');
  bp?.querySelector(':scope > .bp-cards')?.remove();
  if (narrowQuery.matches) {
    const cards = buildCards(gridHost);
    if (bp && cards) bp.insertBefore(cards, bp.querySelector(':scope > .bp-outside'));
  }
  const cards = bp?.querySelector<HTMLElement>(':scope > .bp-cards');
  if (cards) {
    // The cards take the zoom factor too (fit: their width is the panel's already).
    zoomDrawn = typeof state.zoom === 'number' ? state.zoom : 1;
    cards.style.zoom = zoomDrawn === 1 ? '' : String(zoomDrawn);
  } else {
    zoomDrawn = applyZoom(gridHost, state.zoom);
  }
  zoomLevel.textContent = `${Math.round(zoomDrawn * 100)}%`;
  fitButton.checked = state.zoom === 'fit';
}

/** What a picture shows: the slide, Mermaid's SVG, the step cards, or the grid's table. */
function pictureTarget(): { node: Element; view: string } | undefined {
  if (state.present) {
    const slide = slideHost.firstElementChild;
    return slide ? { node: slide, view: 'slide' } : undefined;
  }
  if (state.view === 'mermaid') {
    const svg = mermaidHost.querySelector('svg');
    return svg ? { node: svg, view: 'journey' } : undefined;
  }
  if (state.view === 'coverage') {
    const table = required('bp-coverage-view').querySelector('table');
    return table ? { node: table, view: 'coverage' } : undefined;
  }
  const cards = gridHost.querySelector('.bp-cards');
  if (cards) return { node: cards, view: 'cards' };
  const table = gridHost.querySelector('table.bp-grid');
  return table ? { node: table, view: state.clientView ? 'client' : 'grid' } : undefined;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function pictureFailed(error: unknown): void {
  vscode.postMessage({ type: 'pictureDone', error: error instanceof Error ? error.message : String(error) });
}

/**
 * Copy the view on screen to the clipboard as PNG, or hand it to the extension to save as
 * PNG or SVG (the journey diagram's SVG is Mermaid's own). The picture library is loaded
 * on the first use.
 */
function makePicture(action: 'copy' | 'png' | 'svg'): void {
  const target = pictureTarget();
  if (!target) return;
  const background = getComputedStyle(document.body).backgroundColor;
  const box = target.node.getBoundingClientRect();
  if (action === 'svg' && target.node instanceof SVGSVGElement) {
    const data = new XMLSerializer().serializeToString(target.node);
    vscode.postMessage({ type: 'savePicture', format: 'svg', data, view: target.view, width: Math.round(box.width), height: Math.round(box.height) });
    return;
  }
  const png = loadPictures().then((maker) => maker.png(target.node, background));
  if (action === 'copy') {
    // Chromium lets a focused page write to the clipboard (VS Code's webview frame allows it).
    png.then((blob) => navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]))
      .then(() => vscode.postMessage({ type: 'pictureDone', copied: true }), pictureFailed);
    return;
  }
  if (action === 'svg') {
    void loadPictures().then((maker) => maker.svg(target.node, background)).then((data) => {
      vscode.postMessage({ type: 'savePicture', format: 'svg', data, view: target.view, width: Math.round(box.width), height: Math.round(box.height) });
    }, pictureFailed);
    return;
  }
  void png.then(async (blob) => {
    const bitmap = await createImageBitmap(blob);
    const data = base64(new Uint8Array(await blob.arrayBuffer()));
    vscode.postMessage({ type: 'savePicture', format: 'png', data, view: target.view, width: bitmap.width, height: bitmap.height });
    bitmap.close();
  }, pictureFailed);
}

/** Zoom in, out, back to 100 %, or fit to width (toggles). */
function zoom(action: 'in' | 'out' | 'reset' | 'fit'): void {
  const next = action === 'fit' ? (state.zoom === 'fit' ? undefined : 'fit')
    : action === 'reset' ? undefined
      : nextZoom(zoomDrawn, action === 'in' ? 1 : -1);
  state = { ...state, zoom: next === 1 ? undefined : next };
  showGridLayout();
  saveState();
  reportRendered();
}

/**
 * Presentation mode: build the slide `state.present` points at from the grid, fit it to the
 * screen and write the progress line. Called on every change (an edit, a key, a resize).
 */
function showSlide(): void {
  const present = state.present;
  if (!present) return;
  const grid = indexGrid(gridHost);
  if (!grid || grid.headers.length === 0) {
    slideHost.replaceChildren(...Array.from(gridHost.querySelectorAll('.bp-head, .bp-empty')).map((e) => e.cloneNode(true)));
    progressText.textContent = '';
    slideShown = undefined;
    return;
  }
  const slides = slidesOf(grid.groups, present.unit);
  const index = Math.min(present.index, slides.length - 1);
  if (index !== present.index) state = { ...state, present: { ...present, index } };
  const slide = slides[index];
  const content = buildSlide(grid, slide);
  content.classList.toggle('bp-client', state.clientView);
  slideHost.replaceChildren(content);
  fitSlide(slideHost, content);
  const progress = progressLine(settings.progress, slide, grid.groups, grid.headers.length);
  progressText.textContent = progress;
  unitButton.checked = present.unit === 'step';
  slideShown = {
    unit: present.unit,
    index,
    count: slides.length,
    steps: grid.headers.slice(slide.from, slide.to).map((th) => th.dataset.step ?? ''),
    progress,
  };
}

/** Start presentation mode at the slide of the cursor's step, in client view. */
function startPresenting(): void {
  if (state.present) return;
  const grid = indexGrid(gridHost);
  const index = grid && cursorColumn !== undefined && cursorColumn >= 0 ? slideHolding(slidesOf(grid.groups, 'stage'), cursorColumn) : 0;
  state = { ...state, clientView: true, present: { unit: 'stage', index, clientBefore: state.clientView } };
  applyView();
  slideHost.focus();
}

function stopPresenting(): void {
  if (!state.present) return;
  state = { ...state, clientView: state.present.clientBefore, present: undefined };
  applyView();
}

/** Move to slide `index` (clamped), or switch the unit keeping the place. */
function moveTo(index: number | 'last', unit?: PresentUnit): void {
  const present = state.present;
  const grid = indexGrid(gridHost);
  if (!present || !grid) return;
  let target = index;
  if (unit && unit !== present.unit) {
    const from = slidesOf(grid.groups, present.unit)[present.index];
    target = from ? slideHolding(slidesOf(grid.groups, unit), from.from) : 0;
  }
  const count = slidesOf(grid.groups, unit ?? present.unit).length;
  const next = target === 'last' ? count - 1 : Math.max(0, Math.min(count - 1, target));
  if (next === present.index && (unit ?? present.unit) === present.unit) return;
  state = { ...state, present: { ...present, unit: unit ?? present.unit, index: next } };
  showSlide();
  saveState();
  reportRendered();
}

/** Presentation keys: → PageDown Space next, ← PageUp previous, Home End, Escape leaves. */
function onPresentKey(event: KeyboardEvent): void {
  const present = state.present;
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
      stopPresenting();
      reportRendered();
      break;
    default:
      return;
  }
  event.preventDefault();
}

async function renderMermaidView(): Promise<void> {
  if (!current) return;
  // Drawn for another persona than the one chosen: the extension sends the right one next.
  if ((current.mermaidPersona ?? '') !== (state.persona ?? '')) {
    mermaidHost.setAttribute('aria-busy', 'true');
    reportRendered();
    return;
  }
  const persona = current.mermaidPersona ?? '';
  try {
    mermaidHost.setAttribute('aria-busy', 'true');
    const drawn = await drawMermaid(mermaidHost, current.mermaid, { dark: isDark() });
    if (drawn) {
      mermaidError = undefined;
      diagramFor = persona;
    }
  } catch (error) {
    mermaidError = error instanceof Error ? error.message : String(error);
    const message = document.createElement('p');
    message.className = 'bp-mermaid-error';
    message.textContent = mermaidError;
    mermaidHost.replaceChildren(message);
  } finally {
    mermaidHost.removeAttribute('aria-busy');
    reportRendered();
  }
}

function setView(change: Omit<SetViewMessage, 'type'>): void {
  const wasMermaid = state.view === 'mermaid';
  state = {
    ...state,
    persona: change.persona === null ? undefined : change.persona ?? state.persona,
    clientView: change.clientView ?? state.clientView,
    view: change.view ?? state.view,
  };
  if (change.present === true) startPresenting();
  else if (change.present === false) stopPresenting();
  applyView();
  if (state.view === 'mermaid' && (!wasMermaid || change.persona !== undefined)) void renderMermaidView();
  else reportRendered();
}

function reportRendered(): void {
  if (!current) return;
  const { uri, version } = current;
  requestAnimationFrame(() => {
    vscode.postMessage({
      type: 'rendered',
      uri,
      version,
      steps: stepHeaders(gridHost).map((th) => th.dataset.step ?? ''),
      lanes: visibleLanes(gridHost),
      state,
      mermaidError,
      coverage: state.view === 'coverage' ? coverageView.painted() : undefined,
      slide: state.present ? slideShown : undefined,
      diagramFor: state.view === 'mermaid' ? diagramFor : undefined,
      zoom: zoomDrawn,
      narrow: gridHost.querySelector('.bp-cards') !== null,
    });
  });
}

/** The editor scrolled: bring the step at `line` to the left edge, beside the lane labels. */
function scrollToLine(line: number): void {
  const area = scroller();
  if (!area || state.view !== 'grid') return;
  const headers = stepHeaders(gridHost);
  const column = columnForLine(headers, line);
  if (column < 0) return;
  const labelWidth = gridHost.querySelector<HTMLElement>('.bp-corner')?.offsetWidth ?? 0;
  ignoreScrollUntil = performance.now() + 150;
  area.scrollLeft = Math.max(0, headers[column].offsetLeft - labelWidth);
}

function onGridScroll(): void {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    const area = scroller();
    if (!area) return;
    state = { ...state, scrollLeft: area.scrollLeft, scrollTop: area.scrollTop };
    saveState();
    if (performance.now() < ignoreScrollUntil) return;
    const labelWidth = gridHost.querySelector<HTMLElement>('.bp-corner')?.offsetWidth ?? 0;
    const first = stepHeaders(gridHost).find((th) => th.offsetLeft + th.offsetWidth > area.scrollLeft + labelWidth + 1);
    if (first) vscode.postMessage({ type: 'didScroll', line: Number(first.dataset.line) });
  });
}

function onMessage(event: MessageEvent<ToWebviewMessage>): void {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      showContent(message);
      break;
    case 'cursor':
      cursorColumn = columnForLine(stepHeaders(gridHost), message.line);
      applyActiveColumn(gridHost, cursorColumn);
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
  if (located && (gridHost.contains(located) || slideHost.contains(located))) vscode.postMessage({ type: 'revealLine', line: Number(located.dataset.line) });
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (target?.matches('th.bp-step, caption.bp-card-title, .bp-outside li[data-line]')) {
    event.preventDefault();
    vscode.postMessage({ type: 'revealLine', line: Number(target.dataset.line) });
  }
}

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
fitButton.addEventListener('click', () => zoom('fit'));
narrowQuery.addEventListener('change', () => {
  if (!state.present && state.view === 'grid') showGridLayout();
  reportRendered();
});
let gridResizeFrame = 0;
new ResizeObserver(() => {
  if (state.zoom !== 'fit' || gridResizeFrame) return;
  gridResizeFrame = requestAnimationFrame(() => {
    gridResizeFrame = 0;
    if (state.zoom === 'fit' && state.view === 'grid' && !state.present) {
      zoomDrawn = applyZoom(gridHost, 'fit');
      zoomLevel.textContent = `${Math.round(zoomDrawn * 100)}%`;
    }
  });
}).observe(gridHost);
required('bp-slide-previous').addEventListener('click', () => state.present && moveTo(state.present.index - 1));
required('bp-slide-next').addEventListener('click', () => state.present && moveTo(state.present.index + 1));
unitButton.addEventListener('change', () => moveTo(state.present?.index ?? 0, unitButton.checked ? 'step' : 'stage'));
required('bp-present-leave').addEventListener('click', () => setView({ present: false }));
document.addEventListener('keydown', onPresentKey);
slideHost.addEventListener('click', onClick);
let resizeFrame = 0;
new ResizeObserver(() => {
  if (!state.present || resizeFrame) return;
  resizeFrame = requestAnimationFrame(() => {
    resizeFrame = 0;
    const content = slideHost.firstElementChild;
    if (state.present && content instanceof HTMLElement) fitSlide(slideHost, content);
  });
}).observe(slideHost);
gridHost.addEventListener('click', onClick);
gridHost.addEventListener('keydown', onKeyDown);
window.addEventListener('message', onMessage);
applyView();
vscode.postMessage({ type: 'ready' });
