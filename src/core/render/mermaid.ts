/**
 * The journey as Mermaid `journey` source: stages become sections, steps tasks, personas
 * actors, and emotion -2..2 the task score 1..5. Text from the blueprint is reduced to
 * characters that cannot start a directive (`%%{init}%%`), a comment, a new statement or
 * an entity, so a file cannot reconfigure Mermaid or add `click` callbacks.
 */
import { buildJourneyView, type JourneyView, type RenderInput, type StepColumn } from './journey-view';
import { labelsFor } from './labels';

const MAX_TEXT = 120;
// Words that open a statement in the journey grammar; a task named like one is numbered anyway,
// but titles and sections are checked too.
const KEYWORDS = /^(journey|title|section|acc(title|descr)|click|call|style|classdef|class)\b/i;

/**
 * Reduce text to one safe line: no line breaks, and none of `: ; # % { } < > " \` ` , =`, which
 * delimit tasks and actors, start comments, directives and entities, or open HTML.
 */
export function mermaidText(text: string): string {
  const flat = text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[:;#%{}<>"`,=&\\|[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
  return KEYWORDS.test(short) ? `‘${short}’` : short;
}

/** Emotion -2..2 to Mermaid's score 1..5 (neutral 3 when none is given). */
export function mermaidScore(emotion: number | undefined): number {
  if (emotion === undefined) return 3;
  return Math.max(1, Math.min(5, Math.round(emotion) + 3));
}

/** Mermaid `journey` source for a blueprint; pass `view` when it is built already. */
export function renderMermaid(input: RenderInput, view: JourneyView = buildJourneyView(input)): string {
  const labels = labelsFor(input.doc.lang);
  const lines = ['journey', `  title ${mermaidText(view.title) || labels.untitled}`];
  view.groups.forEach((group, n) => {
    if (group.stage) lines.push(`  section ${mermaidText(group.stage.name) || '…'}`);
    else if (n > 0) lines.push('  section …');
    for (const column of group.columns) lines.push(...taskLines(column, labels.step));
  });
  return `${lines.join('\n')}\n`;
}

function taskLines(column: StepColumn, stepWord: string): string[] {
  // Numbered, so the diagram matches the grid's columns and no name can read as a keyword.
  const name = `${column.number}. ${mermaidText(column.step.name) || stepWord}`;
  const actors = column.personas.map((p) => ({ slug: p.slug, name: mermaidText(p.name) || p.slug.replace(/[^\p{L}\p{N}_-]/gu, '') }));
  const emotion = column.emotion;
  if (!emotion || emotion.perPersona.size === 0 || actors.length === 0) {
    return [task(name, mermaidScore(emotion?.overall), actors.map((a) => a.name))];
  }
  // Mermaid gives a task one score; where personas feel differently the step is listed once per score.
  const byScore = new Map<number, string[]>();
  for (const actor of actors) {
    const score = mermaidScore(emotion.perPersona.get(actor.slug) ?? emotion.overall);
    byScore.set(score, [...(byScore.get(score) ?? []), actor.name]);
  }
  return [...byScore].map(([score, names]) => task(name, score, names));
}

function task(name: string, score: number, actors: string[]): string {
  const who = actors.filter(Boolean);
  return `    ${name}: ${score}${who.length > 0 ? `: ${who.join(', ')}` : ''}`;
}
