/**
 * The difference between two renders of the same blueprint, as the preview applies it:
 * the cells, headers and rows whose HTML changed, and the columns whose source only
 * moved (a line inserted above them), whose `data-line` hooks shift. Plain data, so it
 * crosses `postMessage`; a one-line edit makes a patch of one cell instead of the table.
 */
import type { BlueprintParts, GridParts } from './grid';
import { rowHtml } from './grid';
import { cellOf } from './column';

/** Changes that turn the previous render's DOM into the next one's. */
export interface GridPatch {
  /** New `<header class="bp-head">`. */
  head?: string;
  /** New `<section class="bp-outside">`; the empty string removes it. */
  outside?: string;
  /** New `aria-label` of the scroll region. */
  label?: string;
  /** New `<caption>`. */
  caption?: string;
  /** New `<tr class="bp-stages">`. */
  stages?: string;
  /** Step header cells to replace: column index and `<th>`. */
  headers: Array<[column: number, html: string]>;
  /** The body rows' `data-lane` keys in their new order, when rows came or went. */
  rowOrder?: string[];
  /** Rows that are new in `rowOrder`: key and the whole `<tr>`. */
  newRows: Array<[lane: string, html: string]>;
  /** Row headers to replace: key and `<th>`. */
  rowHeaders: Array<[lane: string, html: string]>;
  /** Cells to replace: row key, column index and `<td>`. */
  cells: Array<[lane: string, column: number, html: string]>;
  /**
   * Columns `from`..`to` (inclusive) unchanged but moved in the source: add `delta` to
   * every `data-line` and `data-end-line` in them.
   */
  shifts: Array<[from: number, to: number, delta: number]>;
}

/**
 * The patch from `previous` to `next`, or undefined when the table's shape changed
 * (steps added or removed, stages regrouped, another language): then replace it all.
 */
export function diffBlueprint(previous: BlueprintParts, next: BlueprintParts): GridPatch | undefined {
  if (previous.open !== next.open || !previous.grid || !next.grid) return undefined;
  const before: GridParts = previous.grid;
  const after: GridParts = next.grid;
  if (before.tableOpen !== after.tableOpen || before.colgroups !== after.colgroups) return undefined;

  const patch: GridPatch = { headers: [], newRows: [], rowHeaders: [], cells: [], shifts: [] };
  if (previous.head !== next.head) patch.head = next.head;
  if (previous.outside !== next.outside) patch.outside = next.outside;
  if (before.label !== after.label) patch.label = after.label;
  if (before.caption !== after.caption) patch.caption = after.caption;
  if (before.stages !== after.stages) patch.stages = after.stages;

  const oldRows = new Map(before.rows.map((row) => [row.key, row]));
  const keptRows = after.rows.filter((row) => !row.line && oldRows.has(row.key));
  if (before.rows.map((row) => row.key).join() !== after.rows.map((row) => row.key).join()) {
    patch.rowOrder = after.rows.map((row) => row.key);
    for (const row of after.rows) if (!oldRows.has(row.key)) patch.newRows.push([row.key, rowHtml(row, after.columns)]);
  }
  for (const row of keptRows) {
    const old = oldRows.get(row.key);
    if (old && old.header !== row.header) patch.rowHeaders.push([row.key, row.header]);
  }

  after.columns.forEach((column, i) => {
    const old = before.columns[i];
    if (old === column) return;
    if (old.key === column.key) {
      // Same content, other place in the file: only its line hooks move.
      const delta = column.line - old.line;
      const last = patch.shifts[patch.shifts.length - 1];
      if (last && last[1] === i - 1 && last[2] === delta) last[1] = i;
      else patch.shifts.push([i, i, delta]);
      return;
    }
    if (old.header !== column.header) patch.headers.push([i, column.header]);
    for (const row of keptRows) {
      const html = cellOf(column, row.key);
      if (cellOf(old, row.key) !== html) patch.cells.push([row.key, i, html]);
    }
  });
  return patch;
}
