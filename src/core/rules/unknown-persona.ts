/** unknown-persona: a reference to a persona that no file in scope defines. */
import type { Rule } from './types';
import { checkUnknownReferences, type UnknownReferenceOptions } from './unknown-reference';
import { allItems } from '../model';

const PERSONA_OPTIONS: UnknownReferenceOptions = {
  kind: 'persona',
  section: 'personas',
  message: 'rule.unknownPersona',
  messageDidYouMean: 'rule.unknownPersonaDidYouMean',
  createTitle: 'fix.createPersona',
};

export const unknownPersona: Rule = {
  id: 'unknown-persona',
  defaultSeverity: 'error',
  description: 'A reference (`@slug` or a link) to a persona that neither this file nor its `personas:` files define.',
  rationale:
    'References are how a blueprint stays tied to the people it was made with. A reference to nobody is usually a ' +
    'typo or a persona that was renamed, and it silently drops that person from the step, the preview and the checks.',
  howToFix:
    'Correct the spelling (the quick fix offers the closest personas), add the persona to the `Personas` section, ' +
    'or add the file that defines it to `personas:` in the front matter.',
  docs: 'docs/rules/unknown-persona.md',
  fixable: true,
  examples: {
    fires: `## Personas

### Maria
- heard: 2024-03-02, interview at home

## Journey

### Step: Receives the letter
- persona: @marja
- customer: reads the letter
`,
    passes: `## Personas

### Maria
- heard: 2024-03-02, interview at home

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
`,
  },
  // Front-matter references belong to no item; the rest are checked item by item.
  check(context) {
    checkUnknownReferences(context, PERSONA_OPTIONS, context.doc.frontMatter?.personaRefs ?? []);
  },
  itemsOf: allItems,
  checkItem(context, item) {
    checkUnknownReferences(context, PERSONA_OPTIONS, item.references);
  },
};
