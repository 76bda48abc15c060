/** empty-stage: a stage with no steps. */
import type { RuleCode } from './types';

export const emptyStage: RuleCode = {
  id: 'empty-stage',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    for (const stage of context.doc.stages) {
      if (stage.steps.length > 0) continue;
      context.report({ range: stage.headingRange, message: 'rule.emptyStage', args: { name: stage.name } });
    }
  },
};
