/**
 * Serialising the grid: the fragment the webview swaps in on each update, and the
 * standalone page the export writes (inline styles, no script, opens from disk offline).
 */
import { escapeText } from './escape';
import { BlueprintRenderer, joinBlueprint } from './grid';
import type { RenderInput } from './journey-view';
import { labelsFor } from './labels';
import { GRID_CSS, PAGE_CSS } from './styles';

/** The blueprint as an HTML fragment (`<div class="bp">…</div>`). */
export function renderBlueprintHtml(input: RenderInput): string {
  return joinBlueprint(new BlueprintRenderer().render(input));
}

export interface PageOptions {
  /** Force a palette instead of following the reader's system setting. */
  theme?: 'light' | 'dark';
}

/**
 * A complete, self-contained HTML page. Its Content-Security-Policy allows no script and
 * no network at all: the static grid needs neither, and a blueprint from a pull request
 * gets no second chance to run anything when the page is opened from disk.
 */
export function renderStandalonePage(input: RenderInput, options: PageOptions = {}): string {
  const fragment = joinBlueprint(new BlueprintRenderer().render(input, { dark: options.theme === 'dark' }));
  const labels = labelsFor(input.doc.lang);
  const title = input.doc.title ?? input.doc.frontMatter?.title ?? labels.untitled;
  const darkTokens = options.theme === 'dark' ? forcedDarkCss() : '';
  return [
    '<!doctype html>',
    `<html lang="${input.doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="service-blueprints">',
    `<title>${escapeText(title)}</title>`,
    `<style>${GRID_CSS}${PAGE_CSS}${darkTokens}</style>`,
    '</head>',
    '<body class="bp-page">',
    fragment,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// The dark palette of PAGE_CSS, applied unconditionally (for screenshots and dark exports).
function forcedDarkCss(): string {
  const match = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(PAGE_CSS);
  return match ? match[1] : '';
}
