/** unknown-story: a reference to a story that no file in scope defines. */
import type { Rule } from './types';
import { checkUnknownReferences, type UnknownReferenceOptions } from './unknown-reference';
import { allItems } from '../model';

const STORY_OPTIONS: UnknownReferenceOptions = {
  kind: 'story',
  section: 'stories',
  message: 'rule.unknownStory',
  messageDidYouMean: 'rule.unknownStoryDidYouMean',
  createTitle: 'fix.createStory',
};

export const unknownStory: Rule = {
  id: 'unknown-story',
  defaultSeverity: 'error',
  description: 'A reference (`#slug` or a link) to a customer story that neither this file nor its `personas:` files define.',
  rationale:
    'Linking a step to the story it answers is what makes a blueprint traceable to what citizens actually said. ' +
    'A link to a story that does not exist breaks that trace, and GitHub will render a dead anchor.',
  howToFix:
    'Correct the slug (the quick fix offers the closest stories), or add the story under `Stories` with the ' +
    'words you heard.',
  docs: 'docs/rules/unknown-story.md',
  fixable: true,
  examples: {
    fires: `## Stories

### Benefit stopped without explanation
> Nobody told me why my benefit stopped.

## Journey

### Step: Receives the letter
- story: #benefit-stoped-without-explanation
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
  // Front-matter references belong to no item; the rest are checked item by item.
  check(context) {
    checkUnknownReferences(context, STORY_OPTIONS, context.doc.frontMatter?.personaRefs ?? []);
  },
  itemsOf: allItems,
  checkItem(context, item) {
    checkUnknownReferences(context, STORY_OPTIONS, item.references);
  },
};
