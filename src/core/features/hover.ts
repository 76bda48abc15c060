/**
 * Hover on a reference or heading: the persona card (name, description, vulnerable,
 * heard, needs, usage) or the story with its quote.
 */
import type { Lang, Persona, Position, Range, Story } from '../model';
import type { Located, WorkspaceIndex } from '../workspace/index-types';
import { counted, label } from './feature-labels';
import { symbolAt } from './lookup';

/** Hover content as Markdown plus the range it belongs to. */
export interface HoverResult {
  markdown: string;
  range: Range;
}

/** The hover for the cursor position, or undefined when the cursor is on nothing known. */
export function hover(index: WorkspaceIndex, uri: string, position: Position, locale: Lang): HoverResult | undefined {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return undefined;
  const { target } = symbol;
  const hoverRange = symbol.reference?.range ?? symbol.originRange;
  if (target.item.kind === 'persona') {
    return { markdown: personaCard(index, target as Located<Persona>, locale), range: hoverRange };
  }
  if (target.item.kind === 'story') {
    return { markdown: storyCard(index, target as Located<Story>, locale), range: hoverRange };
  }
  return { markdown: `**${escapeMarkdown(target.item.name)}** · _${label(locale, target.item.kind)}_`, range: hoverRange };
}

/** The persona card shown in hovers and completion documentation. */
export function personaCard(index: WorkspaceIndex, located: Located<Persona>, locale: Lang): string {
  const persona = located.item;
  const lines = [`**${escapeMarkdown(persona.name)}** · _${label(locale, 'persona')}_`, ''];
  const description = firstParagraph(persona.description);
  if (description) lines.push(description, '');
  if (persona.vulnerable !== undefined) {
    lines.push(`- ${label(locale, 'vulnerable')}: ${label(locale, persona.vulnerable ? 'yes' : 'no')}`);
  }
  const heard = persona.fields.find((field) => field.key === 'heard')?.value;
  lines.push(`- ${label(locale, 'heard')}: ${heard ? escapeMarkdown(heard) : `_${label(locale, 'notHeard')}_`}`);
  const needs = persona.fields.find((field) => field.key === 'needs')?.value;
  if (needs) lines.push(`- ${label(locale, 'needs')}: ${escapeMarkdown(needs)}`);
  const steps = index.stepsUsingPersona(located.uri, persona.id).length;
  lines.push('', steps === 0 ? `_${label(locale, 'notUsed')}_` : counted(locale, steps, 'usedInOneStep', 'usedInSteps'));
  return lines.join('\n');
}

/** The story card: name, the customer's words, and how many steps answer it. */
export function storyCard(index: WorkspaceIndex, located: Located<Story>, locale: Lang): string {
  const story = located.item;
  const lines = [`**${escapeMarkdown(story.name)}** · _${label(locale, 'story')}_`, ''];
  if (story.quote) lines.push(story.quote.split('\n').map((line) => `> ${line}`).join('\n'), '');
  else {
    const description = firstParagraph(story.description);
    if (description) lines.push(description, '');
  }
  const steps = index.stepsAnsweringStory(located.uri, story.id).length;
  lines.push(steps === 0 ? `_${label(locale, 'notUsed')}_` : counted(locale, steps, 'answeredByOneStep', 'answeredBySteps'));
  return lines.join('\n');
}

function firstParagraph(markdown: string): string {
  return markdown.trim().split(/\n\s*\n/)[0]?.trim() ?? '';
}

/** Escapes the characters that would turn plain text into Markdown markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}
