/** unused-persona: a persona that no step of any loaded journey uses. */
import type { Rule } from './types';

export const unusedPersona: Rule = {
  id: 'unused-persona',
  defaultSeverity: 'hint',
  description:
    'A persona that no step references, directly or through its stage or the front matter ' +
    '(a vulnerable one is reported by vulnerable-persona-not-in-journey instead).',
  rationale:
    'A persona is a promise that this person\'s experience is designed for. When no step of the journey is theirs, ' +
    'either the journey misses them or the persona is left over; both are worth a look before the next session with citizens.',
  howToFix:
    'Name the persona in the steps they take (`- persona: @slug`), or remove the persona if it no longer belongs in this blueprint.',
  docs: 'docs/rules/unused-persona.md',
  fixable: false,
  examples: {
    fires: `## Personas

### Maria
- heard: 2024-03-02, interview at home

### Ahmed
- heard: 2024-03-09, phone call

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
`,
    passes: `## Personas

### Maria
- heard: 2024-03-02, interview at home

### Ahmed
- heard: 2024-03-09, phone call

## Journey

### Step: Receives the letter
- persona: @maria, @ahmed
- customer: reads the letter
`,
  },
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
