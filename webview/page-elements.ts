/**
 * The preview page's fixed parts, found once: the settings the extension wrote into the
 * page, the hosts of the grid, the diagram, Coverage and the slides, and the toolbar's
 * controls. The page (`src/extension/preview/page.ts`) holds every one of these ids.
 */
import { parsePageSettings, type PageSettings } from '../src/shared/messages';
import { CoverageView } from './coverage-view';
import { vscode } from './vscode-api';

/** `vscode-single-select`: its value is the chosen option's. */
export interface PersonaSelect extends HTMLElement {
  value: string;
}

/** A `vscode-toolbar-button` with `toggleable`. */
export interface ToggleButton extends HTMLElement {
  checked: boolean;
}

/** The element with `id`; the page always has it. */
export function required(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`preview page lacks #${id}`);
  return element;
}

/** The page's own styles (bundled as text); the CSP allows inline styles for Mermaid anyway. */
export function injectStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}

function readSettings(): PageSettings {
  const raw = document.getElementById('bp-settings')?.dataset.settings;
  if (!raw) throw new Error('preview page lacks its settings');
  return parsePageSettings(raw);
}

export const settings = readSettings();

export const page = {
  gridHost: required('bp-root'),
  mermaidHost: required('bp-mermaid'),
  coverageHost: required('bp-coverage-view'),
  personaSelect: required('bp-persona') as PersonaSelect,
  clientButton: required('bp-client') as ToggleButton,
  mermaidButton: required('bp-diagram') as ToggleButton,
  coverageButton: required('bp-coverage') as ToggleButton,
  presentHost: required('bp-present-view'),
  slideHost: required('bp-slide'),
  progressText: required('bp-progress'),
  copiedStatus: required('bp-copied'),
  unitButton: required('bp-slide-unit') as ToggleButton,
  zoomLevel: required('bp-zoom-level'),
  fitButton: required('bp-zoom-fit') as ToggleButton,
};

export const coverageView = new CoverageView({
  host: page.coverageHost,
  reveal: (line) => vscode.postMessage({ type: 'revealLine', line }),
});

/** Narrow screens get step cards instead of the grid (the same width as the export's media query). */
export const narrowQuery = window.matchMedia('(max-width: 720px)');

/** The grid's scroll area (none while no journey is shown). */
export function scroller(): HTMLElement | null {
  return page.gridHost.querySelector<HTMLElement>('.bp-scroll');
}

export function isDark(): boolean {
  return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
}
