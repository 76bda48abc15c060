/**
 * Applying a `GridPatch` to the grid in the page: replaces the cells, headers and rows
 * that changed and shifts the line hooks of columns that moved, so a keystroke in a
 * 1000-step blueprint touches one cell instead of re-parsing and re-laying out the table.
 * The HTML pieces come from the core renderer, already sanitised (as in a full update).
 */
import type { GridPatch } from '../src/shared/messages';
import { cellAt, firstStepCell, stepRows } from './grid-dom';

/** What the patch replaced, so the view state (dimming, cursor column) is put back on it. */
export interface PatchResult {
  /** Elements that are new in the page (cells, rows, headers, sections). */
  added: Element[];
  /** Columns whose step header changed: every cell of them may need other dimming. */
  headerColumns: number[];
}

const parser = document.createElement('template');

/** One element from HTML. A template parses table parts (`<td>`, `<tr>`) without their table. */
function parse(html: string): Element {
  parser.innerHTML = html;
  const element = parser.content.firstElementChild;
  if (!element) throw new Error('empty patch part');
  // Moved out of the template's inert document into the page when inserted.
  return element;
}

function replace(old: Element, html: string, added: Element[]): Element {
  const fresh = parse(html);
  old.replaceWith(fresh);
  added.push(fresh);
  return fresh;
}

/**
 * Apply `patch` to the grid under `root`. Returns undefined, having changed nothing, when
 * the page does not hold a grid the patch fits (the caller then asks for a full render).
 */
export function applyGridPatch(root: ParentNode, patch: GridPatch): PatchResult | undefined {
  const bp = root.querySelector<HTMLElement>('.bp');
  const table = bp?.querySelector<HTMLTableElement>('table.bp-grid');
  const tbody = table?.tBodies[0];
  const stepsRow = table?.tHead?.querySelector<HTMLTableRowElement>('tr.bp-steps');
  if (!bp || !table || !tbody || !stepsRow) return undefined;
  const lanes = new Map<string, HTMLTableRowElement>();
  for (const row of Array.from(tbody.rows)) lanes.set(row.dataset.lane ?? '', row);
  // Check every target first: a half-applied patch would leave a grid nobody rendered.
  for (const [lane, column] of patch.cells) if (!lanes.has(lane) || !cellAt(lanes.get(lane) as HTMLTableRowElement, column)) return undefined;
  for (const [column] of patch.headers) if (!cellAt(stepsRow, column)) return undefined;
  for (const [lane] of patch.rowHeaders) if (!lanes.has(lane)) return undefined;

  const added: Element[] = [];
  if (patch.head !== undefined) {
    const head = bp.querySelector(':scope > .bp-head');
    if (head) replace(head, patch.head, added);
  }
  if (patch.label !== undefined) bp.querySelector(':scope > .bp-scroll')?.setAttribute('aria-label', patch.label);
  if (patch.caption !== undefined && table.caption) replace(table.caption, patch.caption, added);
  if (patch.stages !== undefined) {
    const stages = table.tHead?.querySelector('tr.bp-stages');
    if (stages) replace(stages, patch.stages, added);
  }
  if (patch.outside !== undefined) {
    const outside = bp.querySelector(':scope > .bp-outside');
    if (patch.outside === '') outside?.remove();
    else if (outside) replace(outside, patch.outside, added);
    else {
      const fresh = parse(patch.outside);
      bp.append(fresh);
      added.push(fresh);
    }
  }

  for (const [column, html] of patch.headers) replace(cellAt(stepsRow, column) as Element, html, added);
  for (const [lane, html] of patch.rowHeaders) {
    const row = lanes.get(lane) as HTMLTableRowElement;
    replace(row.cells[0], html, added);
  }
  for (const [lane, column, html] of patch.cells) replace(cellAt(lanes.get(lane) as HTMLTableRowElement, column) as Element, html, added);

  if (patch.rowOrder) reorderRows(tbody, lanes, patch.rowOrder, new Map(patch.newRows), added);
  if (patch.shifts.length > 0) shiftLines(table, patch.shifts);
  return { added, headerColumns: patch.headers.map(([column]) => column) };
}

/** Puts the lane rows in `order`: new ones made from `fresh`, gone ones removed. */
function reorderRows(
  tbody: HTMLTableSectionElement,
  lanes: ReadonlyMap<string, HTMLTableRowElement>,
  order: readonly string[],
  fresh: ReadonlyMap<string, string>,
  added: Element[],
): void {
  const wanted = order.map((lane) => {
    const existing = lanes.get(lane);
    if (existing) return existing;
    const row = parse(fresh.get(lane) ?? '') as HTMLTableRowElement;
    added.push(row);
    return row;
  });
  const keep = new Set<Element>(wanted);
  for (const row of Array.from(tbody.rows)) if (!keep.has(row)) row.remove();
  // Insert and move only what is out of place: rows that stay are not touched.
  wanted.forEach((row, i) => {
    if (tbody.children[i] !== row) tbody.insertBefore(row, tbody.children[i] ?? null);
  });
}

/** Add each shift's delta to the line hooks of its columns' cells and what they contain. */
function shiftLines(table: HTMLTableElement, shifts: GridPatch['shifts']): void {
  for (const row of stepRows(table)) {
    const offset = firstStepCell(row);
    for (const [from, to, delta] of shifts) {
      for (let column = from; column <= to; column++) {
        const cell = row.cells[column + offset];
        if (!cell) break;
        shift(cell, delta);
        // Most cells hold no hooks of their own; skip the query for them.
        if (cell.childElementCount > 0) for (const inner of Array.from(cell.querySelectorAll<HTMLElement>('[data-line]'))) shift(inner, delta);
      }
    }
  }
}

function shift(element: HTMLElement, delta: number): void {
  const { line, endLine } = element.dataset;
  if (line !== undefined) element.dataset.line = String(Number(line) + delta);
  if (endLine !== undefined) element.dataset.endLine = String(Number(endLine) + delta);
}
