/**
 * `blueprint diff --format markdown`, for a pull-request comment or a job summary: a
 * headline that counts, what needs attention first, per file a table of changes (a few
 * rows shown, the rest in <details>), a Mermaid flowchart of the journey with the changed
 * steps coloured and the removed ones listed, and the findings new and fixed. Kept under
 * 60 KB (GitHub comments take 64 KiB), with a note where it was cut.
 */
import { countChanges, describeAttention, describeChange, headline, journeyFlowchart, markdownCell, removedSteps, type Attention, type Change, type FileDiff, type Lang } from '../../core';
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

function tableBlocks(changes: readonly Change[], locale: Lang): string[] {
  const header = ['| Line | Step | Stage | Change |', '| ---: | --- | --- | --- |'];
  const rows = changes.map((change) => row(change, locale));
  const blocks = [[...header, ...rows.slice(0, VISIBLE_ROWS)].join('\n')];
  if (rows.length > VISIBLE_ROWS) {
    const more = rows.length - VISIBLE_ROWS;
    blocks.push(`\n<details><summary>${more} more ${more === 1 ? 'change' : 'changes'}</summary>\n\n${[...header, ...rows.slice(VISIBLE_ROWS)].join('\n')}\n\n</details>`);
  }
  return blocks;
}

function findingLines(changes: readonly Change[]): string[] {
  const found = changes.filter((c) => c.kind === 'finding-new' || c.kind === 'finding-fixed');
  if (found.length === 0) return [];
  const lines = ['| | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |'];
  for (const f of found) {
    if (f.kind !== 'finding-new' && f.kind !== 'finding-fixed') continue;
    lines.push(`| ${f.kind === 'finding-new' ? 'new' : 'fixed'} | ${f.line} | ${f.severity} | \`${code(f.rule)}\` | ${cell(f.message)} |`);
  }
  return lines;
}

function fileBlocks(file: ComparedFile, locale: Lang): string[] {
  const { diff } = file;
  const title = diff.previous ? `${cell(diff.previous)} → ${cell(diff.file)}` : cell(diff.file);
  const journey = diff.changes.filter((c) => !c.kind.startsWith('finding-'));
  const blocks = [`### ${title} (${diff.status})\n\n${cell(headline(countChanges(diff.changes, diff.attention), locale))}\n`];
  if (journey.length > 0) blocks.push(...tableBlocks(journey, locale));
  if (file.head && file.head.doc.steps.length > 0 && journey.length > 0) {
    const chart = journeyFlowchart(file.head.doc, diff.changes);
    const note = chart.shown < chart.total ? `\nOnly the ${chart.shown} changed steps of ${chart.total} are drawn.\n` : '';
    blocks.push(`\n\`\`\`mermaid\n${chart.source}\`\`\`\n${note}\nGreen: added · yellow: changed · blue, dashed: moved.`);
  }
  const removed = removedSteps(diff.changes);
  if (removed.length > 0) blocks.push(`\nRemoved: ${removed.map((step) => `~~${cell(step.name)}~~`).join(', ')}`);
  const findings = findingLines(diff.changes);
  if (findings.length > 0) blocks.push(`\n#### Findings\n\n${findings.join('\n')}`);
  return blocks;
}

export function formatDiffMarkdown(comparison: Comparison, locale: Lang, limit = MAX_MARKDOWN_BYTES): string {
  const { report, compared } = comparison;
  // Room for the note that says where the report was cut.
  const budget = new Budget(limit - 400);
  const total = sum(report.files);
  budget.add(`## Blueprint changes\n\n\`${code(report.base)}\` → \`${code(report.head)}\` · ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'}\n\n**${cell(headline(countChanges(total.changes, total.attention), locale))}**\n`);
  const attention = report.files.flatMap((diff) => diff.attention.map((point) => `- ⚠ \`${code(diff.file)}:${point.line}\` ${cell(describeAttention(point, locale))}`));
  if (attention.length > 0) budget.add(`### Needs attention\n\n${attention.join('\n')}\n`);
  // Before the files' blocks, so a cut report still says which files it could not read.
  if (comparison.problems.length > 0) budget.add(notCompared(comparison.problems));
  for (const file of compared) for (const block of fileBlocks(file, locale)) if (!budget.add(block)) break;
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
