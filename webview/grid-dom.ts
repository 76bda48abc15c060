/**
 * Reading and marking the rendered grid: which column holds a source line, persona
 * dimming, the cursor's step. Works only through the renderer's `data-*` hooks.
 */

/** The step header cells, in column order. */
export function stepHeaders(root: ParentNode): HTMLTableCellElement[] {
  return Array.from(root.querySelectorAll<HTMLTableCellElement>('th.bp-step'));
}

/** Index of the column whose step holds `line` (heading to end of the step), or -1. */
export function columnForLine(headers: readonly HTMLElement[], line: number): number {
  let best = -1;
  for (let i = 0; i < headers.length; i++) {
    const start = Number(headers[i].dataset.line);
    const end = Number(headers[i].dataset.endLine ?? start);
    if (start <= line && line <= end) return i;
    // Between steps (a stage heading, notes): the step before is the closest.
    if (start <= line) best = i;
  }
  return best;
}

/** Every row's step cells, indexed by column (rows hold one cell per step, in order). */
function forEachColumnCell(root: ParentNode, visit: (cell: HTMLElement, column: number) => void): void {
  for (const row of Array.from(root.querySelectorAll<HTMLTableRowElement>('.bp-grid tr'))) {
    let column = 0;
    for (const cell of Array.from(row.children)) {
      if (cell instanceof HTMLElement && cell.dataset.step !== undefined) visit(cell, column++);
    }
  }
}

/** Dim the columns whose step does not involve `persona` (undefined: nothing dimmed). */
export function applyPersonaFilter(root: ParentNode, persona: string | undefined): void {
  const headers = stepHeaders(root);
  const dim = headers.map((th) => persona !== undefined && !(th.dataset.personas ?? '').split(' ').includes(persona));
  forEachColumnCell(root, (cell, column) => markDimmed(cell, dim[column] ?? false));
  for (const mark of Array.from(root.querySelectorAll<HTMLElement | SVGElement>('.bp-curve [data-persona], .bp-legend [data-persona]'))) {
    mark.classList.toggle('bp-dim', persona !== undefined && mark.dataset.persona !== persona);
  }
  for (const chip of Array.from(root.querySelectorAll<HTMLElement>('.bp-chip-persona'))) {
    chip.classList.toggle('bp-selected', persona !== undefined && chip.dataset.persona === persona);
  }
}

/** Dimmed: the class draws it, `data-dimmed` says it (as in the export). */
export function markDimmed(cell: HTMLElement, dimmed: boolean): void {
  cell.classList.toggle('bp-dim', dimmed);
  cell.toggleAttribute('data-dimmed', dimmed);
}

/** Mark the column of step `column` as the cursor's (undefined or -1: none). */
export function applyActiveColumn(root: ParentNode, column: number | undefined): void {
  for (const old of Array.from(root.querySelectorAll('.bp-active'))) old.classList.remove('bp-active');
  if (column === undefined || column < 0) return;
  forEachColumnCell(root, (cell, i) => {
    if (i === column) cell.classList.add('bp-active');
  });
}

/** The index of a row's first step cell (rows open with a lane label or the corner cell). */
export function firstStepCell(row: HTMLTableRowElement): number {
  const first = row.cells[0];
  return first && first.dataset.step === undefined ? 1 : 0;
}

/** The cell of step column `column` in `row`, if the row has step cells. */
export function cellAt(row: HTMLTableRowElement, column: number): HTMLTableCellElement | undefined {
  const cell = row.cells[column + firstStepCell(row)];
  return cell?.dataset.step !== undefined ? cell : undefined;
}

/** Rows that hold one cell per step: the step headers and the lane rows. */
export function stepRows(table: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(table.rows).filter((row) => row.classList.contains('bp-steps') || row.classList.contains('bp-lane'));
}

/**
 * Put the persona dimming and the cursor's column back on what a patch added (cells,
 * rows, row headers) and on every cell of the columns whose step header changed (its
 * personas may have), without touching the rest of the grid.
 */
export function applyStatesTo(root: ParentNode, added: readonly Element[], headerColumns: readonly number[], persona: string | undefined, activeColumn: number | undefined): void {
  const table = root.querySelector<HTMLTableElement>('table.bp-grid');
  if (!table) return;
  const headers = stepHeaders(root);
  const dimmed = (column: number) => persona !== undefined && !(headers[column]?.dataset.personas ?? '').split(' ').includes(persona);
  const cells = new Set<HTMLTableCellElement>();
  for (const element of added) {
    if (element instanceof HTMLTableRowElement) {
      for (const cell of Array.from(element.cells)) if (cell.dataset.step !== undefined) cells.add(cell);
    } else if (element instanceof HTMLTableCellElement && element.dataset.step !== undefined) {
      cells.add(element);
    }
  }
  if (headerColumns.length > 0) {
    const rows = stepRows(table);
    for (const column of headerColumns) {
      for (const row of rows) {
        const cell = cellAt(row, column);
        if (cell) cells.add(cell);
      }
    }
  }
  for (const cell of cells) {
    const row = cell.parentElement as HTMLTableRowElement;
    const column = cell.cellIndex - firstStepCell(row);
    markDimmed(cell, dimmed(column));
    cell.classList.toggle('bp-active', activeColumn !== undefined && column === activeColumn);
  }
  for (const element of added) {
    for (const mark of Array.from(element.querySelectorAll<HTMLElement | SVGElement>('.bp-curve [data-persona], .bp-legend [data-persona]'))) {
      mark.classList.toggle('bp-dim', persona !== undefined && mark.dataset.persona !== persona);
    }
    for (const chip of Array.from(element.querySelectorAll<HTMLElement>('.bp-chip-persona'))) {
      chip.classList.toggle('bp-selected', persona !== undefined && chip.dataset.persona === persona);
    }
  }
}

/** The visible lane rows (of the grid, or of the step cards on a narrow screen), for the `rendered` report. */
export function visibleLanes(root: ParentNode): string[] {
  const lanes = Array.from(root.querySelectorAll<HTMLElement>('.bp-grid tr[data-lane], .bp-card tr[data-lane]'))
    .filter((row) => row.getClientRects().length > 0)
    .map((row) => row.dataset.lane ?? '');
  return [...new Set(lanes)];
}

/** True when a cell shows nothing (no text, no curve point). */
export function isEmptyCell(cell: HTMLElement): boolean {
  return (cell.textContent ?? '').trim() === '' && !cell.querySelector('circle, img');
}

/** A copy of a grid cell for another layout (step cards, slides): no cursor mark, no tab stop. */
export function copyCell<T extends HTMLElement>(cell: T): T {
  const clone = cell.cloneNode(true) as T;
  clone.classList.remove('bp-active');
  clone.removeAttribute('tabindex');
  return clone;
}
