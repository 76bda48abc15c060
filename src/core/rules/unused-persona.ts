/** unused-persona: a persona that no step of any loaded journey uses. */
import type { RuleCode } from './types';

export const unusedPersona: RuleCode = {
  id: 'unused-persona',
  defaultSeverity: 'hint',
  fixable: false,
  check(context) {
    const { doc, index } = context;
    for (const persona of doc.personas) {
      if (index.stepsUsingPersona(doc.uri, persona.id).length > 0) continue;
      // A vulnerable persona left out is reported louder by vulnerable-persona-not-in-journey;
      // a faded "unused" hint on the same heading would only soften that message.
      if (persona.vulnerable) continue;
      context.report({
        range: persona.headingRange,
        message: 'rule.unusedPersona',
        args: { name: persona.name },
        tags: ['unnecessary'],
      });
    }
  },
};
