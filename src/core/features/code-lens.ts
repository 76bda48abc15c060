/**
 * Code lenses: above a persona "used in N steps · heard DATE" (or "not heard"), above a
 * stage "N steps · K without persona".
 */
import type { Lang, Range } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import { counted, label } from './feature-labels';
import type { Location } from './lookup';

/** A lens as plain data: its title, and the places it points to when clicked. */
export interface CodeLens {
  range: Range;
  title: string;
  /** The steps behind the count (for "show references"). */
  locations: Location[];
}

/** The lenses for a document. */
export function codeLenses(index: WorkspaceIndex, uri: string, locale: Lang): CodeLens[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const lenses: CodeLens[] = [];
  for (const persona of doc.personas) {
    const steps = index.stepsUsingPersona(uri, persona.id);
    const date = lastHeardDate(persona.heard.map((entry) => entry.text));
    const heard = persona.heard.length === 0 ? label(locale, 'notHeard') : label(locale, 'heardOn', { date: date ?? persona.heard[0]?.text ?? '' });
    lenses.push({
      range: persona.headingRange,
      title: `${counted(locale, steps.length, 'usedInOneStep', 'usedInSteps')} · ${heard}`,
      locations: steps.map((step) => ({ uri: step.uri, range: step.item.headingRange })),
    });
  }
  for (const stage of doc.stages) {
    const without = stage.steps.filter((step) => index.effectivePersonas(uri, step).length === 0);
    lenses.push({
      range: stage.headingRange,
      title: `${counted(locale, stage.steps.length, 'oneStep', 'steps')} · ${label(locale, 'withoutPersona', { count: without.length })}`,
      locations: without.map((step) => ({ uri, range: step.headingRange })),
    });
  }
  return lenses;
}

/** The latest ISO date (YYYY-MM-DD) among `heard` entries, if any is written as one. */
export function lastHeardDate(entries: string[]): string | undefined {
  const dates = entries.flatMap((entry) => entry.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
  return dates.sort().at(-1);
}
