/** persona-not-heard: a persona not grounded in any real conversation. */
import { formatMessage } from '../i18n/message-catalogue';
import { fieldKeysFor } from '../vocabulary';
import type { Rule } from './types';
import { insertFieldEdit } from './util';

export const personaNotHeard: Rule = {
  id: 'persona-not-heard',
  defaultSeverity: 'warning',
  description: 'A persona with no `heard` (`gehoord`) entry: nothing records the conversations it rests on.',
  rationale:
    'Co-creation means personas come from people you actually spoke with, not from what the organisation assumes. ' +
    'A `heard` entry (date, how, by whom) makes that visible and lets others go back to the source.',
  howToFix:
    'Add `- heard:` with the date, the kind of conversation and who held it, e.g. ' +
    '`- heard: 2024-03-02, interview at home by Sam`.',
  docs: 'docs/rules/persona-not-heard.md',
  fixable: true,
  examples: {
    fires: `## Personas

### Maria
Single mother of two.
- vulnerable: yes
`,
    passes: `## Personas

### Maria
Single mother of two.
- vulnerable: yes
- heard: 2024-03-02, interview at home
`,
  },
  check(context) {
    const { doc, locale } = context;
    const key = fieldKeysFor('persona', doc.lang).find((k) => k.spec.key === 'heard')?.word ?? 'heard';
    for (const persona of doc.personas) {
      if (persona.heard.some((entry) => entry.text.trim() !== '')) continue;
      // Offer to add the field only when there is none yet; an empty one just needs filling in.
      const hasField = persona.fields.some((field) => field.key === 'heard');
      context.report({
        range: persona.headingRange,
        message: 'rule.personaNotHeard',
        args: { name: persona.name },
        fixes: hasField
          ? []
          : [{ title: formatMessage(locale, 'fix.addHeard', { key }), edits: [insertFieldEdit(doc, persona, `${key}: `)], preferred: true }],
      });
    }
  },
};
