/**
 * The coverage as a standalone page (`blueprint render --view coverage`): the same matrix
 * and tokens as the preview, no script and no network, as the grid's export.
 */
import { buildCoverage, type CoverageInput } from '../coverage/coverage';
import { coverageLabelsFor } from '../coverage/labels';
import { COVERAGE_CSS } from './coverage-styles';
import { renderCoverageHtml } from './coverage-view';
import { escapeText } from './escape';
import { GRID_CSS, PAGE_CSS } from './styles';

export function renderCoveragePage(input: CoverageInput, options: { theme?: 'light' | 'dark' } = {}): string {
  const coverage = buildCoverage(input);
  const labels = coverageLabelsFor(coverage.lang);
  const title = `${coverage.title || input.doc.uri.slice(input.doc.uri.lastIndexOf('/') + 1)} · ${labels.heading}`;
  return [
    '<!doctype html>',
    `<html lang="${coverage.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="service-blueprints">',
    `<title>${escapeText(title)}</title>`,
    `<style>${GRID_CSS}${PAGE_CSS}${COVERAGE_CSS}${options.theme === 'dark' ? forcedDarkCss() : ''}</style>`,
    '</head>',
    '<body class="bp-page bp-view-coverage">',
    renderCoverageHtml(coverage, { dark: options.theme === 'dark' }),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// The page's dark palette applied on screen regardless of the reader's setting (as the grid export does).
function forcedDarkCss(): string {
  const match = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(PAGE_CSS);
  return match ? `@media screen {${match[1]}\n}` : '';
}
