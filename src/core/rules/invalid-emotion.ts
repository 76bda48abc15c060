/** invalid-emotion: an emotion value that is not a score from -2 to 2 or an emoji of the scale. */
import { parseEmotion } from '../emotion';
import type { Range } from '../model';
import type { Rule } from './types';

export const invalidEmotion: Rule = {
  id: 'invalid-emotion',
  defaultSeverity: 'error',
  description: 'An `emotion` (`emotie`) value outside the scale -2..2, or that is not a score at all.',
  rationale:
    'The emotion curve is often the first thing people read in a blueprint: where does it hurt? A value off the scale ' +
    'cannot be drawn, so the dip that matters most to the citizen would vanish from the curve.',
  howToFix:
    'Use a whole number from -2 (very negative) to 2 (very positive), or one of 😞 🙁 😐 🙂 😀. Where personas ' +
    'feel differently, give one per persona: `- emotion: @maria -2; @ahmed 1`.',
  docs: 'docs/rules/invalid-emotion.md',
  fixable: false,
  examples: {
    fires: `## Journey

### Step: Receives the letter
- customer: reads the letter
- emotion: -5
`,
    passes: `## Journey

### Step: Receives the letter
- customer: reads the letter
- emotion: -2
`,
  },
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
