/**
 * The swimlane grid as hast: a real `<table>` (caption, column headers per step grouped
 * under stage headers, row headers per lane) with the hooks the preview and the tests use:
 * `data-step` and `data-line` on every step cell, `data-lane` on every row, `data-rule` on
 * every finding badge. Pure: no DOM, no `vscode`, the same tree for the webview and export.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Diagnostic, Field } from '../model';
import { emotionCellContent, emotionLegend, emotionSeries, hasEmotion, type EmotionSeries } from './emotion-curve';
import { cellKey, placeFindings, type PlacedFindings } from './findings';
import { buildJourneyView, type JourneyView, type RenderInput, type StepColumn } from './journey-view';
import { labelsFor, type RenderLabels } from './labels';
import { laneOfField, ROWS, type RowSpec } from './lanes';
import { markdownToHast } from './markdown';

export type { RenderInput } from './journey-view';

interface GridContext {
  view: JourneyView;
  labels: RenderLabels;
  findings: PlacedFindings;
  series: EmotionSeries[];
  /** Column indexes where a stage group begins. */
  stageStarts: Set<number>;
}

/** The whole preview body: heading, the grid (or a hint when there is no journey), other findings. */
export function buildBlueprint(input: RenderInput): Element {
  const { doc } = input;
  const labels = labelsFor(doc.lang);
  const view = buildJourneyView(input);
  const findings = placeFindings(doc.uri, doc.steps, input.diagnostics ?? []);
  const stageStarts = new Set<number>();
  let start = 0;
  for (const group of view.groups) {
    stageStarts.add(start);
    start += group.columns.length;
  }
  const context: GridContext = { view, labels, findings, series: emotionSeries(view, labels.emotionOverall), stageStarts };
  const title = view.title || labels.untitled;
  const status = doc.frontMatter?.status;

  return h('div.bp', { lang: doc.lang, dataLang: doc.lang }, [
    h('header.bp-head', [
      h('h1.bp-title', title),
      status ? h('span.bp-status', { dataStatus: status }, status) : undefined,
    ].filter(isDefined)),
    view.columns.length > 0
      ? h('div.bp-scroll', { tabIndex: 0, role: 'region', ariaLabel: title }, [buildTable(context, title)])
      : h('p.bp-empty', labels.noJourney),
    findings.outside.length > 0 ? buildOutsideFindings(findings.outside, labels) : undefined,
  ].filter(isDefined));
}

function buildTable(context: GridContext, title: string): Element {
  const { view, labels } = context;
  const hasStages = view.groups.some((g) => g.stage !== undefined);
  const stageCount = view.groups.filter((g) => g.stage).length;

  const colgroups: Element[] = [h('col.bp-col-lanes')];
  for (const group of view.groups) colgroups.push(h('colgroup', { span: group.columns.length }));

  const headRows: Element[] = [];
  if (hasStages) {
    headRows.push(
      h('tr.bp-stages', [
        h('td.bp-corner', { rowSpan: 2 }),
        ...view.groups.map((group) =>
          group.stage
            ? h('th.bp-stage', {
              scope: 'colgroup',
              className: view.groups[0] === group ? [] : ['bp-stage-start'],
              colSpan: group.columns.length,
              dataStage: group.stage.id,
              dataLine: group.stage.headingRange.start.line,
            }, [h('span.bp-stage-name', group.stage.name)])
            : h('td.bp-stage.bp-stage-none', { colSpan: group.columns.length, className: view.groups[0] === group ? [] : ['bp-stage-start'] }),
        ),
      ]),
    );
  }
  headRows.push(
    h('tr.bp-steps', [
      hasStages ? undefined : h('td.bp-corner'),
      ...view.columns.map((column, i) => stepHeader(context, column, i)),
    ].filter(isDefined)),
  );

  const bodyRows = ROWS.map((row) => buildRow(context, row)).filter(isDefined);

  return h('table.bp-grid', { dataSteps: view.columns.length, className: hasStages ? ['bp-has-stages'] : [] }, [
    h('caption.bp-sr-only', labels.caption(title, view.columns.length, stageCount)),
    ...colgroups,
    h('thead', headRows),
    h('tbody', bodyRows),
  ]);
}

function stepHeader(context: GridContext, column: StepColumn, i: number): Element {
  const { step } = column;
  return h('th.bp-step', {
    scope: 'col',
    className: stageStartClass(context, i),
    dataStep: step.id,
    dataLine: step.headingRange.start.line,
    dataEndLine: step.range.end.line,
    dataPersonas: column.personas.map((p) => p.slug).join(' '),
  }, [
    h('span.bp-step-no', String(column.number)),
    ' ',
    h('span.bp-step-name', step.name),
    ...badges(context.findings.byCell.get(cellKey(i, 'header'))),
  ]);
}

function buildRow(context: GridContext, row: RowSpec): Element | undefined {
  const { labels, view } = context;
  const span = view.columns.length;
  if (row.kind === 'line') {
    const label = row.key === 'line-of-interaction' ? labels.lines.interaction
      : row.key === 'line-of-visibility' ? labels.lines.visibility : labels.lines.internal;
    return h('tr.bp-line', { dataLane: row.key, dataAudience: row.audience }, [
      h('th.bp-line-label', { scope: 'row' }, label),
      h('td.bp-line-rule', { colSpan: span }),
    ]);
  }
  if (row.kind === 'emotion' && !hasEmotion(context.series) && !rowHasFindings(context, row.key)) return undefined;

  const cells: Element[] = [];
  let hasContent = row.kind === 'emotion';
  view.columns.forEach((column, i) => {
    const found = context.findings.byCell.get(cellKey(i, row.key));
    const { content, line } = cellContent(context, row, column, i);
    if (content.length > 0 || found) hasContent = true;
    const body = row.kind === 'lane' && content.length > 0 ? [el('div', { className: ['bp-note'] }, content)] : content;
    cells.push(el('td', { className: ['bp-cell', ...stageStartClass(context, i)], dataStep: column.step.id, dataLine: line }, found ? [...body, ...badges(found)] : body));
  });
  if (!hasContent) return undefined;

  const header: ElementContent[] = [{ type: 'text', value: labels.lanes[row.key] ?? row.key }];
  if (row.kind === 'emotion') header.push(...emotionLegend(context.series));
  return h(`tr.bp-lane.bp-lane-${row.key}`, { dataLane: row.key, dataAudience: row.audience }, [
    h('th.bp-lane-label', { scope: 'row' }, header),
    ...cells,
  ]);
}

/** Cells that open a stage get a heavier left border, so stages read as blocks. */
function stageStartClass(context: GridContext, i: number): string[] {
  return i > 0 && context.stageStarts.has(i) ? ['bp-stage-start'] : [];
}

function rowHasFindings(context: GridContext, lane: string): boolean {
  return context.view.columns.some((_, i) => context.findings.byCell.has(cellKey(i, lane)));
}

function cellContent(context: GridContext, row: RowSpec, column: StepColumn, i: number): { content: ElementContent[]; line: number } {
  const { step } = column;
  const fields = step.fields.filter((f) => laneOfField(f) === row.key);
  const line = fields[0]?.range.start.line ?? step.headingRange.start.line;
  switch (row.kind) {
    case 'personas':
      return {
        line,
        content: column.personas.length === 0 ? [] : [h('ul.bp-chips', column.personas.map((p) =>
          h('li.bp-chip.bp-chip-persona', {
            dataPersona: p.slug,
            className: [p.inherited ? 'bp-inherited' : '', p.known ? '' : 'bp-unknown'].filter(Boolean),
            title: p.inherited ? context.labels.inherited : undefined,
          }, p.name)))],
      };
    case 'stories':
      return {
        line,
        content: column.stories.length === 0 ? [] : [h('ul.bp-chips', column.stories.map((story) =>
          h('li.bp-chip.bp-chip-story', { dataStory: story.slug, className: story.known ? [] : ['bp-unknown'] }, story.name)))],
      };
    case 'emotion':
      return { line: column.emotion?.line ?? line, content: emotionCellContent(context.series, i) };
    default:
      return { line, content: fieldsContent(fields, row.key === 'other') };
  }
}

function fieldsContent(fields: readonly Field[], withKeys: boolean): ElementContent[] {
  if (fields.length === 0) return [];
  if (fields.length === 1 && !withKeys) return markdownToHast(fields[0].markdown);
  return fields.map((field) =>
    h('div.bp-entry', { dataLine: field.range.start.line }, [
      withKeys ? h('span.bp-key', `${field.rawKey}: `) : undefined,
      ...markdownToHast(field.markdown),
    ].filter(isDefined)),
  );
}

function badges(found: readonly Diagnostic[] | undefined): Element[] {
  if (!found) return [];
  return found.map((d) =>
    h('span.bp-finding', {
      dataRule: d.rule,
      dataSeverity: d.severity,
      dataLine: d.range.start.line,
      role: 'note',
      title: `${d.rule}: ${d.message}`,
    }, [h('span.bp-finding-icon', { ariaHidden: 'true' }), d.message]),
  );
}

function buildOutsideFindings(found: readonly Diagnostic[], labels: RenderLabels): Element {
  return h('section.bp-outside', { ariaLabel: labels.otherFindings }, [
    h('h2', labels.otherFindings),
    h('ul', found.map((d) => h('li', { dataLine: d.range.start.line }, badges([d])))),
  ]);
}

/**
 * A hast element without hastscript's selector parsing and property normalising: the grid
 * has a cell per step and lane (20 000 for a large journey), and `h()` was most of the
 * render time. Property names must already be hast's (`className` as a list, `dataStep`).
 */
function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
