/**
 * Annotations as workflow commands. GitHub shows at most 10 annotations of each severity
 * per step, so the action writes 10 of each and one `::notice::` counting the rest.
 */
import type { Finding } from '../cli/check/findings';
import { escapeData, escapeProperty } from '../cli/format/github';

export const ANNOTATIONS_PER_SEVERITY = 10;

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Finding['severity'], Command> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`, `line=${finding.line}`, `col=${finding.column}`,
    `endLine=${finding.endLine}`, `endColumn=${finding.endColumn}`, `title=${escapeProperty(finding.rule)}`,
  ].join(',');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}\n`;
}

/**
 * A workflow command without properties, its message escaped as the toolkit does (`%`,
 * CR, LF; control characters made visible): file names, git's words and configuration
 * text come from the pull request, and a line break in them must not start a command of
 * its own (`::add-mask::`, `::stop-commands::`, a forged `::error file=…`).
 */
export function workflowCommand(command: Command, message: string): string {
  return `::${command}::${escapeData(message)}\n`;
}

/** The workflow commands for the findings, capped per severity, plus the notice about the rest. */
export function annotations(findings: readonly Finding[]): string {
  const shown = new Map<Command, number>();
  let rest = 0;
  let out = '';
  for (const finding of findings) {
    const command = COMMAND[finding.severity];
    const count = shown.get(command) ?? 0;
    if (count >= ANNOTATIONS_PER_SEVERITY) {
      rest++;
      continue;
    }
    shown.set(command, count + 1);
    out += annotation(finding);
  }
  if (rest > 0) {
    out += workflowCommand('notice', `${rest} more blueprint ${rest === 1 ? 'finding is' : 'findings are'} not annotated (GitHub shows ${ANNOTATIONS_PER_SEVERITY} per severity); see the job summary.`);
  }
  return out;
}
