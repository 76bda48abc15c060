/** vulnerable-persona-not-in-journey: a vulnerable persona that no step serves. */
import type { RuleCode } from './types';

export const vulnerablePersonaNotInJourney: RuleCode = {
  id: 'vulnerable-persona-not-in-journey',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const { doc, index } = context;
    for (const persona of doc.personas) {
      if (persona.vulnerable !== true) continue;
      if (index.stepsUsingPersona(doc.uri, persona.id).length > 0) continue;
      context.report({ range: persona.headingRange, message: 'rule.vulnerablePersonaNotInJourney', args: { name: persona.name } });
    }
  },
};
