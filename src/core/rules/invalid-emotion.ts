/** invalid-emotion: an emotion value that is not a score from -2 to 2 or an emoji of the scale. */
import { parseEmotion } from '../emotion';
import type { Range } from '../model';
import type { RuleCode } from './types';

export const invalidEmotion: RuleCode = {
  id: 'invalid-emotion',
  defaultSeverity: 'error',
  fixable: false,
  itemsOf: (doc) => [...doc.stages, ...doc.steps],
  checkItem(context, item) {
    for (const field of item.fields) {
      if (field.key !== 'emotion') continue;
      // Check entry by entry, so each finding points at the exact entry that is wrong.
      const parts: Array<{ text: string; range: Range }> = field.entries.length
        ? field.entries
        : [{ text: field.value, range: field.valueRange }];
      for (const part of parts) {
        for (const error of parseEmotion(part.text).errors) {
          context.report({
            range: part.range,
            message: error.kind === 'out-of-range' ? 'rule.invalidEmotionOutOfRange' : 'rule.invalidEmotionNotAScore',
            args: { value: error.text },
          });
        }
      }
    }
  },
};
