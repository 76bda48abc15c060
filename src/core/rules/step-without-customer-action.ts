/** step-without-customer-action: a step with no `customer` lane. */
import type { Rule } from './types';

export const stepWithoutCustomerAction: Rule = {
  id: 'step-without-customer-action',
  defaultSeverity: 'warning',
  description: 'A step with no `customer` (`klant`) field, or an empty one.',
  rationale:
    'A service blueprint is read from the customer\'s side: every step starts with what the person does, thinks or ' +
    'receives. A step with only frontstage and backstage lanes describes internal process, and hides the moment the citizen lives through.',
  howToFix:
    'Add `- customer:` with what the person does in this step, in their words, e.g. `- customer: calls to ask why the benefit stopped`.',
  docs: 'docs/rules/step-without-customer-action.md',
  fixable: false,
  examples: {
    fires: `## Journey

### Step: Decision is recorded
- backstage: caseworker records the decision
`,
    passes: `## Journey

### Step: Decision is recorded
- customer: waits for news about the application
- backstage: caseworker records the decision
`,
  },
  itemsOf: (doc) => doc.steps,
  checkItem(context, step) {
    if (step.fields.some((field) => field.key === 'customer' && field.value.trim() !== '')) return;
    context.report({ range: step.headingRange, message: 'rule.stepWithoutCustomerAction', args: { step: step.name } });
  },
};
