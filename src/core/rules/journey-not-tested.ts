/** journey-not-tested: status `tested`/`live` while no step records a test. */
import type { BlueprintDocument, Range } from '../model';
import { STATUS_WORDS } from '../vocabulary';
import type { Rule } from './types';

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

export const journeyNotTested: Rule = {
  id: 'journey-not-tested',
  defaultSeverity: 'info',
  description: 'Front matter `status: tested` or `live` (`getest`) while no step has a `tested` (`getest`) entry.',
  rationale:
    'Calling a journey tested is a claim made to colleagues and to citizens. Recording per step when and with whom it ' +
    'was tested keeps that claim honest and shows which steps still need a session with the people who use them.',
  howToFix:
    'Add `- tested:` to the steps that were tested, with the date and with whom (`- tested: 2024-05-01 with @maria`), ' +
    'or set the status back to `draft` or `review`.',
  docs: 'docs/rules/journey-not-tested.md',
  fixable: false,
  examples: {
    fires: `---
blueprint: Apply for a living wage
status: tested
---

## Journey

### Step: Receives the letter
- customer: reads the letter
`,
    passes: `---
blueprint: Apply for a living wage
status: tested
---

## Journey

### Step: Receives the letter
- customer: reads the letter
- tested: 2024-05-01 in the library, with two residents
`,
  },
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
