import { describe, expect, it } from 'vitest';
import { codeActions, fixAll, fixAllInFile } from '../../../src/core/features/code-actions';
import type { Diagnostic } from '../../../src/core/model';
import { range } from '../../../src/core/features/positions';
import { JOURNEY, PERSONAS, applyEdits, positionOf, uriOf, workspaceWith } from './workspace';

const journey = uriOf('journey.blueprint.md');

describe('quick fixes from rules', () => {
  it('offers "add persona" for a step without one, likeliest first, as the step\'s first field, and the fix clears the diagnostic', async () => {
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': JOURNEY });
    const diagnostics = workspace.diagnostics(journey);
    const at = positionOf(JOURNEY, 'Calls the office');
    const actions = codeActions(diagnostics, { start: at, end: at }, 'en');
    const addPersona = actions.filter((action) => action.diagnostics[0]?.rule === 'step-without-persona' && action.kind === 'quickfix');
    expect(addPersona.length).toBeGreaterThanOrEqual(2);
    expect(addPersona[0]!.title).toMatch(/maria/);

    const fixed = applyEdits(JOURNEY, addPersona[0]!.edits);
    expect(fixed).toBe(JOURNEY.replace('- customer: phones the office\n', '- persona: @maria\n- customer: phones the office\n'));
    workspace.setText(journey, fixed);
    expect(workspace.diagnostics(journey).filter((diagnostic) => diagnostic.rule === 'step-without-persona')).toEqual([]);
  });

  it('offers did-you-mean for an unknown persona', async () => {
    const text = JOURNEY.replace('- persona: @maria\n- story', '- persona: @mraia\n- story');
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': text });
    const diagnostics = workspace.diagnostics(journey);
    const at = positionOf(text, '@mraia', 2);
    const actions = codeActions(diagnostics, { start: at, end: at }, 'en');
    const preferred = actions.find((action) => action.preferred);
    expect(preferred).toBeDefined();
    expect(applyEdits(text, preferred!.edits)).toBe(JOURNEY);
  });
});

/** A hand-made diagnostic with one preferred fix inserting `text` at a line start. */
function diagnosticAt(line: number, rule: string, text: string): Diagnostic {
  return {
    uri: journey, rule, severity: 'warning', message: `${rule} on ${line}`, range: range(line, 0, line, 3),
    fixes: [{ title: `fix ${line}`, preferred: true, edits: [{ uri: journey, range: range(line + 1, 0, line + 1, 0), newText: text }] }],
  };
}

describe('fix all', () => {
  it('applies each preferred fix once and skips fixes colliding with one already taken', () => {
    const first = diagnosticAt(1, 'r', 'a\n');
    const same = diagnosticAt(1, 'r', 'b\n');
    const other = diagnosticAt(5, 'r', 'c\n');
    const noPreferred: Diagnostic = { ...diagnosticAt(7, 'r', 'x'), fixes: [
      { title: 'one', edits: [] }, { title: 'two', edits: [] },
    ] };
    const result = fixAll([other, same, first, noPreferred]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.range.start.line)).toEqual([1, 5]);
    expect(result.edits.map((edit) => edit.newText)).toEqual(['b\n', 'c\n']);
  });

  it('adds a per-rule fix-all action only when the rule has several fixable problems', () => {
    const diagnostics = [diagnosticAt(1, 'r', 'a\n'), diagnosticAt(5, 'r', 'c\n'), diagnosticAt(9, 'lonely', 'z\n')];
    const onFirst = codeActions(diagnostics, range(1, 0, 1, 0), 'en');
    expect(onFirst.map((action) => action.title)).toEqual(['fix 1', 'Fix all "r" problems in this file']);
    expect(onFirst[1]!.edits).toHaveLength(2);
    const onLonely = codeActions(diagnostics, range(9, 1, 9, 1), 'nl');
    expect(onLonely.map((action) => action.title)).toEqual(['fix 9']);
    expect(fixAllInFile(diagnostics, 'nl')?.title).toBe('Alle automatisch oplosbare blueprintproblemen in dit bestand oplossen');
    expect(fixAllInFile([], 'en')).toBeUndefined();
  });

  it('fixes every step without persona in a real file in one go', async () => {
    const text = JOURNEY.replace('- persona: @maria\n- story', '- story').replace('- persona: [Maria](personas.blueprint.md#maria), @ahmed\n', '');
    const workspace = await workspaceWith({ 'personas.blueprint.md': PERSONAS, 'journey.blueprint.md': text });
    const stepDiagnostics = workspace.diagnostics(journey).filter((diagnostic) => diagnostic.rule === 'step-without-persona');
    expect(stepDiagnostics).toHaveLength(3);
    const all = fixAll(stepDiagnostics);
    const hasPreferred = stepDiagnostics.filter((diagnostic) => diagnostic.fixes?.some((fix) => fix.preferred)).length;
    expect(all.diagnostics).toHaveLength(hasPreferred);
    workspace.setText(journey, applyEdits(text, all.edits));
    expect(workspace.diagnostics(journey).filter((diagnostic) => diagnostic.rule === 'step-without-persona')).toHaveLength(3 - hasPreferred);
  });
});
