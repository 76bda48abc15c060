/** unknown-story: a reference to a story that no file in scope defines. */
import type { RuleCode } from './types';
import { checkUnknownReferences, type UnknownReferenceOptions } from './unknown-reference';
import { allItems } from '../model';

const STORY_OPTIONS: UnknownReferenceOptions = {
  kind: 'story',
  section: 'stories',
  message: 'rule.unknownStory',
  messageDidYouMean: 'rule.unknownStoryDidYouMean',
  createTitle: 'fix.createStory',
};

export const unknownStory: RuleCode = {
  id: 'unknown-story',
  defaultSeverity: 'error',
  fixable: true,
  // Front-matter references belong to no item; the rest are checked item by item.
  check(context) {
    checkUnknownReferences(context, STORY_OPTIONS, context.doc.frontMatter?.personaRefs ?? []);
  },
  itemsOf: allItems,
  checkItem(context, item) {
    checkUnknownReferences(context, STORY_OPTIONS, item.references);
  },
};
