/**
 * Shared logic of `unknown-persona` and `unknown-story`: a reference that resolves to
 * nothing, with did-you-mean fixes over the slugs in scope and a fix that creates the
 * missing item as a stub at the end of its section.
 */
import type { BlueprintDocument, Fix, Reference, SectionKind } from '../model';
import { formatMessage, type MessageKey } from '../i18n/message-catalogue';
import { idOf, writableAs } from '../parse/ids';
import type { RuleContext } from './types';
import { createItemEdit, nameForSlug, SuggestionIndex } from './util';

export interface UnknownReferenceOptions {
  kind: 'persona' | 'story';
  section: SectionKind;
  message: MessageKey;
  messageDidYouMean: MessageKey;
  createTitle: MessageKey;
}

/** How a suggestion is shown and written for a reference of this form. */
function written(ref: Reference, slug: string): string {
  if (ref.form === 'at') return `@${slug}`;
  if (ref.form === 'hash') return `#${slug}`;
  return slug;
}

/** The name for a new item: the link text when it makes the same slug, else from the slug. */
function newItemName(ref: Reference): string {
  if (ref.form === 'link') {
    const text = /^\[([^\]]+)\]/.exec(ref.text)?.[1]?.trim();
    if (text && idOf(text) === ref.slug) return text;
  }
  return nameForSlug(ref.slug);
}

export function checkUnknownReferences(context: RuleContext, options: UnknownReferenceOptions, refs: readonly Reference[]): void {
  const { doc, index, locale } = context;
  // One candidate set per target (a linked file, or the file's scope), built once and
  // asked for every unknown reference into it: many misspellings cost no more than one.
  const targets = new Map<string, { targetDoc: BlueprintDocument | undefined; suggestions: SuggestionIndex }>();
  const targetFor = (targetUri: string | undefined): { targetDoc: BlueprintDocument | undefined; suggestions: SuggestionIndex } => {
    const key = targetUri ?? '';
    let target = targets.get(key);
    if (target) return target;
    let targetDoc: BlueprintDocument | undefined;
    let candidates: string[];
    if (targetUri !== undefined) {
      targetDoc = index.get(targetUri);
      const items = options.kind === 'persona' ? targetDoc?.personas : targetDoc?.stories;
      candidates = (items ?? []).map((item) => item.id);
    } else {
      const located = options.kind === 'persona' ? index.personasInScope(doc.uri) : index.storiesInScope(doc.uri);
      candidates = located.map((l) => l.item.id);
      // The stub goes where items of this kind already live: this file, else a shared file.
      const hasSection = (d: BlueprintDocument): boolean => d.sections.some((s) => s.kind === options.section);
      targetDoc = hasSection(doc) ? doc : index.scope(doc.uri).find((d) => d.uri !== doc.uri && hasSection(d)) ?? doc;
    }
    target = { targetDoc, suggestions: new SuggestionIndex(candidates) };
    targets.set(key, target);
    return target;
  };
  for (const ref of refs) {
    if (ref.kind !== options.kind || !ref.slug) continue;
    if (index.resolve(doc.uri, ref)) continue;

    let targetUri: string | undefined;
    if (ref.target) {
      targetUri = index.resolvePath(doc.uri, ref.target);
      // A missing file is `unresolved-file`'s finding; one finding per mistake.
      if (!index.exists(targetUri)) continue;
    }
    const { targetDoc, suggestions: suggestionIndex } = targetFor(targetUri);
    // Only ids this form can spell: `@maria-` reads as `@maria`, and offering it would loop.
    const form = ref.form;
    const suggestions = suggestionIndex.suggest(ref.slug).filter((id) => form === 'link' || writableAs(form, id));
    const fixes: Fix[] = suggestions.map((suggestion, i) => ({
      title: formatMessage(locale, 'fix.changeTo', { suggestion: written(ref, suggestion) }),
      edits: [{ uri: doc.uri, range: ref.slugRange, newText: suggestion }],
      ...(i === 0 && suggestions.length === 1 ? { preferred: true } : {}),
    }));
    if (targetDoc) {
      const name = newItemName(ref);
      fixes.push({
        title: formatMessage(locale, options.createTitle, { name }),
        edits: [createItemEdit(targetDoc, options.section, name)],
      });
    }
    context.report({
      range: ref.range,
      message: suggestions.length ? options.messageDidYouMean : options.message,
      args: { slug: ref.slug, ...(suggestions.length ? { suggestion: written(ref, suggestions[0]) } : {}) },
      fixes,
    });
  }
}
