/**
 * `blueprint check --base REF`: only the findings a change introduces. Each finding of the
 * working tree is matched against the base version's findings by rule and item (not by
 * line, see the semantic diff), so old blueprints can be checked without fixing them first.
 */
import type { BlueprintConfig } from '../../core';
import { compareGit } from '../diff/compare';
import { GitError } from '../diff/git';
import type { CheckReport, Finding } from './findings';

const keyOf = (file: string, f: { rule: string; line: number; column: number; message: string }): string =>
  [file, f.rule, f.line, f.column, f.message].join('\u0000');

/** The report with only new findings and a count of those left out; or a git problem. */
export async function onlyNewFindings(
  report: CheckReport,
  options: { base: string; inputs: readonly string[]; config: BlueprintConfig; configRoot: string; cwd: string; projectRoot?: string },
): Promise<CheckReport | { error: string }> {
  let comparison;
  try {
    comparison = await compareGit({ base: options.base, inputs: options.inputs, config: options.config, configRoot: options.configRoot, cwd: options.cwd, projectRoot: options.projectRoot });
  } catch (error) {
    if (error instanceof GitError) return { error: error.message };
    throw error;
  }
  const fresh = new Set<string>();
  for (const file of comparison.report.files) {
    for (const change of file.changes) if (change.kind === 'finding-new') fresh.add(keyOf(file.file, change));
  }
  // A finding in a file the change did not touch is never new: unchanged files are not in the diff.
  const findings: Finding[] = report.findings.filter((finding) => fresh.has(keyOf(finding.file, finding)));
  return { ...report, findings, leftOut: { count: report.findings.length - findings.length, base: options.base } };
}
