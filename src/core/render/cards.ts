/**
 * The narrow layout: the journey as a vertical list, a heading per stage and per step a
 * card (a small table) with its lanes as labelled rows in blueprint order and the lines of
 * interaction and visibility between them. Built from the grid's own rendered cells, so a
 * card shows exactly what the grid's column shows. The page switches between grid and
 * cards with a media query only (the export has no script); the webview builds the same
 * structure from its DOM (`webview/cards.ts`).
 */
import { element, escapeText } from './escape';
import type { BlueprintParts, RenderedColumn, RenderedRow } from './grid';

/** The lanes under one of the three lines. */
const BELOW_A_LINE = new Set(['frontstage', 'backstage', 'support']);

/** The cards for a rendered blueprint, or '' when it has no grid. */
export function renderCards(parts: BlueprintParts): string {
  const grid = parts.grid;
  if (!grid) return '';
  const html: string[] = ['<div class="bp-cards">'];
  // The line rows of a card are the same in every card: written once.
  const lineRows = new Map<RenderedRow, string>();
  for (const row of grid.rows) {
    if (row.line) lineRows.set(row, `${row.open}${element('td', { class: 'bp-card-line', colspan: 2 }, `<span>${row.label}</span>`)}</tr>`);
  }
  let index = 0;
  for (const group of parts.view.groups) {
    if (group.stage) {
      html.push(element('h2', { class: 'bp-card-stage', 'data-line': group.stage.headingRange.start.line }, escapeText(group.stage.name)));
    }
    for (let n = 0; n < group.columns.length; n++) html.push(cardHtml(grid.columns[index++], grid.rows, lineRows));
  }
  html.push('</div>');
  return html.join('');
}

/** One step's card: its header as the caption, then a row per lane it fills, lines between. */
function cardHtml(column: RenderedColumn, rows: readonly RenderedRow[], lineRows: ReadonlyMap<RenderedRow, string>): string {
  const header = column.header;
  const open = header.indexOf('>');
  // The header's attributes (data-step, data-line, data-dimmed, classes) move to the caption.
  const attributes = header.slice(3, open).replace(/ scope="col"/, '').replace(/ class="/, ' class="bp-card-title ');
  const inner = header.slice(open + 1, -'</th>'.length);
  const dimmed = attributes.includes(' data-dimmed') ? ' data-dimmed' : '';
  let body = '';
  let pendingLine = '';
  for (const row of rows) {
    if (row.line) {
      pendingLine = lineRows.get(row) ?? '';
      continue;
    }
    if (!column.filled.has(row.key) && row.key !== 'emotion') continue;
    // A line is drawn only between the swimlanes this step fills, not above its other rows.
    if (pendingLine && body && BELOW_A_LINE.has(row.key)) body += pendingLine;
    pendingLine = '';
    // A lane row's header is the card row's label cell as it is.
    body += `${row.open}${row.header}${column.cells[row.key]}</tr>`;
  }
  return `<table class="bp-card"${dimmed}><caption${attributes}>${inner}</caption><tbody>${body}</tbody></table>`;
}
