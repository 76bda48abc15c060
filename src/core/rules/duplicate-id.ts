/**
 * duplicate-id: two items of the same kind with the same slug in one scope. Scopes: the
 * personas, the stories, and the stages and steps together (they share the journey's
 * anchors) of one file; and for personas and stories also the shared files a blueprint
 * reads through `personas:`, where a local item of the same id shadows the shared one.
 */
import { Utils, URI } from 'vscode-uri';
import type { ItemBase } from '../model';
import type { MessageKey } from '../i18n/message-catalogue';
import type { RuleCode, RuleContext } from './types';

function reportDuplicates(context: RuleContext, items: readonly ItemBase[], message: MessageKey): void {
  // Duplicates are rare: a quick count avoids the sort in the common case.
  const ids = new Set<string>();
  for (const item of items) if (item.id) ids.add(item.id);
  if (ids.size === items.filter((item) => item.id).length) return;
  const first = new Map<string, ItemBase>();
  const ordered = [...items].sort((a, b) => a.headingRange.start.line - b.headingRange.start.line);
  for (const item of ordered) {
    if (!item.id) continue;
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    context.report({
      range: item.headingRange,
      message,
      args: { id: item.id, line: earlier.headingRange.start.line + 1 },
    });
  }
}

/** A local item with the id of an item in a shared file the document reads. */
function reportShadowing(
  context: RuleContext,
  items: readonly ItemBase[],
  kind: 'personas' | 'stories',
  message: MessageKey,
): void {
  const uri = context.doc.uri;
  // Without `personas:` files the scope is the file itself: nothing to shadow, nothing to ask.
  if (!context.doc.frontMatter?.personaFiles.length) return;
  const reported = new Set<string>();
  for (const item of items) {
    if (!item.id || reported.has(item.id)) continue;
    const other = context.index.shadowedIn(kind, item.id, uri);
    if (other === undefined) continue;
    reported.add(item.id);
    context.report({ range: item.headingRange, message, args: { id: item.id, file: Utils.basename(URI.parse(other)) } });
  }
}

export const duplicateId: RuleCode = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  fixable: false,
  check(context) {
    const { doc } = context;
    reportDuplicates(context, doc.personas, 'rule.duplicatePersona');
    reportDuplicates(context, doc.stories, 'rule.duplicateStory');
    reportShadowing(context, doc.personas, 'personas', 'rule.duplicatePersonaInScope');
    reportShadowing(context, doc.stories, 'stories', 'rule.duplicateStoryInScope');
    reportDuplicates(context, [...doc.stages, ...doc.steps], 'rule.duplicateJourneyItem');
  },
};
