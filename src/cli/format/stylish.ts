/**
 * The default, human-readable format: findings grouped per file, one aligned line each
 * (`line:col  severity  message  rule`), and a summary line, like ESLint's "stylish".
 */
import type { Severity } from '../../core';
import { countBySeverity, type CheckReport } from '../check/findings';
import type { Paint } from './colors';
import { byFile, plural } from './grouping';
import { terminalLine } from './safe-text';

const SEVERITY_STYLE: Record<Severity, Parameters<Paint>[0]> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  hint: 'gray',
};

/** Render the report; `paint` adds colours (or not). Ends with a newline. */
export function formatStylish(report: CheckReport, paint: Paint): string {
  const out: string[] = [];
  for (const [file, findings] of byFile(report.findings)) {
    out.push(paint('underline', terminalLine(file)));
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const positionWidth = Math.max(...positions.map((p) => p.length));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    findings.forEach((finding, i) => {
      // Padding is computed on plain text so colour codes do not break the alignment.
      const position = paint('dim', positions[i].padEnd(positionWidth));
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(severityWidth));
      const message = terminalLine(finding.message);
      out.push(`  ${position}  ${severity}  ${message}  ${paint('dim', finding.rule)}`);
    });
    out.push('');
  }

  const counts = countBySeverity(report.findings);
  const total = report.findings.length;
  if (report.files.length === 0) {
    // Nothing could be checked (the reasons are on stderr): "no problems" would mislead.
    out.push(paint('yellow', '✖ No blueprint files were checked'));
  } else if (total === 0) {
    out.push(paint('green', `✔ No problems in ${plural(report.files.length, 'file')}`));
  } else {
    const summary =
      `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${plural(counts.info, 'info')}, ${plural(counts.hint, 'hint')})`;
    out.push(paint('bold', paint(counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue', summary)));
  }
  if (report.leftOut) out.push(paint('dim', `${plural(report.leftOut.count, 'existing finding')} left out (already in ${report.leftOut.base})`));
  return out.join('\n') + '\n';
}
