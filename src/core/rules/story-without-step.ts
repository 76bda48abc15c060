/** story-without-step: a customer story that no step answers. */
import type { RuleCode } from './types';

export const storyWithoutStep: RuleCode = {
  id: 'story-without-step',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const { doc, index } = context;
    for (const story of doc.stories) {
      if (index.stepsAnsweringStory(doc.uri, story.id).length > 0) continue;
      context.report({ range: story.headingRange, message: 'rule.storyWithoutStep', args: { name: story.name } });
    }
  },
};
