/**
 * One step's column of the grid as HTML strings: its header cell and a cell for every
 * row. A column is rendered from what it depends on only (the step's fields and names,
 * its findings, its personas and stories, the emotion scores around it, the language),
 * summed up in a key with line numbers relative to the step's heading, so an edit
 * re-renders the columns it changed and a line inserted above a step only shifts it.
 */
import type { Diagnostic, Field } from '../model';
import { element, escapeAttribute, escapeText } from './escape';
import { emotionCellHtml, emotionSignature, type EmotionSeries } from './emotion-curve';
import type { StepColumn } from './journey-view';
import type { RenderLabels } from './render-labels';
import { laneOfField, ROWS } from './grid-rows';
import { markdownToHtml } from './cell-markdown';
import { identityCache } from '../identity-cache';

/** What every column of one render shares. */
export interface ColumnContext {
  labels: RenderLabels;
  series: readonly EmotionSeries[];
  /**
   * Whether the grid has an emotion row (a score anywhere, or a finding on an emotion
   * field): only then does a column draw its emotion cell. Part of `signature`.
   */
  emotionRow: boolean;
  /** The shared inputs (language, emotion lines) as a string, part of every column's key. */
  signature: string;
}

/** A step's findings per lane (`header` for its column header). */
export type StepFindings = ReadonlyMap<string, readonly Diagnostic[]>;

/** A rendered column: HTML for its header and for each row's cell. */
export interface RenderedColumn {
  /** Everything the HTML depends on, with lines relative to `line`. */
  key: string;
  /** The step's heading line, which the cells' `data-line` values are relative to. */
  line: number;
  /** The `<th>` in the row of step headers. */
  header: string;
  /**
   * The `<td>` of each row where the step has something: content, findings, or a field
   * on a line of its own, as row key and HTML in turn (`[row, html, row, html, …]`).
   * Every other row takes `empty` (read both through `cellOf`).
   */
  cells: readonly string[];
  /** The `<td>` of the rows where the step has nothing (one string for all of them). */
  empty: string;
  /**
   * Rows where this step has content or findings (an empty row is left out of the grid),
   * one bit per row of `ROWS` (read through `fills`).
   */
  filled: number;
}

// A column holds a few strings, not a Map and a Set: a page of 3,600 small steps kept
// 7,200 of each alive until it was joined, and the collector copied them all (issue 9).

/** A bit per row of the grid, for `RenderedColumn.filled`. */
const ROW_BITS = new Map(ROWS.map((row, i) => [row.key, 2 ** i]));

/** A column's cell in a row. */
export function cellOf(column: RenderedColumn, row: string): string {
  const cells = column.cells;
  for (let i = 0; i < cells.length; i += 2) if (cells[i] === row) return cells[i + 1];
  return column.empty;
}

/** Whether a column (or a union of columns' `filled` masks) has content or findings in a row. */
export function fills(column: Pick<RenderedColumn, 'filled'>, row: string): boolean {
  const bit = ROW_BITS.get(row);
  return bit !== undefined && (column.filled & bit) !== 0;
}

/** Where a column stands: its index and whether it opens a stage (a heavier left border). */
export interface ColumnPlace {
  index: number;
  stageStart: boolean;
}

/** The column's cache key: its inputs, with lines relative to the step heading. */
export function columnKey(context: ColumnContext, column: StepColumn, place: ColumnPlace, findings: StepFindings | undefined): string {
  const { step } = column;
  const base = step.headingRange.start.line;
  const parts: unknown[] = [
    context.signature, step.id, step.name, column.number, step.range.end.line - base, place.stageStart,
    fieldsKey(step.fields, base),
    column.personas.map((p) => [p.slug, p.name, p.inherited, p.known]),
    column.stories.map((s) => [s.slug, s.name, s.known]),
    column.emotion ? column.emotion.line - base : null,
    emotionSignature(context.series, place.index),
  ];
  if (findings) {
    for (const [lane, list] of findings) {
      for (const d of list) parts.push([lane, d.rule, d.severity, d.message, d.range.start.line - base]);
    }
  }
  return JSON.stringify(parts);
}

// The parser keeps an unchanged step's field list (same array) across edits; its part of the
// key is the costliest, so it is remembered per list and heading line.
const fieldKeys = identityCache<readonly Field[], { base: number; key: string }>({ name: 'fieldKeys', module: 'render/column.ts', holds: "per step's field list: its part of the column's cache key, with the heading line it was made for" });

function fieldsKey(fields: readonly Field[], base: number): string {
  const known = fieldKeys.get(fields);
  if (known && known.base === base) return known.key;
  const key = JSON.stringify(fields.map((f) => [f.key, f.rawKey, f.known, f.markdown, f.range.start.line - base]));
  fieldKeys.set(fields, { base, key });
  return key;
}

/** Rows whose cell is not the step's fields alone: persona and story chips, the emotion curve. */
const CHIP_ROWS = new Set(['persona', 'story', 'emotion']);

/**
 * Render a step's column. `key` is its `columnKey`. Only the rows the step has something
 * in are written (a step fills two or three of the twenty); the rest share `empty`.
 */
export function renderColumn(context: ColumnContext, column: StepColumn, place: ColumnPlace, findings: StepFindings | undefined, key: string): RenderedColumn {
  const { step } = column;
  const byLane = new Map<string, Field[]>();
  for (const field of step.fields) {
    const lane = laneOfField(field);
    const list = byLane.get(lane);
    if (list) list.push(field);
    else byLane.set(lane, [field]);
  }

  // The header and cells are written from pieces, not through `element`: a journey of
  // thousands of small steps spends most of its render time on them (issue 9). Each is
  // joined from its pieces into one flat string: `a + b + …` makes a tree of string pieces,
  // and a page keeps every cell alive until it is joined, so the collector copied each
  // cell's tree (a dozen objects) instead of one string.
  const stepId = escapeAttribute(step.id);
  const stageClass = place.stageStart ? ' bp-stage-start' : '';
  const header = headerHtml(column, stepId, stageClass, findings?.get('header'));

  const headingLine = step.headingRange.start.line;
  const cellOpen = `<td class="bp-cell${stageClass}" data-step="${stepId}" data-line="`;
  const cells: string[] = [];
  let filled = 0;
  /** A row's cell: left to `empty` when it has nothing and points at the heading. */
  const put = (row: string, line: number, content: string, found: readonly Diagnostic[] | undefined, shows: boolean): void => {
    if (shows || found) filled |= ROW_BITS.get(row) ?? 0;
    if (content === '' && !found && line === headingLine) return;
    const parts: Array<string | number> = [cellOpen, line, '">', content];
    writeBadges(parts, found);
    parts.push('</td>');
    cells.push(row, parts.join(''));
  };
  byLane.forEach((fields, lane) => {
    if (CHIP_ROWS.has(lane)) return;
    const text = fieldsHtml(fields, lane === 'other');
    put(lane, fields[0].range.start.line, text === '' ? '' : `<div class="bp-note">${text}</div>`, findings?.get(lane), text !== '');
  });
  findings?.forEach((found, lane) => {
    if (lane !== 'header' && !byLane.has(lane) && !CHIP_ROWS.has(lane)) put(lane, headingLine, '', found, false);
  });
  const personaFields = byLane.get('persona');
  const personaFound = findings?.get('persona');
  if (column.personas.length > 0 || personaFields || personaFound) {
    const chips = personaChips(column, context.labels);
    put('persona', personaFields?.[0].range.start.line ?? headingLine, chips, personaFound, chips !== '');
  }
  const storyFields = byLane.get('story');
  const storyFound = findings?.get('story');
  if (column.stories.length > 0 || storyFields || storyFound) {
    const chips = storyChips(column);
    put('story', storyFields?.[0].range.start.line ?? headingLine, chips, storyFound, chips !== '');
  }
  // The emotion cell always holds the curve's baseline; whether the row shows is the grid's call.
  if (context.emotionRow) {
    const line = column.emotion?.line ?? byLane.get('emotion')?.[0].range.start.line ?? headingLine;
    put('emotion', line, emotionCellHtml(context.series, place.index), findings?.get('emotion'), false);
  }
  // `slice`: a list grown by `push` keeps room for sixteen; the column keeps it until the page is joined.
  return { key, line: headingLine, header, cells: cells.slice(), empty: [cellOpen, headingLine, '"></td>'].join(''), filled };
}

/** The column's `<th>`: number, name and the findings on the heading. */
function headerHtml(column: StepColumn, stepId: string, stageClass: string, found: readonly Diagnostic[] | undefined): string {
  const { step } = column;
  const personas = escapeAttribute(column.personas.length === 1 ? column.personas[0].slug : column.personas.map((p) => p.slug).join(' '));
  const parts: Array<string | number> = [
    '<th class="bp-step', stageClass, '" scope="col" data-step="', stepId, '" data-line="', step.headingRange.start.line,
    '" data-end-line="', step.range.end.line, '" data-personas="', personas, '"><span class="bp-step-no">', column.number,
    '</span> <span class="bp-step-name">', escapeText(step.name), '</span>',
  ];
  writeBadges(parts, found);
  parts.push('</th>');
  return parts.join('');
}

function personaChips(column: StepColumn, labels: RenderLabels): string {
  if (column.personas.length === 0) return '';
  let html = '<ul class="bp-chips">';
  for (const p of column.personas) {
    const classNames = `bp-chip bp-chip-persona${p.inherited ? ' bp-inherited' : ''}${p.known ? '' : ' bp-unknown'}`;
    const title = p.inherited ? ` title="${escapeAttribute(labels.inherited)}"` : '';
    html += `<li class="${classNames}" data-persona="${escapeAttribute(p.slug)}"${title}>${escapeText(p.name)}</li>`;
  }
  return `${html}</ul>`;
}

function storyChips(column: StepColumn): string {
  if (column.stories.length === 0) return '';
  let html = '<ul class="bp-chips">';
  for (const story of column.stories) {
    html += `<li class="bp-chip bp-chip-story${story.known ? '' : ' bp-unknown'}" data-story="${escapeAttribute(story.slug)}">${escapeText(story.name)}</li>`;
  }
  return `${html}</ul>`;
}

function fieldsHtml(fields: readonly Field[], withKeys: boolean): string {
  if (fields.length === 0) return '';
  if (fields.length === 1 && !withKeys) return markdownToHtml(fields[0].markdown);
  return fields.map((field) => element('div', { class: 'bp-entry', 'data-line': field.range.start.line },
    (withKeys ? element('span', { class: 'bp-key' }, escapeText(`${field.rawKey}: `)) : '') + markdownToHtml(field.markdown))).join('');
}

/**
 * Finding badges: the message as text, the rule id as a hook (`data-rule`) and as the
 * tooltip. The message is written once: a title repeating it made each badge twice as
 * long, and a page of thousands of findings writes every badge twice (grid and cards).
 * The severity dot is drawn by the style sheet (`.bp-finding::before`), not an element.
 */
export function badges(found: readonly Diagnostic[] | undefined): string {
  if (!found) return '';
  const parts: Array<string | number> = [];
  writeBadges(parts, found);
  return parts.join('');
}

/** `badges` as pieces pushed onto `parts` (a cell joins its pieces once). */
function writeBadges(parts: Array<string | number>, found: readonly Diagnostic[] | undefined): void {
  if (!found) return;
  for (const d of found) {
    const rule = escapeAttribute(d.rule);
    parts.push('<span class="bp-finding" data-rule="', rule, '" data-severity="', escapeAttribute(d.severity), '" data-line="', d.range.start.line,
      '" role="note" title="', rule, '">', escapeText(d.message), '</span>');
  }
}
