/**
 * The narrow layout: the journey as a vertical list, a heading per stage and per step a
 * card (a small table) with its lanes as labelled rows in blueprint order and the lines of
 * interaction and visibility between them. Built from the grid's own rendered cells, so a
 * card shows exactly what the grid's column shows. The page switches between grid and
 * cards with a media query only (the export has no script); the webview builds the same
 * structure from its DOM (`webview/cards.ts`).
 */
import { element, escapeText } from './escape';
import type { BlueprintParts, RenderedColumn } from './grid';
import { cellOf, fills } from './column';

/** The lanes under one of the three lines. */
const BELOW_A_LINE = new Set(['frontstage', 'backstage', 'support']);

/** The cards for a rendered blueprint, or '' when it has no grid. */
export function renderCards(parts: BlueprintParts): string {
  const html: string[] = [];
  writeCards(html, parts);
  return html.join('');
}

/**
 * The cards' HTML in pieces, pushed onto `html` (the page joins everything once): a card
 * is mostly strings the grid already holds (its cells, the rows' headers), not copies.
 */
export function writeCards(html: string[], parts: BlueprintParts): void {
  const grid = parts.grid;
  if (!grid) return;
  html.push('<div class="bp-cards">');
  // A lane row opens the same way in every card, and a line row is the same whole: each written once.
  const rows: CardRow[] = grid.rows.map((row) => ({
    key: row.key,
    line: row.line,
    belowLine: BELOW_A_LINE.has(row.key),
    start: row.line
      ? `${row.open}${element('td', { class: 'bp-card-line', colspan: 2 }, `<span>${row.label}</span>`)}</tr>`
      : `${row.open}${row.header}`,
  }));
  const openings = new Map<string, string>();
  let index = 0;
  for (const group of parts.view.groups) {
    if (group.stage) {
      html.push(element('h2', { class: 'bp-card-stage', 'data-line': group.stage.headingRange.start.line }, escapeText(group.stage.name)));
    }
    for (let n = 0; n < group.columns.length; n++) writeCard(html, grid.columns[index++], rows, openings);
  }
  html.push('</div>');
}

interface CardRow {
  key: string;
  line: boolean;
  /** A swimlane under one of the lines. */
  belowLine: boolean;
  /** A lane row's `<tr>` and label cell; a line row's whole `<tr>`. */
  start: string;
}

/** The `scope` of a step header, the one attribute its card's caption leaves out. */
const SCOPE = ' scope="col"';

/**
 * One step's card: its header as the caption, then a row per lane it fills, lines between.
 * `openings` holds the card's opening up to the caption's own attributes, per kind of
 * header (stage start, dimmed): a handful of strings for any number of cards.
 */
function writeCard(html: string[], column: RenderedColumn, rows: readonly CardRow[], openings: Map<string, string>): void {
  const header = column.header;
  // `<th`, the classes (and `data-dimmed`), then `scope`; after it the step's own attributes and content.
  const scope = header.indexOf(SCOPE);
  const start = header.slice(0, scope);
  let opening = openings.get(start);
  if (opening === undefined) {
    // The header's attributes (data-step, data-line, data-dimmed, classes) move to the caption.
    const attributes = start.slice(3).replace(' class="', ' class="bp-card-title ');
    opening = `<table class="bp-card"${attributes.includes(' data-dimmed') ? ' data-dimmed' : ''}><caption${attributes}`;
    openings.set(start, opening);
  }
  // The rest is a slice of the header (no copy): the page keeps every card until it is joined.
  html.push(opening, header.slice(scope + SCOPE.length, -'</th>'.length), '</caption><tbody>');
  let pendingLine = '';
  let any = false;
  for (const row of rows) {
    if (row.line) {
      pendingLine = row.start;
      continue;
    }
    if (!fills(column, row.key) && row.key !== 'emotion') continue;
    // A line is drawn only between the swimlanes this step fills, not above its other rows.
    if (pendingLine && any && row.belowLine) html.push(pendingLine);
    pendingLine = '';
    any = true;
    // A lane row's header is the card row's label cell as it is.
    html.push(row.start, cellOf(column, row.key), '</tr>');
  }
  html.push('</tbody></table>');
}
