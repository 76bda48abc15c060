/** unresolved-file: a `personas:` file or a link target that does not exist. */
import type { Rule } from './types';
import { allItems } from '../model';

export const unresolvedFile: Rule = {
  id: 'unresolved-file',
  defaultSeverity: 'error',
  description: 'A file named in `personas:` in the front matter, or the file of a link reference, that does not exist.',
  rationale:
    'Shared persona files let several teams build on the same people. When the file is missing, every persona it ' +
    'should provide looks unknown, and the blueprint loses the voices it was meant to carry.',
  howToFix:
    'Correct the path (relative to this file), or create or restore the file. Paths use `/` and are case-sensitive on most systems.',
  docs: 'docs/rules/unresolved-file.md',
  fixable: false,
  examples: {
    fires: `---
blueprint: Apply for a living wage
personas: ./missing-personas.blueprint.md
---

## Journey

### Step: Receives the letter
- customer: reads the letter
`,
    passes: `---
blueprint: Apply for a living wage
---

## Journey

### Step: Receives the letter
- customer: reads the letter
`,
  },
  check(context) {
    const { doc, index } = context;
    for (const file of doc.frontMatter?.personaFiles ?? []) {
      // Only a file that is not there: one that cannot be read is a `parse` problem that says why.
      if (index.fileProblem(index.resolvePath(doc.uri, file.path)) !== 'missing') continue;
      context.report({ range: file.range, message: 'rule.unresolvedFile', args: { path: file.path } });
    }
  },
  itemsOf: allItems,
  checkItem(context, item) {
    const { doc, index } = context;
    for (const ref of item.references) {
      if (!ref.target || index.fileProblem(index.resolvePath(doc.uri, ref.target)) !== 'missing') continue;
      context.report({ range: ref.range, message: 'rule.unresolvedFile', args: { path: ref.target } });
    }
  },
};
