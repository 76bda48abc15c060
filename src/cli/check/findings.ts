/**
 * The result of a check in the shape every output format starts from: plain data with
 * 1-based lines and columns, as people and CI tools count them.
 */
import type { Diagnostic, Severity } from '../../core';

/** One problem in one file, ready to print. */
export interface Finding {
  /** Path relative to the current folder, with forward slashes. */
  file: string;
  /** 1-based line where the problem starts. */
  line: number;
  /** 1-based column (UTF-16 code units) where the problem starts. */
  column: number;
  /** 1-based line where the problem ends. */
  endLine: number;
  /** 1-based column just after the problem (exclusive), as ESLint and SARIF count. */
  endColumn: number;
  /** Rule id, or `parse` for problems of the file's structure. */
  rule: string;
  severity: Severity;
  message: string;
}

/** A named input that could not be checked. */
export interface InputProblem {
  /** The argument or path as the user wrote it (or relative to the current folder). */
  file: string;
  message: string;
}

/** Everything a formatter needs. */
export interface CheckReport {
  /** Checked files (display paths), in the order they are reported. */
  files: string[];
  /** Findings of the checked files, grouped by file in `files` order, then by position. */
  findings: Finding[];
  /** Inputs that could not be read; printed on stderr, and SARIF records them too. */
  inputProblems: InputProblem[];
  /** With `--base`: findings the base version already had, left out of `findings`. */
  leftOut?: { count: number; base: string };
}

/** Turn a core diagnostic (0-based) into a finding (1-based) for `file`. */
export function toFinding(file: string, diagnostic: Diagnostic): Finding {
  const { start, end } = diagnostic.range;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
  };
}

/** Number of findings per severity. */
export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
