/** story-without-step: a customer story that no step answers. */
import type { Rule } from './types';

export const storyWithoutStep: Rule = {
  id: 'story-without-step',
  defaultSeverity: 'warning',
  description: 'A customer story that no step references in its `story:` field.',
  rationale:
    'Stories are what citizens told you. A story no step answers is a need the service does not yet address, or a ' +
    'link that was never made; either way the people who told it cannot see what was done with it.',
  howToFix:
    'Add the story to the steps that answer it (`- story: #slug` or a link to its heading), or, if the service ' +
    'really has no answer yet, add a step or an idea that does.',
  docs: 'docs/rules/story-without-step.md',
  fixable: false,
  examples: {
    fires: `## Stories

### Benefit stopped without explanation
> Nobody told me why my benefit stopped.

## Journey

### Step: Receives the letter
- customer: reads the letter
`,
    passes: `## Stories

### Benefit stopped without explanation
> Nobody told me why my benefit stopped.

## Journey

### Step: Receives the letter
- story: #benefit-stopped-without-explanation
- customer: reads the letter
`,
  },
  check(context) {
    const { doc, index } = context;
    for (const story of doc.stories) {
      if (index.stepsAnsweringStory(doc.uri, story.id).length > 0) continue;
      context.report({ range: story.headingRange, message: 'rule.storyWithoutStep', args: { name: story.name } });
    }
  },
};
