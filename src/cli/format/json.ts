/**
 * `--format json`: one JSON array of findings, for scripts. The field names and 1-based
 * positions are part of the documented interface (docs/cli.md).
 */
import type { CheckReport } from '../check/findings';

/** One array; the object keys in a fixed order so diffs of saved reports stay small. */
export function formatJson(report: CheckReport): string {
  const rows = report.findings.map(({ file, line, column, endLine, endColumn, rule, severity, message }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    rule,
    severity,
    message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
