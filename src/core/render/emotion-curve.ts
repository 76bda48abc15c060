/**
 * The emotion curve as a row of cells: each step's cell draws its own piece of the curve
 * (from halfway to the previous step, through its own point, to halfway to the next), so
 * the line stays continuous whatever width the columns take and every cell keeps its
 * `data-step` hook. Coordinates use percentages horizontally, so nothing is stretched.
 */
import { emotionEmoji } from '../emotion';
import { attributes, element, escapeText, type AttributeValue } from './escape';
import type { JourneyView, StepColumn } from './journey-view';
import { personaName } from './journey-view';

/** Height of the curve area in CSS pixels; the row's cells are exactly this tall. */
export const CURVE_HEIGHT = 96;
const MIDDLE = CURVE_HEIGHT / 2;
const STEP_PX = 18;

/** One line of the curve: everyone, or one persona whose scores differ. */
export interface EmotionSeries {
  /** Persona slug, or undefined for the line that applies to everyone. */
  slug?: string;
  label: string;
  values: Array<number | undefined>;
}

/** The lines to draw: one per persona scored separately somewhere, else one for everyone. */
export function emotionSeries(view: JourneyView, everyoneLabel: string): EmotionSeries[] {
  if (view.emotionSeries.length === 0) {
    return [{ label: everyoneLabel, values: view.columns.map((c) => c.emotion?.overall) }];
  }
  return view.emotionSeries.map((slug) => ({
    slug,
    label: personaName(view, slug),
    values: view.columns.map((c) => scoreFor(c, slug)),
  }));
}

function scoreFor(column: StepColumn, slug: string): number | undefined {
  const emotion = column.emotion;
  if (!emotion) return undefined;
  const own = emotion.perPersona.get(slug);
  if (own !== undefined) return own;
  // A plain score applies to the step's own personas (or to everyone when it names none).
  const applies = column.personas.length === 0 || column.personas.some((p) => p.slug === slug);
  return applies ? emotion.overall : undefined;
}

function y(score: number): number {
  return MIDDLE - score * STEP_PX;
}

function format(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0';
}

/** True when any step has a score on any line. */
export function hasEmotion(series: readonly EmotionSeries[]): boolean {
  return series.some((line) => line.values.some((v) => v !== undefined));
}

/**
 * What step `i`'s emotion cell depends on: its own and its neighbours' scores on every
 * line (the curve's pieces run halfway to them). Part of the column's cache key.
 */
export function emotionSignature(series: readonly EmotionSeries[], i: number): string {
  return series.map((line) => `${line.values[i - 1]},${line.values[i]},${line.values[i + 1]}`).join('|');
}

/** The lines' identity (who and in which colour), shared by every column's cache key. */
export function seriesSignature(series: readonly EmotionSeries[]): string {
  return series.map((line) => `${line.slug ?? ''}\u0000${line.label}`).join('\u0001');
}

function shape(tag: 'line' | 'circle', attrs: Record<string, AttributeValue>, inner?: string): string {
  return inner === undefined ? `<${tag}${attributes(attrs)}/>` : element(tag, attrs, inner);
}

/** The emotion cell of a step without scores, once written. */
let baselineOnly: string | undefined;

function emptyCurve(): string {
  return curveSvg('');
}

/** The curve's picture: the zero line, then the shapes of the step's scores. */
function curveSvg(shapes: string): string {
  const zero = shape('line', { x1: '0', y1: String(MIDDLE), x2: '100%', y2: String(MIDDLE), class: 'bp-curve-zero' });
  return element('svg', { class: 'bp-curve', width: '100%', height: String(CURVE_HEIGHT), 'aria-hidden': 'true', focusable: 'false' }, zero + shapes);
}

/** The HTML of step `i`'s emotion cell: its piece of every line, and a text equivalent. */
export function emotionCellHtml(series: readonly EmotionSeries[], i: number): string {
  // A step without scores shows the baseline only: the same HTML for every such step.
  if (series.every((line) => line.values[i] === undefined)) return (baselineOnly ??= emptyCurve());
  let shapes = '';
  const spoken: string[] = [];
  series.forEach((line, n) => {
    const value = line.values[i];
    if (value === undefined) return;
    const here = y(value);
    const before = line.values[i - 1];
    const after = line.values[i + 1];
    const cls = `bp-series-${n % 6}`;
    if (before !== undefined) {
      shapes += shape('line', { x1: '0', y1: String((y(before) + here) / 2), x2: '50%', y2: String(here), class: cls, 'data-persona': line.slug });
    }
    if (after !== undefined) {
      shapes += shape('line', { x1: '50%', y1: String(here), x2: '100%', y2: String((here + y(after)) / 2), class: cls, 'data-persona': line.slug });
    }
    shapes += shape('circle', { cx: '50%', cy: String(here), r: '5', class: cls, 'data-persona': line.slug },
      element('title', {}, escapeText(`${line.label}: ${format(value)}`)));
    spoken.push(`${line.label}: ${format(value)} ${emotionEmoji(value)}`);
  });
  let html = curveSvg(shapes);
  const only = series.length === 1 ? series[0].values[i] : undefined;
  if (only !== undefined) html += element('span', { class: 'bp-curve-emoji', 'aria-hidden': 'true', 'data-score': only }, emotionEmoji(only));
  if (spoken.length > 0) html += element('span', { class: 'bp-sr-only' }, escapeText(spoken.join('; ')));
  return html;
}

/** The row header's legend: a swatch per line, when there is more than one. */
export function emotionLegendHtml(series: readonly EmotionSeries[]): string {
  if (series.length < 2) return '';
  return element('ul', { class: 'bp-legend' }, series.map((line, n) => element('li', { 'data-persona': line.slug },
    element('span', { class: `bp-swatch bp-series-${n % 6}`, 'aria-hidden': 'true' }) + escapeText(line.label))).join(''));
}
