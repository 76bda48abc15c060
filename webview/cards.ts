/**
 * The narrow layout in the webview: below 720 px the grid gives way to a vertical list, a
 * heading per stage and per step a card (a small table: its lanes as labelled rows in
 * blueprint order, the lines of interaction and visibility between them), as the exported
 * page does with `renderCards` in the core. Built here from the grid's own rendered cells,
 * so a card shows exactly what the grid's column shows; the grid's CSS switches between them.
 */
import { cellAt, copyCell, isEmptyCell, stepHeaders } from './grid-dom';
import { stageGroups } from './present';

/** The lanes under one of the three lines (a line is drawn only above these). */
const BELOW_A_LINE = new Set(['frontstage', 'backstage', 'support']);

/** The cards for the grid in `root`, or undefined when it has none. */
export function buildCards(root: ParentNode): HTMLElement | undefined {
  const table = root.querySelector<HTMLTableElement>('table.bp-grid');
  if (!table) return undefined;
  const headers = stepHeaders(table);
  const rows = Array.from(table.tBodies[0]?.rows ?? []);
  const list = document.createElement('div');
  list.className = 'bp-cards';
  for (const group of stageGroups(table, headers.length)) {
    if (group.name !== undefined) {
      const heading = document.createElement('h2');
      heading.className = 'bp-card-stage';
      heading.textContent = group.name;
      list.append(heading);
    }
    for (let column = group.start; column < group.start + group.count; column++) {
      list.append(card(headers[column], rows, column));
    }
  }
  return list;
}

function card(header: HTMLTableCellElement, rows: readonly HTMLTableRowElement[], column: number): HTMLTableElement {
  const card = document.createElement('table');
  card.className = 'bp-card';
  if (header.hasAttribute('data-dimmed')) card.setAttribute('data-dimmed', '');
  const caption = document.createElement('caption');
  for (const attribute of Array.from(header.attributes)) {
    if (attribute.name !== 'scope' && attribute.name !== 'tabindex') caption.setAttribute(attribute.name, attribute.value);
  }
  caption.classList.add('bp-card-title');
  caption.classList.remove('bp-active');
  caption.append(...Array.from(header.childNodes).map((node) => node.cloneNode(true)));
  // The caption takes the keyboard focus as the step header did: Enter reveals the step's source.
  caption.tabIndex = 0;
  card.append(caption);
  const body = card.createTBody();
  let pendingLine: HTMLTableRowElement | undefined;
  for (const row of rows) {
    const label = row.cells[0];
    if (!label) continue;
    if (row.classList.contains('bp-line')) {
      const line = row.cloneNode(false) as HTMLTableRowElement;
      const rule = document.createElement('td');
      rule.className = 'bp-card-line';
      rule.colSpan = 2;
      const text = document.createElement('span');
      text.textContent = label.textContent;
      rule.append(text);
      line.append(rule);
      pendingLine = line;
      continue;
    }
    const cell = cellAt(row, column);
    const lane = row.dataset.lane ?? '';
    if (!cell || (isEmptyCell(cell) && lane !== 'emotion')) continue;
    if (pendingLine && body.rows.length > 0 && BELOW_A_LINE.has(lane)) body.append(pendingLine);
    pendingLine = undefined;
    const tr = row.cloneNode(false) as HTMLTableRowElement;
    tr.append(copyCell(label), copyCell(cell));
    body.append(tr);
  }
  return card;
}
