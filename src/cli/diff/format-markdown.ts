/**
 * `blueprint diff --format markdown`, for a pull-request comment or a job summary: a
 * headline that counts, what needs attention first, per file a table of changes (a few
 * rows shown, the rest in <details>), a Mermaid flowchart of the journey with the changed
 * steps coloured and the removed ones listed, and the findings new and fixed. Kept under
 * 60 KB (GitHub comments take 64 KiB), with a note where it was cut.
 */
import { countChanges, describeAttention, describeChange, headline, journeyFlowchart, markdownCell, removedSteps, type Attention, type Change, type FileDiff, type FindingChange, type Lang } from '../../core';
import type { ComparedFile, Comparison } from './compare';
import { codeSpanText } from '../format/safe-text';

export const MAX_MARKDOWN_BYTES = 60_000;
/** Rows of a file's table shown before the rest folds into <details>. */
const VISIBLE_ROWS = 8;

/**
 * Text from blueprints in the report: the coverage table's cell escape (one line, shown
 * literally: no links, images, HTML that could close the <details>, emphasis or mentions;
 * `|` cannot end a table cell; control and bidi characters as visible escapes).
 */
export function cell(text: string): string {
  return markdownCell(text);
}

/** Text inside a code span. */
const code = codeSpanText;

/** Collects blocks while they fit; the first that does not ends the report with a note. */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  cut = false;
  constructor(private readonly limit: number) {}
  add(text: string): boolean {
    if (this.cut) return false;
    const size = Buffer.byteLength(text, 'utf8') + 1;
    if (this.used + size > this.limit) {
      this.cut = true;
      return false;
    }
    this.parts.push(text);
    this.used += size;
    return true;
  }
  /**
   * A block made of a list: as many of its lines as fit, between `head` and `tail` (a
   * table's header, a <details> wrapper), made one by one, so a diff of 20,000 steps does
   * not describe every one of them for a comment that shows a few hundred. When not all
   * fit, the block ends the report (the note says it was cut); when none fit, it is left out.
   */
  addList<T>(head: string, items: readonly T[], line: (item: T) => string, tail = '', separator = '\n'): boolean {
    if (this.cut) return false;
    let room = this.limit - this.used - Buffer.byteLength(head + tail, 'utf8') - 1;
    const lines: string[] = [];
    for (const item of items) {
      const text = line(item);
      const size = Buffer.byteLength(text, 'utf8') + separator.length;
      if (size > room) break;
      lines.push(text);
      room -= size;
    }
    if (lines.length === 0 && items.length > 0) {
      this.cut = true;
      return false;
    }
    const complete = lines.length === items.length;
    const added = this.add(head + lines.join(separator) + tail);
    if (!complete) this.cut = true;
    return added && complete;
  }
  text(): string {
    return this.parts.join('\n');
  }
}

const sum = (files: readonly FileDiff[]): { changes: Change[]; attention: Attention[] } => ({
  changes: files.flatMap((f) => f.changes),
  attention: files.flatMap((f) => f.attention),
});

function row(change: Change, locale: Lang): string {
  const step = 'name' in change && 'step' in change ? change.name : '';
  const stage = 'stage' in change && typeof change.stage === 'string' && 'step' in change ? change.stage : '';
  return `| ${change.line} | ${cell(step)} | ${cell(stage)} | ${cell(describeChange(change, locale))} |`;
}

const FINDINGS_HEADER = '| | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n';
const TABLE_HEADER = '| Line | Step | Stage | Change |\n| ---: | --- | --- | --- |\n';

const isFinding = (change: Change): change is FindingChange => change.kind === 'finding-new' || change.kind === 'finding-fixed';

function findingLine(f: FindingChange): string {
  return `| ${f.kind === 'finding-new' ? 'new' : 'fixed'} | ${f.line} | ${f.severity} | \`${code(f.rule)}\` | ${cell(f.message)} |`;
}

/** A file's blocks, each made only when the ones before it fitted; false once the report is cut. */
function addFile(budget: Budget, file: ComparedFile, locale: Lang): boolean {
  const { diff } = file;
  const title = diff.previous ? `${cell(diff.previous)} → ${cell(diff.file)}` : cell(diff.file);
  const journey = diff.changes.filter((c) => !c.kind.startsWith('finding-'));
  if (!budget.add(`### ${title} (${diff.status})\n\n${cell(headline(countChanges(diff.changes, diff.attention), locale))}\n`)) return false;
  const describe = (change: Change): string => row(change, locale);
  if (journey.length > 0 && !budget.addList(TABLE_HEADER, journey.slice(0, VISIBLE_ROWS), describe)) return false;
  if (journey.length > VISIBLE_ROWS) {
    const more = journey.length - VISIBLE_ROWS;
    if (!budget.addList(`\n<details><summary>${more} more ${more === 1 ? 'change' : 'changes'}</summary>\n\n${TABLE_HEADER}`, journey.slice(VISIBLE_ROWS), describe, '\n\n</details>')) return false;
  }
  if (file.head && file.head.doc.steps.length > 0 && journey.length > 0) {
    const chart = journeyFlowchart(file.head.doc, diff.changes);
    const note = chart.shown < chart.total ? `\nOnly the ${chart.shown} changed steps of ${chart.total} are drawn.\n` : '';
    if (!budget.add(`\n\`\`\`mermaid\n${chart.source}\`\`\`\n${note}\nGreen: added · yellow: changed · blue, dashed: moved.`)) return false;
  }
  const removed = removedSteps(diff.changes);
  if (removed.length > 0 && !budget.addList('\nRemoved: ', removed, (step) => `~~${cell(step.name)}~~`, '', ', ')) return false;
  const findings = diff.changes.filter(isFinding);
  return findings.length === 0 || budget.addList(`\n#### Findings\n\n${FINDINGS_HEADER}`, findings, findingLine);
}

export function formatDiffMarkdown(comparison: Comparison, locale: Lang, limit = MAX_MARKDOWN_BYTES): string {
  const { report, compared } = comparison;
  // Room for the note that says where the report was cut.
  const budget = new Budget(limit - 400);
  const total = sum(report.files);
  budget.add(`## Blueprint changes\n\n\`${code(report.base)}\` → \`${code(report.head)}\` · ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'}\n\n**${cell(headline(countChanges(total.changes, total.attention), locale))}**\n`);
  const points = report.files.flatMap((diff) => diff.attention.map((point) => ({ file: diff.file, point })));
  if (points.length > 0) budget.addList('### Needs attention\n\n', points, ({ file, point }) => `- ⚠ \`${code(file)}:${point.line}\` ${cell(describeAttention(point, locale))}`, '\n');
  // Before the files' blocks, so a cut report still says which files it could not read.
  if (comparison.problems.length > 0) budget.add(notCompared(comparison.problems));
  for (const file of compared) if (!addFile(budget, file, locale)) break;
  let text = budget.text();
  if (budget.cut) text += `\n\n> ✂ This report was cut here to stay under ${Math.round(limit / 1000)} KB. Run \`blueprint diff\` locally for all changes.`;
  return `${text}\n`;
}

/** The files left out because they could not be read (too large, a link, not UTF-8 …): a reviewer must see them. */
function notCompared(problems: Comparison['problems']): string {
  const shown = problems.slice(0, MAX_NOT_COMPARED).map((problem) => `- \`${code(problem.file)}\`: ${cell(problem.message)}`);
  const more = problems.length > shown.length ? `\n- … and ${problems.length - shown.length} more` : '';
  return `### Not compared\n\n${shown.join('\n')}${more}\n`;
}

/** Files listed by name under "Not compared"; the rest are counted. */
const MAX_NOT_COMPARED = 50;
