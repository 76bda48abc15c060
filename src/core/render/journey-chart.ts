/**
 * The journey diagram as static HTML, for the export and `blueprint render --view journey`:
 * the same story as the preview's Mermaid diagram (stages as sections, a task per step with
 * its number, title, personas and one score on the 1..5 scale) drawn with HTML and CSS, so
 * the page needs no script. Titles wrap inside their boxes; with a persona chosen only that
 * persona's steps and scores are drawn.
 */
import { EMOTION_EMOJI } from '../emotion';
import { classes, element, escapeText } from './escape';
import { stepInvolves, stepScore, type JourneyView, type StepColumn } from './journey-view';
import type { RenderLabels } from './render-labels';
import { mermaidScore } from './mermaid';

/** `<section class="bp-journey">` for a journey view. */
export function renderJourneyChart(view: JourneyView, labels: RenderLabels, persona?: string): string {
  let html = '';
  for (const group of view.groups) {
    const columns = group.columns.filter((column) => stepInvolves(column, persona));
    if (columns.length === 0) continue;
    const name = group.stage ? element('h2', { class: 'bp-journey-stage-name' }, escapeText(group.stage.name)) : '';
    html += element('li', { class: classes('bp-journey-stage', !group.stage && 'bp-journey-nostage') },
      name + element('ol', { class: 'bp-journey-tasks' }, columns.map((column) => taskHtml(column, labels, persona)).join('')));
  }
  return element('section', { class: 'bp-journey', 'aria-label': labels.journey },
    element('ol', { class: 'bp-journey-stages' }, html));
}

function taskHtml(column: StepColumn, labels: RenderLabels, persona: string | undefined): string {
  const score = stepScore(column, persona);
  const mermaid = mermaidScore(score);
  const rounded = score === undefined ? undefined : Math.max(-2, Math.min(2, Math.round(score)));
  const face = rounded === undefined ? '' : EMOTION_EMOJI.find((e) => e.score === rounded)?.emoji ?? '';
  const actors = column.personas.length === 0 ? ''
    : element('ul', { class: 'bp-chips' }, column.personas.map((p) => element('li', {
      class: classes('bp-chip', 'bp-chip-persona', p.slug === persona && 'bp-selected'),
      'data-persona': p.slug,
    }, escapeText(p.name))).join(''));
  return element('li', {
    class: 'bp-journey-task',
    'data-step': column.step.id,
    'data-line': column.step.headingRange.start.line,
    'data-score': mermaid,
  },
  (face ? element('span', { class: 'bp-journey-score', role: 'img', 'aria-label': labels.score(mermaid) }, face) : '') +
  element('span', { class: 'bp-journey-name' },
    `${element('span', { class: 'bp-step-no' }, String(column.number))} ${escapeText(column.step.name)}`) +
  actors);
}
