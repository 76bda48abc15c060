/**
 * `--format markdown`: the report as a Markdown page for people reviewing a pull request,
 * in a job summary or a comment: the totals, then a table per file with each finding's
 * place, severity, rule (linked to its docs page) and message.
 *
 * With `--format github` inside GitHub Actions the same page is also appended to the
 * job summary (`GITHUB_STEP_SUMMARY`), so the run's overview shows what the annotations say.
 */
import { ruleById } from '../../core';
import { countBySeverity, type CheckReport, type Finding } from '../check/findings';
import { docsUrl } from '../project';
import { byFile, plural } from './grouping';
import { codeSpanText, markdownText } from './safe-text';

/** GitHub keeps at most 1 MiB of summary per step; far fewer rows are readable anyway. */
const MAX_ROWS = 500;

/** A table cell: one line of literal text (no links, images or HTML from blueprints). */
function cell(text: string): string {
  return markdownText(text);
}

function ruleLink(rule: string): string {
  const docs = ruleById(rule)?.docs ?? 'docs/language.md';
  return `[\`${rule}\`](${docsUrl(docs)})`;
}

function totals(report: CheckReport): string {
  const counts = countBySeverity(report.findings);
  if (report.files.length === 0) return 'No blueprint files were checked.';
  if (report.findings.length === 0) return `✔ No problems in ${plural(report.files.length, 'file')}.`;
  const withFindings = new Set(report.findings.map((f) => f.file)).size;
  return (
    `✖ ${plural(report.findings.length, 'problem')} ` +
    `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}, ${plural(counts.hint, 'hint')}) ` +
    `in ${withFindings} of ${plural(report.files.length, 'checked file')}.`
  );
}

/** Render the report as Markdown. Ends with a newline. */
export function formatMarkdown(report: CheckReport): string {
  const out: string[] = ['## Blueprint check', '', totals(report)];
  if (report.leftOut) out.push('', `${plural(report.leftOut.count, 'existing finding')} left out (already in \`${codeSpanText(report.leftOut.base)}\`).`);
  if (report.inputProblems.length > 0) {
    out.push('', 'Not checked:', '');
    for (const problem of report.inputProblems) out.push(`- ${cell(problem.file)}: ${cell(problem.message)}`);
  }
  let rows = 0;
  const shown: Finding[] = report.findings.slice(0, MAX_ROWS);
  for (const [file, findings] of byFile(shown)) {
    out.push('', `### ${cell(file)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const f of findings) {
      out.push(`| ${f.line}:${f.column} | ${f.severity} | ${ruleLink(f.rule)} | ${cell(f.message)} |`);
      rows++;
    }
  }
  if (report.findings.length > rows) out.push('', `… and ${plural(report.findings.length - rows, 'more problem')}, not listed here.`);
  return out.join('\n') + '\n';
}
