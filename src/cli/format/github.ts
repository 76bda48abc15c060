/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request's changed lines.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Severity } from '../../core';
import type { CheckReport } from '../check/findings';
import { visibleControls } from './safe-text';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/**
 * Escape a command's message, as the Actions toolkit does; other control characters are
 * made visible, so blueprint text cannot drive the log's terminal emulation.
 */
export function escapeData(value: string): string {
  return visibleControls(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property value: also `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command per finding. */
export function formatGithub(report: CheckReport): string {
  return report.findings
    .map((f) => {
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
}
