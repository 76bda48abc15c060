/**
 * The workspace keeps parsed chunks, placed items and clean per-item rule results
 * between edits. Whatever it reuses, the findings after any sequence of edits must be
 * exactly those of a fresh workspace given the final texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { applyEdit, blueprintText, edits } from './arbitraries';

const MAIN = 'file:///w/main.blueprint.md';
const SHARED = 'file:///w/personas.blueprint.md';
const host = { readFile: async (): Promise<string | undefined> => undefined };

function fresh(texts: Record<string, string>): BlueprintWorkspace {
  const workspace = new BlueprintWorkspace(host);
  for (const [uri, text] of Object.entries(texts)) workspace.setText(uri, text);
  return workspace;
}

/** Diagnostics without fix edits' object identity concerns: plain data for comparison. */
function findings(workspace: BlueprintWorkspace, uri: string): unknown {
  return JSON.parse(JSON.stringify(workspace.diagnostics(uri)));
}

describe('workspace properties', () => {
  it('findings after random edits in two files equal those of a fresh workspace', () => {
    fc.assert(
      fc.property(blueprintText, blueprintText, edits, edits, (main, shared, mainEdits, sharedEdits) => {
        const texts = { [MAIN]: main, [SHARED]: shared };
        const workspace = fresh(texts);
        workspace.diagnostics(MAIN);
        workspace.diagnostics(SHARED);
        for (let i = 0; i < Math.max(mainEdits.length, sharedEdits.length); i++) {
          if (mainEdits[i]) texts[MAIN] = applyEdit(texts[MAIN], mainEdits[i]);
          if (sharedEdits[i]) texts[SHARED] = applyEdit(texts[SHARED], sharedEdits[i]);
          workspace.setText(MAIN, texts[MAIN]);
          workspace.setText(SHARED, texts[SHARED]);
          const reference = fresh(texts);
          expect(findings(workspace, MAIN)).toEqual(findings(reference, MAIN));
          expect(findings(workspace, SHARED)).toEqual(findings(reference, SHARED));
        }
      }),
      { numRuns: 150 },
    );
    // CPU-bound (150 runs of two fresh workspaces per edit): 120 s, as the other heavy
    // tests, so a loaded shared machine does not fail it by the clock.
  }, 120_000);
});

describe('reused results follow changes elsewhere', () => {
  const main = [
    '---',
    'blueprint: T',
    'personas: personas.blueprint.md',
    '---',
    '',
    '## Journey',
    '',
    '### Stage: Apply',
    '- persona: @ahmed',
    '',
    '#### Step: Fills in the form',
    '- customer: fills in the form',
    '',
    '#### Step: Uploads a payslip',
    '- persona: @maria',
    '- story: [Lost](other.blueprint.md#lost)',
    '- customer: uploads',
    '',
  ].join('\n');
  const shared = '## Personas\n\n### Maria\n- heard: 2024-01-01\n\n### Ahmed\n- heard: 2024-01-02\n';
  const other = '## Stories\n\n### Lost\n- persona: @maria\n';
  const OTHER = 'file:///w/other.blueprint.md';

  function setUp(): BlueprintWorkspace {
    const workspace = fresh({ [MAIN]: main, [SHARED]: shared, [OTHER]: other });
    expect(workspace.diagnostics(MAIN).map((d) => d.rule)).toEqual([]);
    return workspace;
  }

  const rulesAfter = (workspace: BlueprintWorkspace): string[] => workspace.diagnostics(MAIN).map((d) => `${d.range.start.line}:${d.rule}`);

  it('a persona removed from the shared file makes the unchanged step reference unknown', () => {
    const workspace = setUp();
    workspace.setText(SHARED, shared.replace('### Maria\n- heard: 2024-01-01\n', ''));
    expect(rulesAfter(workspace)).toEqual(['14:unknown-persona']);
  });

  it("a stage that loses its persona leaves its unchanged step without one", () => {
    const workspace = setUp();
    workspace.setText(MAIN, main.replace('- persona: @ahmed\n', ''));
    expect(rulesAfter(workspace)).toEqual(['9:step-without-persona']);
  });

  it('a linked file that disappears is reported on the unchanged link', () => {
    const workspace = setUp();
    workspace.markMissing(OTHER);
    expect(rulesAfter(workspace)).toEqual(['15:unresolved-file']);
  });

  it('a story renamed in the linked file makes the unchanged link unknown', () => {
    const workspace = setUp();
    workspace.setText(OTHER, other.replace('### Lost', '### Found'));
    expect(rulesAfter(workspace)).toEqual(['15:unknown-story']);
  });
});
