/**
 * The journey as Mermaid `journey` source: stages become sections, steps tasks, personas
 * actors, and emotion -2..2 the task score 1..5. Text from the blueprint is reduced to
 * characters that cannot start a directive (`%%{init}%%`), a comment, a new statement or
 * an entity, so a file cannot reconfigure Mermaid or add `click` callbacks.
 */
import { buildJourneyView, stepInvolves, stepScore, type JourneyView, type RenderInput, type StepColumn } from './journey-view';
import { labelsFor } from './render-labels';

const MAX_TEXT = 120;
// Words that open a statement in the journey grammar; a task named like one is numbered anyway,
// but titles and sections are checked too.
const KEYWORDS = /^(journey|title|section|acc(title|descr)|click|call|style|classdef|class)\b/i;

/**
 * Reduce text to one safe line: no line breaks, control or bidi characters, and none of `: ; # % { } < > " \` ` , =`, which
 * delimit tasks and actors, start comments, directives and entities, or open HTML.
 */
export function mermaidText(text: string): string {
  const flat = text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    // Control characters (a terminal escape, a bell) and bidi controls ("Trojan Source").
    .replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
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

/** Options for the Mermaid source. */
export interface MermaidOptions {
  /** Only this persona's steps, with this persona's scores (the preview's persona filter). */
  persona?: string;
}

/** Characters per line of a task box (Mermaid's boxes do not wrap; the source breaks the lines). */
const LINE_CHARS = 22;

/**
 * Mermaid `journey` source for a blueprint; pass `view` when it is built already. One task
 * per step (numbered as in the grid) with all its personas as actors; its score is the
 * chosen persona's, else everyone's, else the mean of the personas' scores.
 */
export function renderMermaid(input: RenderInput, view: JourneyView = buildJourneyView(input), options: MermaidOptions = {}): string {
  const labels = labelsFor(input.locale ?? input.doc.lang);
  const title = mermaidText(view.title) || labels.untitled;
  const lines = ['journey', `  title ${title}`, `  accTitle: ${title}`];
  let sections = 0;
  view.groups.forEach((group) => {
    const columns = group.columns.filter((column) => stepInvolves(column, options.persona));
    if (columns.length === 0) return;
    if (group.stage) lines.push(`  section ${wrapLines(mermaidText(group.stage.name)) || '…'}`);
    else if (sections > 0) lines.push('  section …');
    sections++;
    for (const column of columns) lines.push(taskLine(column, labels.step, options.persona));
  });
  return `${lines.join('\n')}\n`;
}

function taskLine(column: StepColumn, stepWord: string, persona: string | undefined): string {
  // Numbered, so the diagram matches the grid's columns and no name can read as a keyword.
  const name = wrapLines(`${column.number}. ${mermaidText(column.step.name) || stepWord}`);
  const actors = column.personas.map((p) => mermaidText(p.name) || p.slug.replace(/[^\p{L}\p{N}_-]/gu, '')).filter(Boolean);
  const score = mermaidScore(stepScore(column, persona));
  return `    ${name}: ${score}${actors.length > 0 ? `: ${actors.join(', ')}` : ''}`;
}

/**
 * Break safe text into lines of about `LINE_CHARS` with Mermaid's `<br>` (the only markup in
 * the source, written here, never taken from the blueprint), so titles wrap in their boxes.
 */
export function wrapLines(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}
