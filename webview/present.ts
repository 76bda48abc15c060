/**
 * Presentation mode: the journey one stage (or one step) at a time, in large type, for a
 * projector or a shared screen. A slide is built from the grid's own rendered cells (the
 * grid stays in the page, hidden), so it shows exactly what the grid shows, follows every
 * edit (the slide is rebuilt after each update) and needs no HTML from blueprint text.
 * The slide's lanes are the client view's unless client view is switched off; lanes this
 * slide's steps leave empty are left out, the emotion curve and quotes stay.
 */
import type { PresentUnit, ProgressLabels } from '../src/shared/messages';
import { cellAt, copyCell, isEmptyCell, stepHeaders } from './grid-dom';

/** A stage of the grid: its name (none for steps before the first stage) and its columns. */
export interface StageGroup {
  readonly name?: string;
  readonly start: number;
  readonly count: number;
}

/** One slide: columns `from` to `to` (exclusive), in stage `group`. */
export interface Slide {
  readonly from: number;
  readonly to: number;
  readonly group: number;
}

/** The stages, read from the stage header row's spans (one unnamed group when there are none). */
export function stageGroups(table: HTMLTableElement, steps: number): StageGroup[] {
  const row = table.querySelector<HTMLTableRowElement>('tr.bp-stages');
  if (!row) return steps > 0 ? [{ start: 0, count: steps }] : [];
  const groups: StageGroup[] = [];
  let start = 0;
  for (const cell of Array.from(row.cells)) {
    if (cell.classList.contains('bp-corner')) continue;
    const count = Math.max(1, cell.colSpan);
    groups.push({ name: cell.querySelector('.bp-stage-name')?.textContent ?? undefined, start, count });
    start += count;
  }
  return groups;
}

/** The slides of a unit: one per stage, or one per step. */
export function slidesOf(groups: readonly StageGroup[], unit: PresentUnit): Slide[] {
  if (unit === 'stage') return groups.map((g, group) => ({ from: g.start, to: g.start + g.count, group }));
  return groups.flatMap((g, group) => Array.from({ length: g.count }, (_, n) => ({ from: g.start + n, to: g.start + n + 1, group })));
}

/** The slide of `unit` that holds column `column` (0 when none does). */
export function slideHolding(slides: readonly Slide[], column: number): number {
  const found = slides.findIndex((s) => s.from <= column && column < s.to);
  return found < 0 ? 0 : found;
}

function fill(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** "stage 2 of 4 · step 5 of 9" (or "steps 5–7 of 9" for a stage of several steps). */
export function progressLine(labels: ProgressLabels, slide: Slide, groups: readonly StageGroup[], steps: number): string {
  const parts: string[] = [];
  const named = groups.filter((g) => g.name !== undefined);
  if (groups[slide.group]?.name !== undefined) {
    parts.push(fill(labels.stageOf, { n: named.indexOf(groups[slide.group]) + 1, total: named.length }));
  }
  parts.push(slide.to - slide.from === 1
    ? fill(labels.stepOf, { n: slide.from + 1, total: steps })
    : fill(labels.stepsOf, { from: slide.from + 1, to: slide.to, total: steps }));
  return parts.join(' · ');
}

/** What a slide is built from: the grid as rendered, and its columns. */
export interface GridIndex {
  readonly bp: HTMLElement;
  readonly table: HTMLTableElement;
  readonly headers: HTMLTableCellElement[];
  readonly groups: StageGroup[];
}

/** Read the grid in `root` (undefined when it has no journey). */
export function indexGrid(root: ParentNode): GridIndex | undefined {
  const bp = root.querySelector<HTMLElement>('.bp');
  const table = root.querySelector<HTMLTableElement>('table.bp-grid');
  if (!bp || !table) return undefined;
  const headers = stepHeaders(table);
  return { bp, table, headers, groups: stageGroups(table, headers.length) };
}

/** The slide's DOM: the blueprint's title, the stage's name, and a table of the slide's steps. */
export function buildSlide(grid: GridIndex, slide: Slide): HTMLElement {
  const wrapper = grid.bp.cloneNode(false) as HTMLElement;
  wrapper.classList.add('bp-slide');
  wrapper.classList.remove('bp-clickable');
  const head = document.createElement('header');
  head.className = 'bp-slide-head';
  const title = document.createElement('p');
  title.className = 'bp-slide-title';
  title.textContent = grid.bp.querySelector('.bp-title')?.textContent ?? '';
  head.append(title);
  const stage = grid.groups[slide.group]?.name;
  if (stage !== undefined) {
    const heading = document.createElement('h2');
    heading.className = 'bp-slide-stage';
    heading.textContent = stage;
    head.append(heading);
  }
  wrapper.append(head);

  const columns = Array.from({ length: slide.to - slide.from }, (_, n) => slide.from + n);
  const table = document.createElement('table');
  table.className = 'bp-grid bp-slide-grid';
  const caption = document.createElement('caption');
  caption.className = 'bp-sr-only';
  caption.textContent = [title.textContent, stage].filter(Boolean).join(': ');
  table.append(caption);
  const thead = table.createTHead();
  const headRow = thead.insertRow();
  headRow.className = 'bp-steps';
  const corner = document.createElement('td');
  corner.className = 'bp-corner';
  headRow.append(corner, ...columns.map((c) => copyCell(grid.headers[c])));
  const tbody = table.createTBody();
  for (const row of Array.from(grid.table.tBodies[0]?.rows ?? [])) {
    const label = row.cells[0];
    if (!label) continue;
    if (row.classList.contains('bp-line')) {
      const line = row.cloneNode(false) as HTMLTableRowElement;
      const rule = document.createElement('td');
      rule.className = 'bp-line-rule';
      rule.colSpan = columns.length;
      line.append(copyCell(label), rule);
      tbody.append(line);
      continue;
    }
    const cells = columns.map((c) => cellAt(row, c));
    if (cells.every((cell) => !cell || isEmptyCell(cell))) continue;
    const lane = row.cloneNode(false) as HTMLTableRowElement;
    lane.append(copyCell(label), ...cells.map((cell) => (cell ? copyCell(cell) : document.createElement('td'))));
    tbody.append(lane);
  }
  wrapper.append(table);
  return wrapper;
}
