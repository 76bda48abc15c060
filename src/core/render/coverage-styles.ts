/**
 * Styles of the coverage matrix (`.bp-cov`), on the grid's tokens (`--bp-*`, which follow
 * VS Code's theme variables in the webview and the page palette in the export).
 */
export const COVERAGE_CSS = String.raw`
.bp-cov { padding-bottom: 1rem; }
.bp-cov-kind { color: var(--bp-muted); font-size: .95rem; }
.bp-cov-scroll { overflow: auto; padding: 0 1rem; }
.bp-cov-scroll:focus-visible { outline: 2px solid var(--bp-accent); outline-offset: -2px; }
.bp-cov-table { border-collapse: separate; border-spacing: 0; min-width: 40rem; }
.bp-cov-table caption { text-align: left; color: var(--bp-muted); padding: 0 0 .5rem; caption-side: top; }
.bp-cov-table th, .bp-cov-table td { border-bottom: 1px solid var(--bp-border); padding: .4rem .6rem; vertical-align: top; text-align: left; }
.bp-cov-table thead th { background: var(--bp-head-bg); font-weight: 650; position: sticky; top: 0; z-index: 1; white-space: nowrap; }
.bp-cov-stage, .bp-cov-cell, .bp-cov-total { text-align: right !important; }
.bp-cov-unstaged { font-style: italic; }
.bp-cov-persona { font-weight: 600; white-space: nowrap; background: var(--bp-head-bg); }
.bp-cov-mark { color: var(--bp-warning); font-weight: 700; }
.bp-cov-no { color: var(--bp-muted); }
.bp-cov-entries { list-style: none; margin: 0; padding: 0; font-size: .85em; max-width: 16rem; }
.bp-cov-entries li + li { margin-top: .15rem; }
.bp-cov-cell { min-width: 5.5rem; font-variant-numeric: tabular-nums; }
.bp-cov-count { font-size: 1.1em; font-weight: 600; }
.bp-cov-empty .bp-cov-count { color: var(--bp-muted); font-weight: 400; }
.bp-cov-inherited { display: block; font-size: .8em; color: var(--bp-muted); }
.bp-cov-gap { background: color-mix(in srgb, var(--bp-warning) 16%, var(--bp-bg)); box-shadow: inset 0 0 0 1px var(--bp-warning); }
.bp-cov-gap .bp-cov-count { color: var(--bp-fg); font-weight: 600; }
.bp-cov-gap-mark { color: var(--bp-warning); margin-left: .35rem; font-weight: 700; }
.bp-cov-table tfoot th { font-weight: 600; color: var(--bp-muted); text-align: left; }
.bp-cov-table tfoot tr:first-child > * { border-top: 2px solid var(--bp-border); }
.bp-cov-warn { font-weight: 700; background: color-mix(in srgb, var(--bp-warning) 16%, var(--bp-bg)); box-shadow: inset 0 0 0 1px var(--bp-warning); }
.bp-cov-basis { text-align: right !important; }
.bp-cov-legend { color: var(--bp-muted); padding: .25rem 1rem; margin: 0; font-size: .9em; }
.bp-cov-swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; border: 1px solid var(--bp-warning);
  background: color-mix(in srgb, var(--bp-warning) 16%, var(--bp-bg)); }
.bp-cov-unknown { margin: .75rem 1rem; padding: .5rem .75rem; border-left: 3px solid var(--bp-error); }
.bp-cov-unknown h2 { font-size: 1rem; margin: 0 0 .25rem; }
.bp-cov-unknown p { margin: 0 0 .25rem; color: var(--bp-muted); }
.bp-cov-unknown ul { margin: 0; padding-left: 1.25rem; }
.bp-cov.bp-clickable [data-line] { cursor: pointer; }
.bp-cov.bp-clickable [data-line]:hover { text-decoration: underline; }
.bp-cov [data-line]:focus-visible { outline: 2px solid var(--bp-accent); outline-offset: -2px; }
`;
