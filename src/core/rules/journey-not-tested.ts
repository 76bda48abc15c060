/** journey-not-tested: status `tested`/`live` while no step records a test. */
import type { BlueprintDocument, Range } from '../model';
import { STATUS_WORDS } from '../vocabulary';
import type { RuleCode } from './types';

/** Range of the `status:` line in the front matter (key to end of value), if found. */
function statusRange(doc: BlueprintDocument): Range | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return undefined;
  const lines = doc.text.split(/\r?\n/);
  for (let line = frontMatter.range.start.line; line <= frontMatter.range.end.line && line < lines.length; line++) {
    const match = /^(\s*)status\s*:.*?(\s*(#.*)?)$/i.exec(lines[line]);
    if (!match) continue;
    const start = match[1].length;
    const end = lines[line].length - match[2].length;
    return { start: { line, character: start }, end: { line, character: end } };
  }
  return undefined;
}

export const journeyNotTested: RuleCode = {
  id: 'journey-not-tested',
  defaultSeverity: 'info',
  fixable: false,
  check(context) {
    const { doc } = context;
    const status = doc.frontMatter?.status?.trim();
    if (!status) return;
    const normalised = STATUS_WORDS[status.toLowerCase()];
    if (normalised !== 'tested' && normalised !== 'live') return;
    // A file without a journey (shared personas) has nothing to test.
    if (doc.steps.length === 0) return;
    if (doc.steps.some((step) => step.fields.some((field) => field.key === 'tested' && field.value.trim() !== ''))) return;
    const range = statusRange(doc) ?? doc.frontMatter?.range;
    if (!range) return;
    context.report({ range, message: 'rule.journeyNotTested', args: { status } });
  },
};
