/**
 * duplicate-id: two items of the same kind with the same slug in one file. Scopes: the
 * personas, the stories, and the stages and steps together (they share the journey's
 * anchors).
 */
import type { ItemBase } from '../model';
import type { MessageKey } from '../i18n/messages';
import type { Rule, RuleContext } from './types';

function reportDuplicates(context: RuleContext, items: readonly ItemBase[], message: MessageKey): void {
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

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two personas, two stories, or two stages or steps in one file whose headings give the same id (slug).',
  rationale:
    'Ids are how steps point at personas and stories, and how GitHub links to a heading. With two items under one id, ' +
    'every reference and every `#anchor` lands on the first, so the second person or step silently disappears from the picture.',
  howToFix: 'Rename one of the headings so that each id is unique, e.g. `Maria (tenant)` and `Maria (landlord)`.',
  docs: 'docs/rules/duplicate-id.md',
  fixable: false,
  examples: {
    fires: `## Personas

### Maria
- heard: 2024-03-02, interview at home

### Maria
- heard: 2024-03-09, phone call
`,
    passes: `## Personas

### Maria (tenant)
- heard: 2024-03-02, interview at home

### Maria (landlord)
- heard: 2024-03-09, phone call
`,
  },
  check(context) {
    const { doc } = context;
    reportDuplicates(context, doc.personas, 'rule.duplicatePersona');
    reportDuplicates(context, doc.stories, 'rule.duplicateStory');
    reportDuplicates(context, [...doc.stages, ...doc.steps], 'rule.duplicateJourneyItem');
  },
};
