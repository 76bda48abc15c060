/** unresolved-file: a `personas:` file or a link target that does not exist. */
import type { RuleCode } from './types';
import { allItems } from '../model';

export const unresolvedFile: RuleCode = {
  id: 'unresolved-file',
  defaultSeverity: 'error',
  fixable: false,
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
