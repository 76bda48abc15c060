/**
 * Code actions from diagnostics: each rule's fixes as quick fixes, plus "fix all of this
 * kind in the file" built from each diagnostic's preferred fix, skipping edits that would
 * collide with one already taken.
 */
import type { Diagnostic, Fix, Lang, Range, TextEdit } from '../model';
import { label } from './feature-labels';
import { comparePositions, rangesOverlap } from './positions';

/** A code action as plain data. */
export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'fixAll';
  edits: TextEdit[];
  /** Shown first and applied by "auto fix". */
  preferred: boolean;
  /** The diagnostics the action resolves. */
  diagnostics: Diagnostic[];
}

/** Quick fixes for the diagnostics touching `range`, then a fix-all per rule with several fixable problems. */
export function codeActions(fileDiagnostics: Diagnostic[], range: Range, locale: Lang): CodeAction[] {
  const touching = fileDiagnostics.filter((diagnostic) => touches(diagnostic.range, range));
  const actions: CodeAction[] = [];
  for (const diagnostic of touching) {
    for (const fix of diagnostic.fixes ?? []) {
      actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred === true, diagnostics: [diagnostic] });
    }
  }
  const rules = [...new Set(touching.filter((diagnostic) => preferredFix(diagnostic)).map((diagnostic) => diagnostic.rule))];
  for (const rule of rules) {
    const sameRule = fileDiagnostics.filter((diagnostic) => diagnostic.rule === rule);
    const all = fixAll(sameRule);
    if (all.diagnostics.length > 1) {
      actions.push({ title: label(locale, 'fixAllOfRule', { rule }), kind: 'quickfix', edits: all.edits, preferred: false, diagnostics: all.diagnostics });
    }
  }
  return actions;
}

/** The fix "fix all" applies for a diagnostic: the preferred one, or the only one. */
export function preferredFix(diagnostic: Diagnostic): Fix | undefined {
  const fixes = diagnostic.fixes ?? [];
  return fixes.find((fix) => fix.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/**
 * Edits applying every diagnostic's preferred fix, in document order, leaving out a fix
 * whose edits overlap one already chosen (two stubs for the same missing persona, say).
 */
export function fixAll(diagnostics: Diagnostic[]): { edits: TextEdit[]; diagnostics: Diagnostic[] } {
  const ordered = [...diagnostics].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const diagnostic of ordered) {
    const fix = preferredFix(diagnostic);
    if (!fix) continue;
    const collides = fix.edits.some((edit) => edits.some((taken) => taken.uri === edit.uri && rangesOverlap(taken.range, edit.range)));
    if (collides) continue;
    edits.push(...fix.edits);
    fixed.push(diagnostic);
  }
  return { edits, diagnostics: fixed };
}

/** The source action "fix all auto-fixable problems", or undefined when there is nothing to fix. */
export function fixAllInFile(fileDiagnostics: Diagnostic[], locale: Lang): CodeAction | undefined {
  const all = fixAll(fileDiagnostics);
  if (all.edits.length === 0) return undefined;
  return { title: label(locale, 'fixAllInFile'), kind: 'fixAll', edits: all.edits, preferred: false, diagnostics: all.diagnostics };
}

function touches(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
