/**
 * The emotion curve as a row of cells: each step's cell draws its own piece of the curve
 * (from halfway to the previous step, through its own point, to halfway to the next), so
 * the line stays continuous whatever width the columns take and every cell keeps its
 * `data-step` hook. Coordinates use percentages horizontally, so nothing is stretched.
 */
import type { ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { emotionEmoji } from '../emotion';
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

/** The content of step `i`'s emotion cell: its piece of every line, and a text equivalent. */
export function emotionCellContent(series: readonly EmotionSeries[], i: number): ElementContent[] {
  const shapes: ElementContent[] = [];
  const spoken: string[] = [];
  series.forEach((line, n) => {
    const value = line.values[i];
    if (value === undefined) return;
    const here = y(value);
    const before = line.values[i - 1];
    const after = line.values[i + 1];
    const cls = [`bp-series-${n % 6}`];
    if (before !== undefined) {
      shapes.push(s('line', { x1: '0', y1: String((y(before) + here) / 2), x2: '50%', y2: String(here), className: cls, dataPersona: line.slug }));
    }
    if (after !== undefined) {
      shapes.push(s('line', { x1: '50%', y1: String(here), x2: '100%', y2: String((here + y(after)) / 2), className: cls, dataPersona: line.slug }));
    }
    shapes.push(
      s('circle', { cx: '50%', cy: String(here), r: '5', className: cls, dataPersona: line.slug }, [
        s('title', `${line.label}: ${format(value)}`),
      ]),
    );
    spoken.push(`${line.label}: ${format(value)} ${emotionEmoji(value)}`);
  });
  const svg = s(
    'svg',
    { className: ['bp-curve'], width: '100%', height: String(CURVE_HEIGHT), ariaHidden: 'true', focusable: 'false' },
    [s('line', { x1: '0', y1: String(MIDDLE), x2: '100%', y2: String(MIDDLE), className: ['bp-curve-zero'] }), ...shapes],
  );
  const result: ElementContent[] = [svg];
  if (series.length === 1 && series[0].values[i] !== undefined) {
    result.push(h('span.bp-curve-emoji', { ariaHidden: 'true', dataScore: series[0].values[i] }, emotionEmoji(series[0].values[i] as number)));
  }
  if (spoken.length > 0) result.push(h('span.bp-sr-only', spoken.join('; ')));
  return result;
}

/** The row header's legend: a swatch per line, when there is more than one. */
export function emotionLegend(series: readonly EmotionSeries[]): ElementContent[] {
  if (series.length < 2) return [];
  return [
    h(
      'ul.bp-legend',
      series.map((line, n) => h('li', { dataPersona: line.slug }, [h(`span.bp-swatch.bp-series-${n % 6}`, { ariaHidden: 'true' }), line.label])),
    ),
  ];
}
