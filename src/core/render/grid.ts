/**
 * The swimlane grid: a real `<table>` (caption, column headers per step grouped under
 * stage headers, row headers per lane) with the hooks the preview and the tests use:
 * `data-step` and `data-line` on every step cell, `data-lane` on every row, `data-rule` on
 * every finding badge. Pure: no DOM, no `vscode`; the same parts for the webview and export.
 *
 * The result comes in parts (`BlueprintParts`): the columns are rendered one by one and
 * reused between renders when nothing they show changed (`BlueprintRenderer`), and two
 * renders can be compared part by part (`diffBlueprint`) so the preview patches cells
 * instead of replacing a table of 20 000 of them on every keystroke.
 */
import type { Diagnostic } from '../model';
import { cellOf, columnKey, fills, renderColumn, badges, type ColumnContext, type RenderedColumn } from './column';
import { classes, element, escapeText } from './escape';
import { emotionLegendHtml, emotionSeries, hasEmotion, seriesSignature, type EmotionSeries } from './emotion-curve';
import { placeFindings, type PlacedFindings } from './finding-places';
import { buildJourneyView, type JourneyView, type RenderInput, type StageGroup, type StepColumn } from './journey-view';
import { labelsFor, type RenderLabels } from './render-labels';
import { ROWS, type RowSpec } from './grid-rows';

export type { RenderInput } from './journey-view';
export type { RenderedColumn } from './column';

/** A body row as rendered: its opening tag and header cell (line rows: their whole content). */
export interface RenderedRow {
  /** The row's `data-lane` key. */
  key: string;
  /** Line rows (the three lines) have no step cells, just one rule spanning all columns. */
  line: boolean;
  /** The `<tr …>` opening tag. */
  open: string;
  /** The `<th>` row header; for line rows also the spanning rule cell. */
  header: string;
  /** The row header's content as HTML (the step cards label their rows with it). */
  label: string;
}

/** The table's parts. */
export interface GridParts {
  /** `<table …>` opening tag: column count, stages or not. */
  tableOpen: string;
  /** `<col>` and `<colgroup>`s: the stage spans. */
  colgroups: string;
  /** The scroll region's `aria-label` (the title). */
  label: string;
  /** `<caption>`. */
  caption: string;
  /** `<tr class="bp-stages">` (empty when no step has a stage). */
  stages: string;
  columns: RenderedColumn[];
  /** Body rows shown, in order (rows with nothing in them are left out). */
  rows: RenderedRow[];
}

/** A rendered blueprint in parts; `joinBlueprint` makes the HTML fragment. */
export interface BlueprintParts {
  /** `<div class="bp" …>` opening tag. */
  open: string;
  /** `<header class="bp-head">`: title and status. */
  head: string;
  /** The grid, or undefined when the file has no journey steps (then `empty` says so). */
  grid?: GridParts;
  empty: string;
  /** `<section class="bp-outside">`: findings outside the journey, or empty. */
  outside: string;
  /** The journey view rendered (for the persona filter and the Mermaid source). */
  view: JourneyView;
}

/** Options for one render. */
export interface RenderOptions {
  /** Force the dark palette (the export's `--theme dark`). */
  dark?: boolean;
  /**
   * `client`: the rows a citizen sees only (nothing below the line of visibility, no
   * bookkeeping rows); the export's client view. The webview hides them with CSS instead.
   */
  audience?: 'everyone' | 'client';
  /** Mark the steps this persona takes no part in `data-dimmed` (the export's persona filter). */
  persona?: string;
  /**
   * Only the first this many step columns (the preview's first paint of a long journey:
   * what is on screen first, the whole grid in a second render). Stages are cut to match.
   */
  columns?: number;
}

/** How many columns the last render drew and how many it took from the previous one. */
export interface RenderStats {
  rendered: number;
  reused: number;
}

/**
 * Renders blueprints, keeping the previous render's columns: a column whose inputs did
 * not change is reused as is, so a one-line edit re-renders one step. Keep one renderer
 * per preview; the cache holds only the columns of the last render.
 */
export class BlueprintRenderer {
  private cache = new Map<string, RenderedColumn>();
  private stats: RenderStats = { rendered: 0, reused: 0 };

  /**
   * `reuse: false` for a render done once (the export, `blueprint render`): no column keys
   * are computed (a JSON string of each column's inputs, a sixth of rendering a large
   * journey) and nothing is kept.
   */
  constructor(private readonly options: { reuse?: boolean } = {}) {}

  /** Columns drawn and reused by the last `render`. */
  get lastStats(): RenderStats {
    return { ...this.stats };
  }

  render(input: RenderInput, options: RenderOptions = {}): BlueprintParts {
    const { doc } = input;
    const lang = input.locale ?? doc.lang;
    const labels = labelsFor(lang);
    const whole = buildJourneyView(input);
    const view = options.columns !== undefined && options.columns < whole.columns.length ? firstColumns(whole, options.columns) : whole;
    const findings = placeFindings(doc.uri, doc.steps, input.diagnostics ?? []);
    const title = view.title || labels.untitled;
    const status = doc.frontMatter?.status;
    const open = `<div${attributesOf({ class: classes('bp', options.dark && 'bp-dark'), lang, 'data-lang': lang })}>`;
    const head = element('header', { class: 'bp-head' },
      element('h1', { class: 'bp-title' }, escapeText(title)) +
      (status ? element('span', { class: 'bp-status', 'data-status': status }, escapeText(status)) : ''));
    const outside = findings.outside.length > 0 ? outsideFindings(findings.outside, labels) : '';
    this.stats = { rendered: 0, reused: 0 };
    if (view.columns.length === 0) {
      this.cache = new Map();
      return { open, head, empty: element('p', { class: 'bp-empty' }, escapeText(labels.noJourney)), outside, view };
    }

    const series = emotionSeries(view, labels.emotionOverall);
    // A finding on an emotion field shows the row (with the curve's baseline) even without scores.
    let emotionRow = hasEmotion(series);
    if (!emotionRow) for (const lanes of findings.byStep.values()) if (lanes.has('emotion')) emotionRow = true;
    const context: ColumnContext = { labels, series, emotionRow, signature: `${lang}\u0002${emotionRow ? 1 : 0}\u0002${seriesSignature(series)}` };
    const columns = this.renderColumns(context, view, findings);
    const rows = laneRows(columns, series, labels, options);
    const hasStages = view.groups.some((g) => g.stage !== undefined);
    const stageCount = view.groups.filter((g) => g.stage).length;
    const colgroups = '<col class="bp-col-lanes">' +
      view.groups.map((group) => element('colgroup', { span: group.columns.length })).join('');
    const tableOpen = `<table${attributesOf({ class: classes('bp-grid', hasStages && 'bp-has-stages'), 'data-steps': columns.length })}>`;
    const stages = hasStages ? stageRow(view) : '';
    return {
      open,
      head,
      empty: '',
      outside,
      view,
      grid: {
        tableOpen,
        colgroups,
        label: title,
        caption: element('caption', { class: 'bp-sr-only' }, escapeText(labels.caption(title, columns.length, stageCount))),
        stages,
        columns: options.persona === undefined ? columns : columns.map((column, i) => dimmedFor(column, view.columns[i], options.persona)),
        rows,
      },
    };
  }

  /** The step columns: drawn anew, or reused from the last render where their key and line are the same. */
  private renderColumns(context: ColumnContext, view: JourneyView, findings: PlacedFindings): RenderedColumn[] {
    const stageStarts = new Set<number>();
    let start = 0;
    for (const group of view.groups) {
      stageStarts.add(start);
      start += group.columns.length;
    }
    const previous = this.cache;
    const next = new Map<string, RenderedColumn>();
    if (this.options.reuse === false) {
      this.stats.rendered = view.columns.length;
      return view.columns.map((column, index) =>
        renderColumn(context, column, { index, stageStart: index > 0 && stageStarts.has(index) }, findings.byStep.get(index), String(index)));
    }
    const columns = view.columns.map((column, index) => {
      const place = { index, stageStart: index > 0 && stageStarts.has(index) };
      const found = findings.byStep.get(index);
      const key = columnKey(context, column, place, found);
      const line = column.step.headingRange.start.line;
      let rendered = next.get(key) ?? previous.get(key);
      if (rendered && rendered.line === line) {
        this.stats.reused++;
      } else {
        rendered = renderColumn(context, column, place, found, key);
        this.stats.rendered++;
      }
      next.set(key, rendered);
      return rendered;
    });
    this.cache = next;
    return columns;
  }
}

/** The journey's first `count` step columns, its stages cut to match. */
function firstColumns(view: JourneyView, count: number): JourneyView {
  const groups: StageGroup[] = [];
  let left = count;
  for (const group of view.groups) {
    if (left <= 0) break;
    groups.push(group.columns.length <= left ? group : { ...group, columns: group.columns.slice(0, left) });
    left -= group.columns.length;
  }
  return { ...view, columns: view.columns.slice(0, count), groups };
}

/** The grid's rows in blueprint order: the lanes some column fills (emotion when scored), and the three lines. */
function laneRows(columns: readonly RenderedColumn[], series: readonly EmotionSeries[], labels: RenderLabels, options: RenderOptions): RenderedRow[] {
  const showEmotion = hasEmotion(series);
  // The rows any column fills, found in one pass over the columns (not one per row).
  const any = { filled: 0 };
  for (const column of columns) any.filled |= column.filled;
  const rows: RenderedRow[] = [];
  for (const row of ROWS) {
    if (options.audience === 'client' && row.audience === 'internal') continue;
    if (row.kind === 'line') {
      rows.push(lineRow(row, labels, columns.length));
      continue;
    }
    const shown = (row.kind === 'emotion' && showEmotion) || fills(any, row.key);
    if (!shown) continue;
    const label = escapeText(labels.lanes[row.key] ?? row.key) + (row.kind === 'emotion' ? emotionLegendHtml(series) : '');
    rows.push({
      key: row.key,
      line: false,
      label,
      open: `<tr${attributesOf({ class: `bp-lane bp-lane-${row.key}`, 'data-lane': row.key, 'data-audience': row.audience })}>`,
      header: element('th', { class: 'bp-lane-label', scope: 'row' }, label),
    });
  }
  return rows;
}

/** The row of stage headers above the steps (a blank cell over steps outside any stage). */
function stageRow(view: JourneyView): string {
  return element('tr', { class: 'bp-stages' }, element('td', { class: 'bp-corner', rowspan: 2 }) +
    view.groups.map((group, n) => {
      const startClass = n > 0 ? 'bp-stage-start' : undefined;
      return group.stage
        ? element('th', {
          class: classes('bp-stage', startClass),
          scope: 'colgroup',
          colspan: group.columns.length,
          'data-stage': group.stage.id,
          'data-line': group.stage.headingRange.start.line,
        }, element('span', { class: 'bp-stage-name' }, escapeText(group.stage.name)))
        : element('td', { class: classes('bp-stage', 'bp-stage-none', startClass), colspan: group.columns.length });
    }).join(''));
}

function attributesOf(attrs: Parameters<typeof element>[1]): string {
  // `element` with the closing tag cut off: one escaping path for every opening tag.
  const html = element('x', attrs);
  return html.slice(2, -5);
}

function lineRow(row: RowSpec, labels: RenderLabels, span: number): RenderedRow {
  const label = row.key === 'line-of-interaction' ? labels.lines.interaction
    : row.key === 'line-of-visibility' ? labels.lines.visibility : labels.lines.internal;
  return {
    key: row.key,
    line: true,
    label: escapeText(label),
    open: `<tr${attributesOf({ class: 'bp-line', 'data-lane': row.key, 'data-audience': row.audience })}>`,
    header: element('th', { class: 'bp-line-label', scope: 'row' }, escapeText(label)) + element('td', { class: 'bp-line-rule', colspan: span }),
  };
}

/**
 * A copy of a rendered column marked dimmed when `persona` takes no part in its step. Every
 * cell the renderer writes opens with `<th class="…` or `<td class="…`, so the mark goes there.
 */
function dimmedFor(column: RenderedColumn, step: StepColumn, persona: string | undefined): RenderedColumn {
  if (persona === undefined || step.personas.some((p) => p.slug === persona)) return column;
  const dim = (html: string) => html.replace(/^<(td|th) class="/, '<$1 data-dimmed class="bp-dim ');
  const cells = column.cells.map((item, i) => (i % 2 === 0 ? item : dim(item)));
  return { ...column, header: dim(column.header), cells, empty: dim(column.empty) };
}

function outsideFindings(found: readonly Diagnostic[], labels: RenderLabels): string {
  return element('section', { class: 'bp-outside', 'aria-label': labels.otherFindings },
    element('h2', {}, escapeText(labels.otherFindings)) +
    element('ul', {}, found.map((d) => element('li', { 'data-line': d.range.start.line }, badges([d]))).join('')));
}

/** A body row with its cells. */
export function rowHtml(row: RenderedRow, columns: readonly RenderedColumn[]): string {
  if (row.line) return `${row.open}${row.header}</tr>`;
  const html: string[] = [row.open, row.header];
  for (const column of columns) html.push(cellOf(column, row.key));
  html.push('</tr>');
  return html.join('');
}

/** The scroll region around the table, opened. */
function scrollOpen(grid: GridParts): string {
  return `<div${attributesOf({ class: 'bp-scroll', tabindex: 0, role: 'region', 'aria-label': grid.label })}>`;
}

/**
 * The whole fragment: `<div class="bp">` with heading, grid (or the no-journey hint), other
 * findings, then `after` (the export's step cards) inside it. Written as a list of pieces
 * joined once: adding thousands of cells to one string one by one made a rope the garbage
 * collector spent a third of a large render on.
 */
export function joinBlueprint(parts: BlueprintParts, after = ''): string {
  const html: string[] = [];
  writeBlueprint(html, parts, after);
  return html.join('');
}

/**
 * `joinBlueprint`'s pieces pushed onto `html`, for a caller that joins them with its own
 * (the export page: one join for the whole page, not one per layer). `after` is HTML or
 * a writer that pushes its own pieces.
 */
export function writeBlueprint(html: string[], parts: BlueprintParts, after: string | ((html: string[]) => void) = ''): void {
  html.push(parts.open, parts.head);
  const grid = parts.grid;
  if (grid) {
    const hasStages = grid.stages !== '';
    html.push(scrollOpen(grid), grid.tableOpen, grid.caption, grid.colgroups);
    html.push(`<thead>${grid.stages}<tr class="bp-steps">${hasStages ? '' : '<td class="bp-corner"></td>'}`);
    for (const column of grid.columns) html.push(column.header);
    html.push('</tr></thead><tbody>');
    for (const row of grid.rows) {
      if (row.line) {
        html.push(row.open, row.header, '</tr>');
        continue;
      }
      html.push(row.open, row.header);
      for (const column of grid.columns) html.push(cellOf(column, row.key));
      html.push('</tr>');
    }
    html.push('</tbody></table></div>');
  } else {
    html.push(parts.empty);
  }
  html.push(parts.outside);
  if (typeof after === 'string') html.push(after);
  else after(html);
  html.push('</div>');
}
