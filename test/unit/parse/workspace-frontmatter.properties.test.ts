/**
 * Front matter decides what a file sees (`personas:`), so an edit there changes what every
 * unchanged item's references resolve to. After any sequence of front-matter and body
 * edits the long-lived workspace must report exactly what a fresh one does (issue 9:
 * removing `personas:` or breaking its YAML left findings hidden until another edit).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace/workspace';
import { applyEdit, blueprintLine, edits } from './arbitraries';

const MAIN = 'file:///w/main.blueprint.md';
const SHARED = 'file:///w/personas.blueprint.md';
const OTHER = 'file:///w/other.blueprint.md';
const host = { readFile: async (): Promise<string | undefined> => undefined };

const FRONT_MATTER_LINES = [
  'blueprint: T', 'personas: personas.blueprint.md', 'personas: other.blueprint.md', "persona's: [personas.blueprint.md, other.blueprint.md]",
  'personas:', '  - personas.blueprint.md', '  - other.blueprint.md', 'persona: "@maria"', 'persona: ahmed', 'lang: nl', 'lang: en',
  'status: tested', 'broken: [', ': no key', '',
];

const frontMatterLines = fc.array(fc.constantFrom(...FRONT_MATTER_LINES), { maxLength: 5 });
const body = fc.array(blueprintLine, { maxLength: 30 });
const withFrontMatter = (front: string[], lines: string[]): string => ['---', ...front, '---', ...lines].join('\n');

const SHARED_TEXT = '## Personas\n\n### Maria\n- heard: 2024-01-01\n\n### Ahmed\n- heard: 2024-01-02\n';
const OTHER_TEXT = "## Persona's\n\n### Zoë\n- gehoord: 2024-02-02\n\n## Verhalen\n\n### Benefit stopped\n- persona: @zoë\n";
const STEPS = ['## Journey', '', '### Step: Reads', '- persona: @maria', '- customer: reads', '', '### Step: Calls', '- persona: @zoë, @ahmed', '- story: #benefit-stopped', '- customer: calls'];

function fresh(texts: Record<string, string>): BlueprintWorkspace {
  const workspace = new BlueprintWorkspace(host);
  for (const [uri, text] of Object.entries(texts)) workspace.setText(uri, text);
  return workspace;
}

const findings = (workspace: BlueprintWorkspace, uri: string): unknown => JSON.parse(JSON.stringify(workspace.diagnostics(uri)));

describe('workspace after front-matter edits', () => {
  it('findings after front-matter and body edits equal those of a fresh workspace', () => {
    const step = fc.record({ front: frontMatterLines, bodyEdits: fc.option(edits, { nil: undefined }) });
    fc.assert(
      fc.property(frontMatterLines, body, fc.array(step, { minLength: 1, maxLength: 6 }), (front, lines, steps) => {
        let bodyText = [...STEPS, ...lines].join('\n');
        const texts = { [MAIN]: withFrontMatter(front, [bodyText]), [SHARED]: SHARED_TEXT, [OTHER]: OTHER_TEXT };
        const workspace = fresh(texts);
        workspace.diagnostics(MAIN);
        for (const { front: nextFront, bodyEdits } of steps) {
          for (const edit of bodyEdits ?? []) bodyText = applyEdit(bodyText, edit);
          texts[MAIN] = withFrontMatter(nextFront, [bodyText]);
          workspace.setText(MAIN, texts[MAIN]);
          expect(findings(workspace, MAIN)).toEqual(findings(fresh(texts), MAIN));
        }
      }),
      { numRuns: 25 },
    );
  });

  const main = ['---', 'blueprint: T', 'personas: personas.blueprint.md', '---', '', ...STEPS.slice(0, 5), ''].join('\n');

  function edited(next: string): string[] {
    const workspace = fresh({ [MAIN]: main, [SHARED]: SHARED_TEXT });
    expect(workspace.diagnostics(MAIN).map((d) => d.rule)).toEqual([]);
    workspace.setText(MAIN, next);
    return workspace.diagnostics(MAIN).map((d) => `${d.range.start.line}:${d.rule}`);
  }

  it('removing personas: from the front matter makes the unchanged reference unknown at once', () => {
    expect(edited(main.replace('personas: personas.blueprint.md\n', ''))).toEqual(['7:unknown-persona']);
  });

  it('breaking the YAML reports the parse problem and the now unknown reference at once', () => {
    expect(edited(main.replace('blueprint: T', 'blueprint: ['))).toEqual(['2:parse', '8:unknown-persona']);
  });
});
