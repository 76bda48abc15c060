/**
 * One step's column of the grid as HTML strings: its header cell and a cell for every
 * row. A column is rendered from what it depends on only (the step's fields and names,
 * its findings, its personas and stories, the emotion scores around it, the language),
 * summed up in a key with line numbers relative to the step's heading, so an edit
 * re-renders the columns it changed and a line inserted above a step only shifts it.
 */
import type { Diagnostic, Field } from '../model';
import { classes, element, escapeText } from './escape';
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
  /** The `<td>` per row key (every row that has cells, filled or not). */
  cells: Readonly<Record<string, string>>;
  /** Rows where this step has content or findings (an empty row is left out of the grid). */
  filled: ReadonlySet<string>;
}

/** Where a column stands: its index and whether it opens a stage (a heavier left border). */
export interface ColumnPlace {
  index: number;
  stageStart: boolean;
}

const CELL_ROWS = ROWS.filter((row) => row.kind !== 'line');

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

/** Render a step's column. `key` is its `columnKey`. */
export function renderColumn(context: ColumnContext, column: StepColumn, place: ColumnPlace, findings: StepFindings | undefined, key: string): RenderedColumn {
  const { step } = column;
  const stageStart = place.stageStart ? 'bp-stage-start' : undefined;
  const byLane = new Map<string, Field[]>();
  for (const field of step.fields) {
    const lane = laneOfField(field);
    const list = byLane.get(lane);
    if (list) list.push(field);
    else byLane.set(lane, [field]);
  }

  const header = element('th', {
    class: classes('bp-step', stageStart),
    scope: 'col',
    'data-step': step.id,
    'data-line': step.headingRange.start.line,
    'data-end-line': step.range.end.line,
    'data-personas': column.personas.map((p) => p.slug).join(' '),
  }, `${element('span', { class: 'bp-step-no' }, String(column.number))} ${element('span', { class: 'bp-step-name' }, escapeText(step.name))}${badges(findings?.get('header'))}`);

  const cells: Record<string, string> = {};
  const filled = new Set<string>();
  for (const row of CELL_ROWS) {
    const fields = byLane.get(row.key) ?? [];
    let line = fields[0]?.range.start.line ?? step.headingRange.start.line;
    let content: string;
    switch (row.kind) {
      case 'personas':
        content = personaChips(column, context.labels);
        break;
      case 'stories':
        content = storyChips(column);
        break;
      case 'emotion':
        line = column.emotion?.line ?? line;
        content = emotionCellHtml(context.series, place.index);
        break;
      default: {
        const text = fieldsHtml(fields, row.key === 'other');
        content = text === '' ? '' : element('div', { class: 'bp-note' }, text);
      }
    }
    const found = findings?.get(row.key);
    // The emotion cell always holds the curve's baseline; whether the row shows is the grid's call.
    if ((content !== '' && row.kind !== 'emotion') || found) filled.add(row.key);
    cells[row.key] = element('td', { class: classes('bp-cell', stageStart), 'data-step': step.id, 'data-line': line }, content + badges(found));
  }
  return { key, line: step.headingRange.start.line, header, cells, filled };
}

function personaChips(column: StepColumn, labels: RenderLabels): string {
  if (column.personas.length === 0) return '';
  return element('ul', { class: 'bp-chips' }, column.personas.map((p) => element('li', {
    class: classes('bp-chip', 'bp-chip-persona', p.inherited && 'bp-inherited', !p.known && 'bp-unknown'),
    'data-persona': p.slug,
    title: p.inherited ? labels.inherited : undefined,
  }, escapeText(p.name))).join(''));
}

function storyChips(column: StepColumn): string {
  if (column.stories.length === 0) return '';
  return element('ul', { class: 'bp-chips' }, column.stories.map((story) => element('li', {
    class: classes('bp-chip', 'bp-chip-story', !story.known && 'bp-unknown'),
    'data-story': story.slug,
  }, escapeText(story.name))).join(''));
}

function fieldsHtml(fields: readonly Field[], withKeys: boolean): string {
  if (fields.length === 0) return '';
  if (fields.length === 1 && !withKeys) return markdownToHtml(fields[0].markdown);
  return fields.map((field) => element('div', { class: 'bp-entry', 'data-line': field.range.start.line },
    (withKeys ? element('span', { class: 'bp-key' }, escapeText(`${field.rawKey}: `)) : '') + markdownToHtml(field.markdown))).join('');
}

/** Finding badges: the message as text, the rule id as a hook. */
export function badges(found: readonly Diagnostic[] | undefined): string {
  if (!found) return '';
  return found.map((d) => element('span', {
    class: 'bp-finding',
    'data-rule': d.rule,
    'data-severity': d.severity,
    'data-line': d.range.start.line,
    role: 'note',
    title: `${d.rule}: ${d.message}`,
  }, element('span', { class: 'bp-finding-icon', 'aria-hidden': 'true' }) + escapeText(d.message))).join('');
}
