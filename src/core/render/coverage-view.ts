/**
 * The coverage matrix as HTML, for the preview's Coverage view and the export: a real
 * `<table>` with a caption, stages as column headers, personas as row headers (vulnerable
 * ones marked in text, not colour only), a cell per persona and stage whose `data-line`
 * is the first step serving the persona there (click or Enter reveals it, as in the grid),
 * and a footer of steps, steps without persona and basis per stage. Empty cells of
 * vulnerable personas are highlighted and say why. Pure strings, every blueprint text escaped.
 */
import { MAX_COVERAGE_CELLS, type Coverage, type CoverageCell, type CoveragePersona, type CoverageStage } from '../coverage/coverage';
import { coverageLabelsFor, type CoverageLabels } from '../coverage/coverage-labels';
import { classes, element, escapeText } from './escape';

const srOnly = (text: string): string => element('span', { class: 'bp-sr-only' }, escapeText(text));
const mark = (labels: CoverageLabels): string =>
  element('span', { class: 'bp-cov-mark', 'aria-hidden': 'true', title: labels.vulnerableMark }, '⚠') + srOnly(` (${labels.vulnerableMark})`);

/** The coverage as a `<div class="bp bp-cov">` fragment. */
export function renderCoverageHtml(coverage: Coverage, options: { dark?: boolean } = {}): string {
  const labels = coverageLabelsFor(coverage.lang);
  const title = coverage.title || labels.heading;
  const head = element('header', { class: 'bp-head' },
    element('h1', { class: 'bp-title' }, escapeText(title)) + element('span', { class: 'bp-cov-kind' }, escapeText(labels.heading)));
  let body: string;
  if (coverage.stages.length === 0) {
    body = element('p', { class: 'bp-empty' }, escapeText(labels.noJourney));
  } else {
    const table = element('table', { class: 'bp-cov-table', 'data-stages': coverage.stages.length, 'data-personas': coverage.personas.length },
      element('caption', {}, escapeText(labels.caption(title, coverage.personas.length, coverage.stages.length))) +
      headerRow(coverage, labels) +
      element('tbody', {}, coverage.personas.map((persona) => personaRow(coverage, persona, labels)).join('')) +
      footer(coverage, labels));
    body = element('div', { class: 'bp-cov-scroll', role: 'region', tabindex: 0, 'aria-label': labels.caption(title, coverage.personas.length, coverage.stages.length) }, table) +
      (coverage.personas.length === 0 ? element('p', { class: 'bp-empty' }, escapeText(labels.noPersonas)) : '') +
      (coverage.omittedPersonas > 0 ? element('p', { class: 'bp-empty' }, escapeText(labels.omitted(coverage.omittedPersonas, MAX_COVERAGE_CELLS))) : '') +
      legend(labels);
  }
  return element('div', { class: classes('bp', 'bp-cov', options.dark && 'bp-dark'), lang: coverage.lang, 'data-lang': coverage.lang },
    head + body + unknownList(coverage, labels));
}

function headerRow(coverage: Coverage, labels: CoverageLabels): string {
  const fixed = [labels.persona, labels.heard, labels.tested].map((text, i) =>
    element('th', { scope: 'col', class: i === 0 ? 'bp-cov-corner' : 'bp-cov-fixed' }, escapeText(text))).join('');
  const stages = coverage.stages.map((stage) => element('th', {
    scope: 'col',
    class: classes('bp-cov-stage', !stage.staged && 'bp-cov-unstaged'),
    'data-stage': stage.id,
    'data-line': stage.line,
  }, escapeText(stage.title))).join('');
  return element('thead', {}, element('tr', {}, fixed + stages));
}

function personaRow(coverage: Coverage, persona: CoveragePersona, labels: CoverageLabels): string {
  // Only a persona of this file has a line here to reveal; shared ones live in another file.
  const own = persona.uri === coverage.uri;
  const name = element('th', { scope: 'row', class: 'bp-cov-persona', 'data-line': own ? persona.line : undefined },
    escapeText(persona.name) + (persona.vulnerable ? ' ' + mark(labels) : ''));
  const heard = persona.heard.length > 0
    ? element('td', { class: 'bp-cov-heard' }, element('ul', { class: 'bp-cov-entries' },
      persona.heard.map((entry) => element('li', {}, escapeText(entry))).join('')))
    : element('td', { class: 'bp-cov-heard bp-cov-no' }, escapeText(labels.no));
  const first = persona.tested[0];
  const tested = first
    ? element('td', { class: 'bp-cov-tested', 'data-line': first.line }, escapeText(`${labels.yes} (${persona.tested.length})`))
    : element('td', { class: 'bp-cov-tested bp-cov-no' }, escapeText(labels.no));
  const cells = persona.cells.map((cell, i) => personaCell(cell, coverage.stages[i], persona, labels)).join('');
  return element('tr', { 'data-persona': persona.id, class: persona.vulnerable ? 'bp-cov-vulnerable' : undefined }, name + heard + tested + cells);
}

function personaCell(cell: CoverageCell, stage: CoverageStage, persona: CoveragePersona, labels: CoverageLabels): string {
  const gap = cell.steps === 0 && persona.vulnerable && stage.steps > 0;
  const content = element('span', { class: 'bp-cov-count' }, String(cell.steps)) +
    (cell.inherited > 0 ? element('span', { class: 'bp-cov-inherited' }, escapeText(`${cell.inherited} ${labels.inherited}`)) : '') +
    (gap ? element('span', { class: 'bp-cov-gap-mark', 'aria-hidden': 'true' }, '⚠') + srOnly(` (${labels.emptyVulnerable})`) : '');
  return element('td', {
    class: classes('bp-cov-cell', cell.steps === 0 && 'bp-cov-empty', gap && 'bp-cov-gap'),
    'data-stage': stage.id,
    'data-steps': cell.steps,
    'data-line': cell.first?.line,
    title: cell.first ? labels.cell(persona.name, stage.title, cell.steps, cell.inherited) : undefined,
  }, content);
}

function footer(coverage: Coverage, labels: CoverageLabels): string {
  const row = (label: string, values: string[], className: string): string =>
    element('tr', { class: className }, element('th', { scope: 'row', colspan: 3 }, escapeText(label)) + values.join(''));
  const number = (value: number, warn = false): string => element('td', { class: classes('bp-cov-total', warn && 'bp-cov-warn') }, String(value));
  const basisNames = labels.basisValues;
  const basis = coverage.stages.map((stage) => {
    const parts = (['heard', 'assumed', 'proposed', 'none'] as const)
      .filter((key) => stage.basis[key] > 0)
      .map((key) => element('li', { 'data-basis': key }, escapeText(`${basisNames[key]} ${stage.basis[key]}`)));
    return element('td', { class: 'bp-cov-basis' }, parts.length > 0 ? element('ul', { class: 'bp-cov-entries' }, parts.join('')) : '–');
  });
  return element('tfoot', {},
    row(labels.steps, coverage.stages.map((s) => number(s.steps)), 'bp-cov-steps') +
    row(labels.withoutPersona, coverage.stages.map((s) => number(s.withoutPersona, s.withoutPersona > 0)), 'bp-cov-without') +
    row(labels.basis, basis, 'bp-cov-basis-row'));
}

function legend(labels: CoverageLabels): string {
  return element('p', { class: 'bp-cov-legend' },
    element('span', { class: 'bp-cov-mark', 'aria-hidden': 'true' }, '⚠') + ' ' + escapeText(labels.vulnerableMark) + ' · ' +
    element('span', { class: 'bp-cov-swatch', 'aria-hidden': 'true' }) + ' ' + escapeText(labels.emptyVulnerable));
}

function unknownList(coverage: Coverage, labels: CoverageLabels): string {
  if (coverage.unknownPersonas.length === 0) return '';
  const items = coverage.unknownPersonas.map((unknown) => {
    const where = coverage.stages.filter((_, i) => unknown.cells[i].steps > 0).map((s) => s.title).join(', ');
    const first = unknown.cells.find((cell) => cell.first)?.first;
    return element('li', { 'data-line': first?.line, 'data-persona': unknown.id },
      element('code', {}, escapeText(`@${unknown.id}`)) + (where ? ` ${escapeText(where)}` : ''));
  }).join('');
  return element('section', { class: 'bp-cov-unknown', 'aria-label': labels.unknownPersonas },
    element('h2', {}, escapeText(labels.unknownPersonas)) + element('p', {}, escapeText(labels.unknownHint)) + element('ul', {}, items));
}
