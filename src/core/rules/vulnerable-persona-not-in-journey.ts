/** vulnerable-persona-not-in-journey: a vulnerable persona that no step serves. */
import type { Rule } from './types';

export const vulnerablePersonaNotInJourney: Rule = {
  id: 'vulnerable-persona-not-in-journey',
  defaultSeverity: 'warning',
  description: 'A persona marked `vulnerable: yes` (`kwetsbaar: ja`) that no step of the journey uses.',
  rationale:
    'Public services are judged by how they treat the people in the weakest position. If a vulnerable persona takes ' +
    'no step, the journey is designed around the people who manage anyway, and the ones who need it most drop out unseen.',
  howToFix:
    'Walk the journey as this persona and add them to the steps they take (`- persona: @slug`); where their path ' +
    'differs, add the steps that are theirs.',
  docs: 'docs/rules/vulnerable-persona-not-in-journey.md',
  fixable: false,
  examples: {
    fires: `## Personas

### Maria
- vulnerable: yes
- heard: 2024-03-02, interview at home

### Ahmed
- heard: 2024-03-09, phone call

## Journey

### Step: Receives the letter
- persona: @ahmed
- customer: reads the letter
`,
    passes: `## Personas

### Maria
- vulnerable: yes
- heard: 2024-03-02, interview at home

### Ahmed
- heard: 2024-03-09, phone call

## Journey

### Step: Receives the letter
- persona: @ahmed, @maria
- customer: reads the letter
`,
  },
  check(context) {
    const { doc, index } = context;
    for (const persona of doc.personas) {
      if (persona.vulnerable !== true) continue;
      if (index.stepsUsingPersona(doc.uri, persona.id).length > 0) continue;
      context.report({ range: persona.headingRange, message: 'rule.vulnerablePersonaNotInJourney', args: { name: persona.name } });
    }
  },
};
