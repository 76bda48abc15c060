/**
 * Completion: what to offer at the cursor, decided from the text before it.
 * Persona references after `@` or in a `persona:` value, stories after `#` or in a
 * `story:` value, link anchors after `(#` or `(file.md#`, field keys at the start of a
 * list item, and values for keys with a fixed set (emotion, channel, vulnerable, basis).
 */
import { allItems, type BlueprintDocument, type Item, type ItemKind, type Lang, type Persona, type Position, type Range, type Story } from '../model';
import type { Located, WorkspaceIndex } from '../workspace/index-types';
import { fieldKeysFor, fieldSpec } from '../vocabulary';
import { valuesFor } from './field-catalogue';
import { personaCard, storyCard } from './hover';
import { label } from './feature-labels';
import { itemContaining } from './lookup';
import { lineAt } from './positions';

/** What kind of thing a completion item inserts; adapters map it to their icon. */
export type CompletionKind = 'persona' | 'story' | 'step' | 'stage' | 'field' | 'value';

/** A completion item as plain data. */
export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label: the summary. */
  detail?: string;
  /** Markdown documentation: the persona or story card, the key's meaning. */
  documentation?: string;
  insertText: string;
  /** The text the item replaces (the word typed so far). */
  range: Range;
  /** Text the editor filters on (defaults to the label). */
  filterText?: string;
  /** Orders the list: likeliest first. */
  sortText: string;
}


/**
 * The completion items for a position, empty when nothing fits. `trigger` is the
 * character whose typing asked for them, if any: a space asks on every word typed, so
 * after `- ` keys are offered only inside an item, where a lane is likely to be meant.
 */
export function completions(index: WorkspaceIndex, uri: string, position: Position, locale: Lang, trigger?: string): CompletionItem[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const before = lineAt(doc.text, position.line).slice(0, position.character);
  const wordRange = (length: number): Range => ({
    start: { line: position.line, character: position.character - length },
    end: position,
  });

  const anchor = /\]\(([^()\s#]*)#([\p{L}\p{M}\p{N}\p{Pc}-]*)$/u.exec(before);
  if (anchor) return anchorItems(index, uri, anchor[1] ?? '', wordRange(anchor[2]?.length ?? 0), locale);

  const at = /(?:^|[\s,;(])@([\p{L}\p{M}\p{N}\p{Pc}.-]*)$/u.exec(before);
  if (at) return personaItems(index, uri, wordRange(at[1]?.length ?? 0), '', locale);

  const hash = /[\s,;(]#([\p{L}\p{M}\p{N}\p{Pc}-]*)$/u.exec(before);
  if (hash && isListItem(before)) return storyItems(index, uri, wordRange(hash[1]?.length ?? 0), '', locale, true);

  const field = /^(\s*[-*+]\s+)([^\s:][^:]*):\s*(?:.*[,;]\s*)?([^,;]*)$/.exec(before);
  if (field) {
    const rawKey = field[2] ?? '';
    const typed = field[3] ?? '';
    const replace = wordRange(typed.length);
    const references = fieldSpec(rawKey)?.references;
    if (references === 'persona') return personaItems(index, uri, replace, '@', locale);
    if (references === 'story') return storyItems(index, uri, replace, '#', locale, false);
    return valueItems(doc, rawKey, replace);
  }

  const keyStart = /^\s*[-*+]\s+([\p{L}\p{N}_-]*)$/u.exec(before);
  if (keyStart) {
    const item = itemContaining(doc, position) ?? itemCutShortBySetext(doc, position);
    if (!item && trigger === ' ') return [];
    // Keys the item already has on other lines go last: most lanes are filled once.
    const used = new Set(item?.fields.filter((field) => field.keyRange.start.line !== position.line).map((field) => field.key));
    return keyItems(doc, item?.kind ?? 'step', wordRange(keyStart[1]?.length ?? 0), locale, used);
  }
  return [];
}

/**
 * The item a bare `- ` belongs to when Markdown reads it as a setext underline: typed right
 * under a description line, `-` turns that paragraph into a heading, which ends the item.
 * The item is then the last one above whose content runs up to that paragraph.
 */
function itemCutShortBySetext(doc: BlueprintDocument, position: Position): Item | undefined {
  const line = lineAt(doc.text, position.line);
  if (!/^ {0,3}-+[ \t]*$/.test(line)) return undefined;
  let last: Item | undefined;
  for (const item of allItems(doc)) {
    if (item.headingRange.start.line < position.line && (!last || item.headingRange.start.line > last.headingRange.start.line)) last = item;
  }
  if (!last) return undefined;
  for (let between = last.range.end.line + 1; between < position.line; between++) {
    if (!lineAt(doc.text, between).trim()) return undefined;
  }
  return last;
}

function isListItem(before: string): boolean {
  return /^\s*[-*+]\s/.test(before);
}

function summary(description: string): string | undefined {
  const line = description.trim().split('\n')[0]?.trim();
  return line ? line.replace(/[*_`]/g, '') : undefined;
}

function personaItems(index: WorkspaceIndex, uri: string, range: Range, prefix: string, locale: Lang): CompletionItem[] {
  return index.personasInScope(uri).map((located: Located<Persona>, order) => ({
    label: `@${located.item.id}`,
    kind: 'persona',
    detail: [located.item.name, summary(located.item.description)].filter(Boolean).join(' — '),
    documentation: personaCard(index, located, locale),
    insertText: `${prefix}${located.item.id}`,
    range,
    filterText: `${prefix}${located.item.id} ${located.item.name}`,
    sortText: String(order).padStart(4, '0'),
  }));
}

function storyItems(index: WorkspaceIndex, uri: string, range: Range, prefix: string, locale: Lang, withSteps: boolean): CompletionItem[] {
  const stories: CompletionItem[] = index.storiesInScope(uri).map((located: Located<Story>, order) => ({
    label: `#${located.item.id}`,
    kind: 'story',
    detail: [located.item.name, located.item.quote ?? summary(located.item.description)].filter(Boolean).join(' — '),
    documentation: storyCard(index, located, locale),
    insertText: `${prefix}${located.item.id}`,
    range,
    filterText: `${prefix}${located.item.id} ${located.item.name}`,
    sortText: `0${String(order).padStart(4, '0')}`,
  }));
  if (!withSteps) return stories;
  const doc = index.get(uri);
  const steps: CompletionItem[] = (doc?.steps ?? []).map((step, order) => ({
    label: `#${step.id}`,
    kind: 'step',
    detail: `${label(locale, 'step')}: ${step.name}`,
    insertText: step.id,
    range,
    filterText: `${step.id} ${step.name}`,
    sortText: `1${String(order).padStart(4, '0')}`,
  }));
  return [...stories, ...steps];
}

function anchorItems(index: WorkspaceIndex, uri: string, path: string, range: Range, locale: Lang): CompletionItem[] {
  const targetUri = path ? index.resolvePath(uri, path) : uri;
  const target = index.get(targetUri);
  if (!target) return [];
  return allItems(target).map((item, order) => ({
    label: `#${item.id}`,
    kind: item.kind,
    detail: `${label(locale, item.kind)}: ${item.name}`,
    insertText: item.id,
    range,
    filterText: `${item.id} ${item.name}`,
    sortText: String(order).padStart(4, '0'),
  }));
}

function keyItems(doc: BlueprintDocument, kind: ItemKind, range: Range, locale: Lang, used: ReadonlySet<string>): CompletionItem[] {
  return fieldKeysFor(kind, doc.lang).map(({ word, spec }, order) => ({
    label: word,
    kind: 'field' as const,
    detail: spec.doc[locale],
    documentation: spec.doc[doc.lang] === spec.doc[locale] ? undefined : spec.doc[doc.lang],
    insertText: `${word}: `,
    range,
    sortText: (used.has(spec.key) ? '1' : '0') + String(order).padStart(4, '0'),
  }));
}

function valueItems(doc: BlueprintDocument, rawKey: string, range: Range): CompletionItem[] {
  return (valuesFor(rawKey, doc.lang) ?? []).map((value, order) => ({
    label: value.value,
    kind: 'value' as const,
    detail: value.doc,
    insertText: value.value,
    range,
    sortText: String(order).padStart(4, '0'),
  }));
}
