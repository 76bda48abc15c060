/** empty-stage: a stage with no steps. */
import type { Rule } from './types';

export const emptyStage: Rule = {
  id: 'empty-stage',
  defaultSeverity: 'warning',
  description: 'A stage (a heading marked `Stage:` or `Fase:`) with no steps below it.',
  rationale:
    'An empty stage is a part of the journey nobody has walked through yet. It shows up as a blank column in the ' +
    'preview; better to fill it with what citizens told you, or to mark the gap explicitly.',
  howToFix: 'Add the steps of this stage as headings one level below it, or remove the stage.',
  docs: 'docs/rules/empty-stage.md',
  fixable: false,
  examples: {
    fires: `## Journey

### Stage: Aftercare

### Stage: Apply

#### Step: Fills in the form
- customer: fills in the online form
`,
    passes: `## Journey

### Stage: Aftercare

#### Step: Gets a follow-up call
- customer: answers questions about the support received

### Stage: Apply

#### Step: Fills in the form
- customer: fills in the online form
`,
  },
  check(context) {
    for (const stage of context.doc.stages) {
      if (stage.steps.length > 0) continue;
      context.report({ range: stage.headingRange, message: 'rule.emptyStage', args: { name: stage.name } });
    }
  },
};
