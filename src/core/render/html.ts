/**
 * Serialising the grid: the fragment the webview swaps in on each update, and the
 * standalone page the export writes (inline styles, no script, opens from disk offline).
 */
import { standalonePage } from './standalone-page';
import { writeCards } from './cards';
import { BlueprintRenderer, joinBlueprint, writeBlueprint, type BlueprintParts } from './grid';
import { renderJourneyChart } from './journey-chart';
import type { RenderInput } from './journey-view';
import { labelsFor, type RenderLabels } from './render-labels';
import { GRID_CSS, PAGE_CSS } from './styles';

/** The blueprint as an HTML fragment (`<div class="bp">…</div>`). */
export function renderBlueprintHtml(input: RenderInput): string {
  return joinBlueprint(new BlueprintRenderer({ reuse: false }).render(input));
}

/** The views a page can show: the whole grid, the client view, the journey diagram. */
export const EXPORT_VIEWS = ['grid', 'client', 'journey'] as const;
export type ExportView = typeof EXPORT_VIEWS[number];

export interface PageOptions {
  /** Force a palette instead of following the reader's system setting. */
  theme?: 'light' | 'dark';
  /** What the page shows (default: the grid). */
  view?: ExportView;
  /** Dim (`data-dimmed`) the steps this persona takes no part in; the journey shows only theirs. */
  persona?: string;
  /** False leaves every finding off the page (client view never shows any). */
  findings?: boolean;
}

/**
 * A complete, self-contained HTML page of the view asked for. Its Content-Security-Policy
 * allows no script and no network at all: the static grid needs neither, and a blueprint
 * from a pull request gets no second chance to run anything when the page is opened from
 * disk. Below 720 px the grid gives way to step cards (a media query, no script).
 */
export function renderStandalonePage(input: RenderInput, options: PageOptions = {}): string {
  const view = options.view ?? 'grid';
  const client = view === 'client';
  const shown: RenderInput = options.findings === false || client ? { ...input, diagnostics: [] } : input;
  const parts = new BlueprintRenderer({ reuse: false }).render(shown, {
    dark: options.theme === 'dark',
    audience: client ? 'client' : 'everyone',
    persona: options.persona,
  });
  const labels = labelsFor(input.locale ?? input.doc.lang);
  const title = parts.view.title || labels.untitled;
  // The client view is the grid with the client's rows only, in the client's type size.
  const shell = client ? { ...parts, open: parts.open.replace('<div class="bp', '<div class="bp-client bp') } : parts;
  return standalonePage({
    lang: input.locale ?? input.doc.lang,
    title,
    css: `${GRID_CSS}${PAGE_CSS}`,
    theme: options.theme,
    bodyClass: ['bp-page', `bp-view-${view}`].join(' '),
    body: view === 'journey'
      ? journeyFragment(shell, labels, options.persona)
      : (html) => writeBlueprint(html, shell, (after) => writeCards(after, shell)),
  });
}

/** The journey diagram page: heading, then the chart (no grid, no findings). */
function journeyFragment(parts: BlueprintParts, labels: RenderLabels, persona: string | undefined): string {
  return parts.open + parts.head + (parts.grid ? renderJourneyChart(parts.view, labels, persona) : parts.empty) + '</div>';
}
