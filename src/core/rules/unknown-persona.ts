/** unknown-persona: a reference to a persona that no file in scope defines. */
import type { RuleCode } from './types';
import { checkUnknownReferences, type UnknownReferenceOptions } from './unknown-reference';
import { allItems } from '../model';

const PERSONA_OPTIONS: UnknownReferenceOptions = {
  kind: 'persona',
  section: 'personas',
  message: 'rule.unknownPersona',
  messageDidYouMean: 'rule.unknownPersonaDidYouMean',
  createTitle: 'fix.createPersona',
};

export const unknownPersona: RuleCode = {
  id: 'unknown-persona',
  defaultSeverity: 'error',
  fixable: true,
  // Front-matter references belong to no item; the rest are checked item by item.
  check(context) {
    checkUnknownReferences(context, PERSONA_OPTIONS, context.doc.frontMatter?.personaRefs ?? []);
  },
  itemsOf: allItems,
  checkItem(context, item) {
    checkUnknownReferences(context, PERSONA_OPTIONS, item.references);
  },
};
