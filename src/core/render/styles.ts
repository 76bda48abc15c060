/**
 * The grid's styles, one source for the webview and the HTML export. Colours come from
 * tokens (`--bp-*`) that default to VS Code's theme variables, so the webview follows the
 * editor's light, dark and high-contrast themes; the export sets the same tokens itself.
 * Kept as a string module so the core, the CLI and the extension can all inline it
 * without a bundler loader or file access.
 */

/** Styles for `.bp` (the rendered blueprint), in any host. */
export const GRID_CSS = String.raw`
.bp {
  --bp-fg: var(--vscode-editor-foreground, #1f2328);
  --bp-bg: var(--vscode-editor-background, #ffffff);
  --bp-muted: var(--vscode-descriptionForeground, #59636e);
  --bp-border: var(--vscode-editorGroup-border, #d1d9e0);
  --bp-line: var(--vscode-editorIndentGuide-activeBackground1, #818b98);
  --bp-head-bg: var(--vscode-sideBar-background, #f6f8fa);
  --bp-accent: var(--vscode-focusBorder, #0969da);
  --bp-link: var(--vscode-textLink-foreground, #0969da);
  --bp-error: var(--vscode-editorError-foreground, #cf222e);
  --bp-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --bp-info: var(--vscode-editorInfo-foreground, #0969da);
  --bp-hint: var(--vscode-editorHint-foreground, #59636e);
  --bp-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --bp-size: 13px;
  --bp-col: 15rem;
  --bp-label-col: 10.5rem;
  --bp-stage-row: 2.25rem;
  --bp-tint: 11%;
  --bp-note-tint: 22%;
  --bp-evidence: #8c959f;
  --bp-customer: #d4a72c;
  --bp-frontstage: #2f81f7;
  --bp-backstage: #1f9d7a;
  --bp-support: #8250df;
  --bp-pain: #e5534b;
  --bp-idea: #3fb950;
  --bp-series-0: #0969da;
  --bp-series-1: #bf3989;
  --bp-series-2: #1a7f37;
  --bp-series-3: #bc4c00;
  --bp-series-4: #8250df;
  --bp-series-5: #57606a;
  color: var(--bp-fg);
  background: var(--bp-bg);
  font-family: var(--bp-font);
  font-size: var(--bp-size);
  line-height: 1.45;
}
body.vscode-dark .bp, .bp.bp-dark {
  --bp-tint: 14%;
  --bp-note-tint: 26%;
  --bp-series-0: #4493f8;
  --bp-series-1: #f778ba;
  --bp-series-2: #3fb950;
  --bp-series-3: #f0883e;
  --bp-series-4: #a371f7;
  --bp-series-5: #9198a1;
}
.bp *, .bp *::before, .bp *::after { box-sizing: border-box; }
.bp-sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Heading above the grid */
.bp-head { display: flex; align-items: baseline; gap: .75rem; padding: .75rem 1rem .5rem; }
.bp-title { font-size: 1.35rem; font-weight: 600; margin: 0; letter-spacing: -.01em; }
.bp-status {
  font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--bp-muted);
  border: 1px solid var(--bp-border); border-radius: 999px; padding: 0 .55rem;
}
.bp-empty { padding: 1rem; color: var(--bp-muted); }

/* The scroll area keeps stage and lane headers in view (sticky cells need it to scroll). */
.bp-scroll { overflow: auto; max-height: var(--bp-scroll-height, none); position: relative; }
.bp-scroll:focus-visible { outline: 2px solid var(--bp-accent); outline-offset: -2px; }
.bp-grid { border-collapse: separate; border-spacing: 0; table-layout: auto; }
.bp-grid th, .bp-grid td {
  border-right: 1px solid var(--bp-border); border-bottom: 1px solid var(--bp-border);
  vertical-align: top; text-align: left; padding: .45rem .55rem; background: var(--bp-bg);
}
.bp-grid .bp-stage-start { border-left: 2px solid var(--bp-line); }

.bp-corner { position: sticky; left: 0; top: 0; z-index: 4; min-width: var(--bp-label-col); background: var(--bp-head-bg) !important; }
/* The corner stays above everything that scrolls under it: header rows (z 2, later in the
   DOM, so they painted over a corner of equal z) and the lane column (z 1). */
.bp-grid .bp-corner { z-index: 5; }
.bp-stages > * {
  position: sticky; top: 0; z-index: 2; height: var(--bp-stage-row);
  background: var(--bp-head-bg) !important; font-size: .95rem; font-weight: 650; white-space: nowrap;
  vertical-align: middle !important;
}
/* Stage names stay readable while a long stage scrolls past. */
.bp-stage-name { position: sticky; left: calc(var(--bp-label-col) + .6rem); }
.bp-stage { border-top: 3px solid var(--bp-accent); }
.bp-stage-none { border-top: 3px solid transparent; }
.bp-steps > * { position: sticky; top: 0; z-index: 2; background: var(--bp-head-bg) !important; }
.bp-has-stages .bp-steps > * { top: var(--bp-stage-row); }
/* A step's name breaks a long word as its cells do, rather than run into the next column. */
.bp-step, .bp-cell { min-width: var(--bp-col); max-width: calc(var(--bp-col) * 1.3); overflow-wrap: anywhere; }
.bp-step { font-weight: 600; }
.bp-step-no {
  display: inline-flex; align-items: center; justify-content: center; min-width: 1.45rem; height: 1.45rem;
  padding: 0 .3rem; margin-right: .2rem; border-radius: 999px; font-size: .75rem; font-weight: 700;
  color: var(--bp-bg); background: var(--bp-fg); font-variant-numeric: tabular-nums;
}

/* Row headers */
.bp-grid th[scope="row"] {
  position: sticky; left: 0; z-index: 1; min-width: var(--bp-label-col); max-width: var(--bp-label-col);
  background: var(--bp-head-bg); font-weight: 600; font-size: .85rem;
}
.bp-cell p { margin: 0 0 .35rem; }
.bp-cell p:last-child { margin-bottom: 0; }
.bp-cell ul, .bp-cell ol { margin: 0; padding-left: 1.1rem; }
.bp-cell blockquote { margin: 0; padding-left: .5rem; border-left: 3px solid var(--bp-border); color: var(--bp-muted); }
.bp-cell code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: .92em; }
.bp a { color: var(--bp-link); }
.bp-entry + .bp-entry { margin-top: .35rem; padding-top: .35rem; border-top: 1px dashed var(--bp-border); }
.bp-key { color: var(--bp-muted); font-weight: 600; }

/* Lanes: a tinted band with notes in the lane's colour */
.bp-lane { --bp-hue: transparent; }
.bp-lane-evidence { --bp-hue: var(--bp-evidence); }
.bp-lane-customer { --bp-hue: var(--bp-customer); }
.bp-lane-frontstage { --bp-hue: var(--bp-frontstage); }
.bp-lane-backstage { --bp-hue: var(--bp-backstage); }
.bp-lane-support { --bp-hue: var(--bp-support); }
.bp-lane-pain { --bp-hue: var(--bp-pain); }
.bp-lane-idea { --bp-hue: var(--bp-idea); }
.bp-lane > td { background: color-mix(in srgb, var(--bp-hue) var(--bp-tint), var(--bp-bg)); }
.bp-lane > th[scope="row"] { box-shadow: inset 4px 0 0 var(--bp-hue); padding-left: .8rem; }
.bp-note {
  background: color-mix(in srgb, var(--bp-hue) var(--bp-note-tint), var(--bp-bg));
  border-left: 3px solid var(--bp-hue); border-radius: 4px; padding: .35rem .5rem;
  box-shadow: 0 1px 1px color-mix(in srgb, var(--bp-fg) 10%, transparent);
}
.bp-lane-channel .bp-note, .bp-lane-tested .bp-note, .bp-lane-duration .bp-note, .bp-lane-metric .bp-note,
.bp-lane-owner .bp-note, .bp-lane-basis .bp-note, .bp-lane-quote .bp-note, .bp-lane-other .bp-note {
  background: none; border-left: 0; box-shadow: none; padding: 0;
}
.bp-lane-quote .bp-note { font-style: italic; }
.bp-lane-channel .bp-note { font-weight: 600; color: var(--bp-muted); }
.bp-lane-customer .bp-note { font-weight: 500; }

/* The three lines */
.bp-line > th, .bp-line > td { padding: 0; height: 1.6rem; vertical-align: middle !important; border-bottom: 0; }
.bp-line > th.bp-line-label {
  font-size: .68rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em;
  color: var(--bp-muted); padding: .15rem .55rem; line-height: 1.15;
}
.bp-line-rule { background: linear-gradient(var(--bp-line), var(--bp-line)) center / 100% 2px no-repeat !important; }
.bp-line[data-lane="line-of-visibility"] .bp-line-rule {
  background: repeating-linear-gradient(90deg, var(--bp-line) 0 10px, transparent 10px 16px) center / 100% 2px no-repeat !important;
}
.bp-line[data-lane="line-of-internal-interaction"] .bp-line-rule {
  background: repeating-linear-gradient(90deg, var(--bp-line) 0 3px, transparent 3px 7px) center / 100% 2px no-repeat !important;
}
.bp-line > td.bp-stage-start { border-left-color: var(--bp-line); }
.bp-line + .bp-lane > * { border-top: 0; }

/* Personas and stories */
.bp-chips, .bp-cell .bp-chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
.bp-chip {
  border: 1px solid var(--bp-border); border-radius: 999px; padding: 0 .55rem; font-size: .85em;
  background: var(--bp-head-bg); white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis;
}
/* \25CF is a black circle, escaped: an ASCII style sheet keeps the export page a one-byte string, half the memory. */
.bp-chip-persona::before { content: "\25CF  "; color: var(--bp-accent); }
.bp-chip-story { border-radius: 4px; white-space: normal; }
.bp-chip.bp-inherited { border-style: dashed; color: var(--bp-muted); background: transparent; }
/* Theme error colours are made for squiggles, not small text on a tinted chip (VS Code's light
   #e51400 on #f8f8f8 is 4.46:1, under WCAG's 4.5:1): the error colour marks the border and the
   wavy underline, the name keeps the foreground colour. */
.bp-chip.bp-unknown { border-color: var(--bp-error); color: var(--bp-fg); text-decoration: underline wavy var(--bp-error); }

/* Emotion curve: each cell draws its piece; percentages keep dots round at any width. */
.bp-lane-emotion > td { padding: 0; height: 96px; position: relative; }
.bp-curve { display: block; overflow: visible; }
.bp-curve line { stroke-width: 2.5; stroke-linecap: round; }
.bp-curve .bp-curve-zero { stroke: var(--bp-border); stroke-width: 1; stroke-dasharray: 2 4; }
.bp-curve circle { stroke: var(--bp-bg); stroke-width: 2; }
.bp-series-0 { stroke: var(--bp-series-0); fill: var(--bp-series-0); background: var(--bp-series-0); }
.bp-series-1 { stroke: var(--bp-series-1); fill: var(--bp-series-1); background: var(--bp-series-1); }
.bp-series-2 { stroke: var(--bp-series-2); fill: var(--bp-series-2); background: var(--bp-series-2); }
.bp-series-3 { stroke: var(--bp-series-3); fill: var(--bp-series-3); background: var(--bp-series-3); }
.bp-series-4 { stroke: var(--bp-series-4); fill: var(--bp-series-4); background: var(--bp-series-4); }
.bp-series-5 { stroke: var(--bp-series-5); fill: var(--bp-series-5); background: var(--bp-series-5); }
.bp-curve-emoji { position: absolute; left: calc(50% + 9px); font-size: 15px; line-height: 1; }
.bp-curve-emoji[data-score="2"] { top: 5px; }
.bp-curve-emoji[data-score="1"] { top: 23px; }
.bp-curve-emoji[data-score="0"] { top: 41px; }
.bp-curve-emoji[data-score="-1"] { top: 59px; }
.bp-curve-emoji[data-score="-2"] { top: 72px; }
.bp-legend { list-style: none; margin: .3rem 0 0; padding: 0; font-weight: 400; font-size: .8rem; }
.bp-legend li { display: flex; align-items: center; gap: .35rem; }
.bp-swatch { display: inline-block; width: .9rem; height: 3px; border-radius: 2px; }

/* Findings */
.bp-finding {
  --bp-sev: var(--bp-warning);
  display: flex; gap: .35rem; align-items: baseline; margin-top: .35rem; padding: .2rem .4rem;
  font-size: .78rem; font-weight: 500; line-height: 1.3; border-radius: 3px;
  border-left: 3px solid var(--bp-sev); background: color-mix(in srgb, var(--bp-sev) 12%, var(--bp-bg)); color: var(--bp-fg);
}
.bp-finding[data-severity="error"] { --bp-sev: var(--bp-error); }
.bp-finding[data-severity="info"] { --bp-sev: var(--bp-info); }
.bp-finding[data-severity="hint"] { --bp-sev: var(--bp-hint); }
.bp-finding::before { content: ''; flex: none; width: .55rem; height: .55rem; border-radius: 50%; background: var(--bp-sev); transform: translateY(-.05rem); }
.bp-step .bp-finding { font-weight: 500; }
.bp-outside { padding: .75rem 1rem 1rem; max-width: 60rem; }
.bp-outside h2 { font-size: .95rem; margin: 0 0 .4rem; }
.bp-outside ul { list-style: none; margin: 0; padding: 0; }

/* States set by the webview: the step at the cursor, a persona filter, client view. */
.bp-grid .bp-active, .bp-card .bp-active { box-shadow: inset 0 0 0 2px var(--bp-accent); }
/* Other personas' steps are dimmed without opacity: at 30% their text fell to 1.7:1 contrast,
   yet it is still content a client reads (WCAG 1.4.3 makes no exception for it). Dimmed text
   takes the theme's muted colour on the plain background, without lane tints or note colours;
   only graphics without text (the curve's pieces, legend swatches) fade. */
.bp-grid td.bp-dim, .bp-grid th.bp-dim, .bp-card td.bp-dim, .bp-card-title.bp-dim { color: var(--bp-muted); background: var(--bp-bg); }
.bp-grid .bp-dim .bp-note, .bp-grid .bp-dim .bp-chip, .bp-card .bp-dim .bp-note, .bp-card .bp-dim .bp-chip {
  color: var(--bp-muted); background: var(--bp-bg); border-color: var(--bp-border); box-shadow: none;
}
.bp-grid .bp-dim .bp-step-no, .bp-card .bp-dim .bp-step-no { background: var(--bp-muted); }
.bp-grid .bp-dim .bp-finding, .bp-card .bp-dim .bp-finding { display: none; }
.bp-grid .bp-dim .bp-curve-emoji { opacity: .3; }
.bp-legend li.bp-dim { color: var(--bp-muted); }
.bp-legend li.bp-dim .bp-swatch, .bp-curve .bp-dim { opacity: .2; }
.bp-client { --bp-size: 16px; --bp-col: 17rem; }
.bp-client [data-audience="internal"], .bp-client .bp-finding, .bp-client .bp-outside { display: none !important; }
/* A client sees the persona, not the finding: the unknown-persona marking is a finding too. */
.bp-client .bp-chip.bp-unknown { border-color: var(--bp-border); text-decoration: none; }
.bp-clickable .bp-cell, .bp-clickable .bp-step, .bp-clickable .bp-stage { cursor: pointer; }

/* Narrow screens: below 720 px the grid gives way to a list of step cards (a table each:
   lanes as labelled rows, the lines between them), with stage headings between. */
.bp-cards { display: none; }
@media (max-width: 720px) {
  .bp:has(> .bp-cards) > .bp-scroll { display: none; }
  .bp-cards { display: block; padding: 0 .75rem 1rem; }
  .bp-head { flex-wrap: wrap; }
  .bp-title { overflow-wrap: anywhere; }
}
.bp-card-stage { font-size: 1.05rem; margin: 1rem 0 .5rem; padding-top: .3rem; border-top: 3px solid var(--bp-accent); overflow-wrap: anywhere; }
.bp-card { width: 100%; table-layout: fixed; border-collapse: separate; border-spacing: 0; margin: 0 0 .9rem; }
.bp-card-title {
  caption-side: top; text-align: left; font-weight: 600; padding: .45rem .55rem; background: var(--bp-head-bg);
  border: 1px solid var(--bp-border); border-bottom: 0; border-radius: 6px 6px 0 0; overflow-wrap: anywhere;
}
.bp-card .bp-card-title.bp-step { min-width: 0; max-width: none; }
.bp-card th, .bp-card td {
  vertical-align: top; text-align: left; padding: .4rem .55rem; background: var(--bp-bg);
  border-bottom: 1px solid var(--bp-border); overflow-wrap: anywhere;
}
.bp-card tr > :first-child { border-left: 1px solid var(--bp-border); }
.bp-card tr > :last-child { border-right: 1px solid var(--bp-border); }
.bp-card th[scope="row"] { width: 34%; font-weight: 600; font-size: .85rem; background: var(--bp-head-bg); }
.bp-card .bp-cell { min-width: 0; max-width: none; }
.bp-card .bp-lane-emotion > td { height: 96px; padding: 0; position: relative; }
.bp-card .bp-line > td.bp-card-line {
  padding: 0 .55rem; height: 1.5rem; vertical-align: middle;
  background: linear-gradient(var(--bp-line), var(--bp-line)) center / 100% 2px no-repeat var(--bp-bg);
}
.bp-card .bp-line[data-lane="line-of-visibility"] > td.bp-card-line {
  background: repeating-linear-gradient(90deg, var(--bp-line) 0 10px, transparent 10px 16px) center / 100% 2px no-repeat var(--bp-bg);
}
.bp-card .bp-line[data-lane="line-of-internal-interaction"] > td.bp-card-line {
  background: repeating-linear-gradient(90deg, var(--bp-line) 0 3px, transparent 3px 7px) center / 100% 2px no-repeat var(--bp-bg);
}
.bp-card-line span {
  background: var(--bp-bg); padding-right: .4rem; font-size: .68rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .06em; color: var(--bp-muted);
}

/* The journey diagram as HTML (export): stages side by side, tasks raised by their score. */
.bp-journey { padding: .5rem 1rem 1.5rem; overflow-x: auto; }
.bp-journey-stages { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; align-items: stretch; }
.bp-journey-stage { flex: none; border-top: 3px solid var(--bp-accent); background: var(--bp-head-bg); border-radius: 4px; padding: .4rem .5rem .6rem; }
.bp-journey-stage-name { font-size: 1rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.bp-journey-tasks { list-style: none; margin: 0; padding: 0; display: flex; gap: .5rem; align-items: flex-start; }
.bp-journey-task {
  width: 11rem; padding: .5rem; border: 1px solid var(--bp-border); border-radius: 6px; background: var(--bp-bg);
  overflow-wrap: anywhere; display: flex; flex-direction: column; gap: .35rem;
}
.bp-journey-task[data-score="4"] { margin-top: 2rem; }
.bp-journey-task[data-score="3"] { margin-top: 4rem; }
.bp-journey-task[data-score="2"] { margin-top: 6rem; }
.bp-journey-task[data-score="1"] { margin-top: 8rem; }
.bp-journey-score { font-size: 1.6rem; line-height: 1; }
.bp-journey-name { font-weight: 600; }
@media (max-width: 720px) {
  .bp-journey-stages, .bp-journey-tasks { flex-direction: column; }
  .bp-journey-stage { flex: auto; }
  .bp-journey-task { width: auto; margin-top: 0 !important; }
}

/* High contrast: no tints, every edge drawn. */
body.vscode-high-contrast .bp, body.vscode-high-contrast-light .bp { --bp-tint: 0%; --bp-note-tint: 0%; }
body.vscode-high-contrast .bp-grid th, body.vscode-high-contrast .bp-grid td,
body.vscode-high-contrast-light .bp-grid th, body.vscode-high-contrast-light .bp-grid td {
  border-color: var(--vscode-contrastBorder, currentColor);
}
body.vscode-high-contrast .bp-note, body.vscode-high-contrast-light .bp-note { border: 1px solid var(--vscode-contrastBorder, currentColor); box-shadow: none; }
@media (forced-colors: active) {
  .bp-note, .bp-finding, .bp-chip { border: 1px solid CanvasText; }
}
`;

/** Extra styles for the standalone export: its own light and dark palette, and print. */
export const PAGE_CSS = String.raw`
html, body { margin: 0; padding: 0; }
body.bp-page { background: #ffffff; }
body.bp-page .bp { --bp-scroll-height: calc(100vh - 3.5rem); min-height: 100vh; }
@media (prefers-color-scheme: dark) {
  body.bp-page { background: #0d1117; }
  body.bp-page .bp {
    --bp-fg: #e6edf3; --bp-bg: #0d1117; --bp-muted: #9198a1; --bp-border: #30363d; --bp-line: #6e7681;
    --bp-head-bg: #151b23; --bp-accent: #4493f8; --bp-link: #4493f8; --bp-error: #f85149;
    --bp-warning: #d29922; --bp-info: #4493f8; --bp-hint: #9198a1;
    --bp-tint: 14%; --bp-note-tint: 26%;
    --bp-series-0: #4493f8; --bp-series-1: #f778ba; --bp-series-2: #3fb950;
    --bp-series-3: #f0883e; --bp-series-4: #a371f7; --bp-series-5: #9198a1;
  }
}
/* Landscape on whatever paper the reader picks (A3 or A4); the grid fits the page width. */
@page { size: landscape; margin: 10mm; }
@media print {
  body.bp-page { background: #ffffff; }
  body.bp-page .bp {
    --bp-fg: #1f2328; --bp-bg: #ffffff; --bp-head-bg: #f6f8fa; --bp-border: #d1d9e0; --bp-muted: #59636e;
    --bp-size: 8.5pt; --bp-col: 0; --bp-label-col: 28mm; --bp-scroll-height: none; min-height: 0;
    print-color-adjust: exact; -webkit-print-color-adjust: exact;
  }
  .bp-scroll { overflow: visible; }
  .bp-grid { width: 100%; table-layout: fixed; }
  .bp-grid th, .bp-grid td { position: static !important; }
  .bp-cell, .bp-step { min-width: 0; max-width: none; }
  .bp-grid tr, .bp-grid th, .bp-grid td, .bp-card tr, .bp-card-title { break-inside: avoid; }
  .bp-card { break-inside: avoid-page; }
  .bp-grid thead { display: table-header-group; }
  .bp-stage-name { position: static; }
  .bp-stages > * { white-space: normal; }
  .bp-journey { overflow: visible; }
  .bp-journey-stages { flex-wrap: wrap; }
}
`;
