/**
 * The coverage as a standalone page (`blueprint render --view coverage`): the same matrix
 * and tokens as the preview, no script and no network, as the grid's export.
 */
import { buildCoverage, type CoverageInput } from '../coverage/coverage';
import { coverageLabelsFor } from '../coverage/coverage-labels';
import { COVERAGE_CSS } from './coverage-styles';
import { renderCoverageHtml } from './coverage-view';
import { standalonePage } from './standalone-page';
import { GRID_CSS, PAGE_CSS } from './styles';

export function renderCoveragePage(input: CoverageInput, options: { theme?: 'light' | 'dark' } = {}): string {
  const coverage = buildCoverage(input);
  const labels = coverageLabelsFor(coverage.lang);
  const title = `${coverage.title || input.doc.uri.slice(input.doc.uri.lastIndexOf('/') + 1)} · ${labels.heading}`;
  return standalonePage({
    lang: coverage.lang,
    title,
    css: `${GRID_CSS}${PAGE_CSS}${COVERAGE_CSS}`,
    theme: options.theme,
    bodyClass: 'bp-page bp-view-coverage',
    body: renderCoverageHtml(coverage, { dark: options.theme === 'dark' }),
  });
}
