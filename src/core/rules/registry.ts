/**
 * The registry: every rule, in the order of the language's checks table. Adding a rule
 * means its code file, its doc source (`<id>.md`) and a line here; `npm run docs:rules`
 * generates the rest (see CONTRIBUTING.md).
 */
import type { Rule, RuleCode, RuleDocText } from './types';
import { ruleDocs } from './docs.generated';
import { stepWithoutPersona } from './step-without-persona';
import { unknownPersona } from './unknown-persona';
import { unknownStory } from './unknown-story';
import { duplicateId } from './duplicate-id';
import { unusedPersona } from './unused-persona';
import { storyWithoutStep } from './story-without-step';
import { personaNotHeard } from './persona-not-heard';
import { vulnerablePersonaNotInJourney } from './vulnerable-persona-not-in-journey';
import { stepWithoutCustomerAction } from './step-without-customer-action';
import { unknownField } from './unknown-field';
import { invalidEmotion } from './invalid-emotion';
import { emptyStage } from './empty-stage';
import { journeyNotTested } from './journey-not-tested';
import { unresolvedFile } from './unresolved-file';

/** A rule not yet in `docs.generated.ts` (run `npm run docs:rules`): empty texts, which a test rejects. */
const NO_DOC: RuleDocText = { description: '', rationale: '', howToFix: '', examples: { fires: '', passes: '' }, messages: [] };

/** The rule's code completed with the texts of its doc source. */
function withDoc(code: RuleCode): Rule {
  const { description, rationale, howToFix, examples } = ruleDocs[code.id] ?? NO_DOC;
  return { ...code, description, rationale, howToFix, examples, docs: `docs/rules/${code.id}.md` };
}

export const allRules: readonly Rule[] = [
  stepWithoutPersona,
  unknownPersona,
  unknownStory,
  duplicateId,
  unusedPersona,
  storyWithoutStep,
  personaNotHeard,
  vulnerablePersonaNotInJourney,
  stepWithoutCustomerAction,
  unknownField,
  invalidEmotion,
  emptyStage,
  journeyNotTested,
  unresolvedFile,
].map(withDoc);

const byId = new Map(allRules.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined for an unknown id. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Every rule id, in registry order. */
export const ruleIds: readonly string[] = allRules.map((rule) => rule.id);
