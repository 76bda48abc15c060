/** step-without-customer-action: a step with no `customer` lane. */
import type { RuleCode } from './types';

export const stepWithoutCustomerAction: RuleCode = {
  id: 'step-without-customer-action',
  defaultSeverity: 'warning',
  fixable: false,
  itemsOf: (doc) => doc.steps,
  checkItem(context, step) {
    if (step.fields.some((field) => field.key === 'customer' && field.value.trim() !== '')) return;
    context.report({ range: step.headingRange, message: 'rule.stepWithoutCustomerAction', args: { step: step.name } });
  },
};
