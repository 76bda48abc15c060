/** persona-not-heard: a persona not grounded in any real conversation. */
import { formatMessage } from '../i18n/message-catalogue';
import { fieldKeysFor } from '../vocabulary';
import type { RuleCode } from './types';
import { insertFieldEdit } from './util';

export const personaNotHeard: RuleCode = {
  id: 'persona-not-heard',
  defaultSeverity: 'warning',
  fixable: true,
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
