/**
 * The `html` diff: the head version's swimlane grid (the export page) with added, changed
 * and moved step columns marked, a legend, and the removed steps struck through. The
 * marks are CSS rules on the grid's own `data-step` hooks, so the grid stays the one the
 * preview draws; ids are escaped for CSS and text for HTML.
 */
import { formatMessage } from '../i18n/message-catalogue';
import type { Lang } from '../model';
import { element, escapeText } from '../render/escape';
import { renderStandalonePage } from '../render/html';
import type { RenderInput } from '../render/journey-view';
import { removedSteps, stepMarks, type StepMark } from './marks';
import { countChanges, headline } from './summary';
import type { Attention, Change } from './types';

const COLOURS: Record<StepMark, string> = { added: '#1a7f37', changed: '#9a6700', moved: '#0969da' };

/** A CSS string: every character but letters, digits, `-` and `_` as a hex escape. */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N}_-]/gu, (c) => `\\${c.codePointAt(0)?.toString(16)} `)}"`;
}

function markCss(marks: ReadonlyMap<string, StepMark>, locale: Lang): string {
  const rules: string[] = [];
  for (const [step, mark] of marks) {
    const attribute = `[data-step=${cssString(step)}]`;
    const selector = `.bp ${attribute}`;
    rules.push(`${selector}{box-shadow:inset 0 0 0 3px ${COLOURS[mark]};background-image:linear-gradient(${COLOURS[mark]}1f,${COLOURS[mark]}1f)}`);
    rules.push(`.bp th${attribute}::after{content:${cssString(label(mark, locale))};display:block;font-size:.75em;font-weight:600;color:${COLOURS[mark]}}`);
  }
  return rules.join('\n');
}

function label(mark: StepMark, locale: Lang): string {
  const words: Record<StepMark, [string, string]> = { added: ['added', 'toegevoegd'], changed: ['changed', 'gewijzigd'], moved: ['moved', 'verplaatst'] };
  return words[mark][locale === 'nl' ? 1 : 0];
}

export interface DiffPageInput {
  render: RenderInput;
  changes: readonly Change[];
  attention: readonly Attention[];
  locale: Lang;
  /** "main → working tree". */
  versions: string;
}

/** The marked page, standalone (no script, no network). */
export function renderDiffPage({ render, changes, attention, locale, versions }: DiffPageInput): string {
  const marks = stepMarks(changes);
  const removed = removedSteps(changes);
  const legend = (['added', 'changed', 'moved'] as const)
    .map((mark) => element('li', { class: `bp-diff-${mark}`, style: `border-left:6px solid ${COLOURS[mark]};padding-left:.4em` }, escapeText(label(mark, locale))))
    .join('');
  const removedList = removed.length === 0 ? '' : element('p', {}, escapeText(locale === 'nl' ? 'Verwijderde stappen:' : 'Removed steps:')) +
    element('ul', { class: 'bp-diff-removed' }, removed.map((step) =>
      element('li', { 'data-step': step.step }, `${element('del', {}, escapeText(step.name))} ${escapeText(`(${step.stage ?? formatMessage(locale, 'diff.noStage')})`)}`)).join(''));
  const section = element('section', { class: 'bp-diff', 'aria-label': locale === 'nl' ? 'Wijzigingen' : 'Changes', style: 'margin:1em' },
    element('p', { class: 'bp-diff-versions' }, escapeText(versions)) +
    element('p', { class: 'bp-diff-headline' }, escapeText(headline(countChanges(changes, attention), locale))) +
    element('ul', { class: 'bp-diff-legend', style: 'list-style:none;display:flex;gap:1.5em;padding:0' }, legend) + removedList);
  const page = renderStandalonePage(render);
  return page
    .replace('</style>', () => `\n${markCss(marks, locale)}</style>`)
    // After the opening body tag, whatever its classes (the export varies them by view).
    .replace(/<body[^>]*>/, (body) => `${body}\n${section}`);
}
