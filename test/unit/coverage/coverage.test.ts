import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCoverage, basisOfWord, type Coverage, type CoveragePersona } from '../../../src/core';
import { parseBlueprint } from '../../../src/core';
import { uriOf, workspaceWith } from '../features/workspace';

const FIXTURES = path.join(__dirname, '../../fixtures/coverage');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

async function coverageOf(file: string): Promise<Coverage> {
  const workspace = await workspaceWith({
    'personas.blueprint.md': fixture('personas.blueprint.md'),
    [file]: fixture(file),
  });
  const doc = workspace.get(uriOf(file));
  if (!doc) throw new Error(`${file} not loaded`);
  return buildCoverage({ doc, index: workspace.index });
}

function persona(coverage: Coverage, id: string): CoveragePersona {
  const found = coverage.personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona ${id} in ${coverage.personas.map((p) => p.id).join(', ')}`);
  return found;
}

/** Steps per stage id, as the JSON shows them. */
function counts(coverage: Coverage, row: { cells: Coverage['personas'][number]['cells'] }): Record<string, number> {
  return Object.fromEntries(coverage.stages.map((stage, i) => [stage.id, row.cells[i].steps]));
}

describe('coverage of an English blueprint with a shared personas file', () => {
  it('has the stages in journey order, an empty stage and a column for the step outside any stage', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(coverage.stages.map((s) => [s.id, s.title, s.staged, s.steps])).toEqual([
      ['discover', 'Discover', true, 2],
      ['apply', 'Apply', true, 2],
      ['renewal', 'Renewal', true, 0],
      ['no-stage', 'No stage', false, 1],
    ]);
    expect(coverage.lang).toBe('en');
    expect(coverage.title).toBe('Renew a parking permit');
  });

  it('counts the basis of each stage in English, an unrecognised value as not given', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(coverage.stages.map((s) => s.basis)).toEqual([
      { heard: 1, assumed: 1, proposed: 0, none: 0 },
      { heard: 0, assumed: 0, proposed: 1, none: 1 },
      { heard: 0, assumed: 0, proposed: 0, none: 0 },
      { heard: 0, assumed: 0, proposed: 0, none: 1 },
    ]);
  });

  it('lists the file\'s own personas first, then those of its personas file, each once', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(coverage.personas.map((p) => p.id)).toEqual(['sanne', 'maria', 'ahmed', 'lotte']);
    expect(persona(coverage, 'maria').uri).toBe(uriOf('personas.blueprint.md'));
    expect(persona(coverage, 'sanne').uri).toBe(uriOf('renew.blueprint.md'));
  });

  it('counts steps per stage, inherited from the stage and from the front matter', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    const maria = persona(coverage, 'maria');
    expect(counts(coverage, maria)).toEqual({ discover: 2, apply: 0, renewal: 0, 'no-stage': 1 });
    expect(maria.cells[0]).toMatchObject({ steps: 2, inherited: 1, first: { step: 'gets-the-reminder' } });
    expect(maria.total).toBe(3);
    // Ahmed serves no step himself: "Fills in the form" inherits him from the front matter.
    const ahmed = persona(coverage, 'ahmed');
    expect(counts(coverage, ahmed)).toEqual({ discover: 0, apply: 1, renewal: 0, 'no-stage': 0 });
    expect(ahmed.cells[1]).toMatchObject({ steps: 1, inherited: 1, first: { step: 'fills-in-the-form' } });
    // An own persona replaces the inherited one: "Looks up the rules" is not Ahmed's.
    expect(counts(coverage, persona(coverage, 'sanne'))).toEqual({ discover: 1, apply: 0, renewal: 0, 'no-stage': 0 });
  });

  it('points each cell at the heading line of its first step', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    const lines = fixture('renew.blueprint.md').split('\n');
    const first = persona(coverage, 'maria').cells[3].first;
    expect(first?.step).toBe('receives-the-permit');
    expect(lines[first?.line ?? -1]).toBe('### Step: Receives the permit');
    expect(lines[coverage.stages[0].line]).toBe('### Stage: Discover');
  });

  it('marks vulnerable personas, in English and Dutch keys, and keeps the heard entries', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(coverage.personas.map((p) => [p.id, p.vulnerable])).toEqual([
      ['sanne', false], ['maria', true], ['ahmed', false], ['lotte', true],
    ]);
    expect(persona(coverage, 'maria').heard).toEqual(['2024-05-12, interview at home', '2024-06-02, phone call']);
    expect(persona(coverage, 'ahmed').heard).toEqual(['2024-04-16 keukentafelgesprek met tolk']);
    expect(persona(coverage, 'lotte').heard).toEqual([]);
    expect(counts(coverage, persona(coverage, 'lotte'))).toEqual({ discover: 0, apply: 0, renewal: 0, 'no-stage': 0 });
  });

  it('records the steps whose tested names a persona, several personas per step', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(persona(coverage, 'maria').tested.map((t) => [t.step, t.stage])).toEqual([
      ['looks-up-the-rules', 'discover'], ['fills-in-the-form', 'apply'],
    ]);
    expect(persona(coverage, 'sanne').tested.map((t) => t.step)).toEqual(['looks-up-the-rules']);
    expect(persona(coverage, 'ahmed').tested.map((t) => t.step)).toEqual(['fills-in-the-form']);
    expect(persona(coverage, 'lotte').tested).toEqual([]);
  });

  it('lists a persona the journey names but nobody defines apart, with its steps', async () => {
    const coverage = await coverageOf('renew.blueprint.md');
    expect(coverage.unknownPersonas.map((p) => [p.id, p.total, p.cells.map((c) => c.steps)])).toEqual([['ahmad', 1, [0, 1, 0, 0]]]);
    expect(coverage.personas.some((p) => p.id === 'ahmad')).toBe(false);
  });
});

describe('coverage of a Dutch blueprint with the same shared personas file', () => {
  it('reads Dutch stages, keys and basis values', async () => {
    const coverage = await coverageOf('bijstand.blueprint.md');
    expect(coverage.lang).toBe('nl');
    expect(coverage.title).toBe('Bijstand aanvragen');
    expect(coverage.stages.map((s) => [s.id, s.title, s.steps, s.withoutPersona, s.basis])).toEqual([
      ['oriënteren', 'Oriënteren', 2, 0, { heard: 1, assumed: 1, proposed: 0, none: 0 }],
      ['aanvragen', 'Aanvragen', 2, 0, { heard: 0, assumed: 0, proposed: 1, none: 1 }],
    ]);
  });

  it('inherits from the fase and from a bare front matter persona; a plain name is no own persona', async () => {
    const coverage = await coverageOf('bijstand.blueprint.md');
    expect(coverage.personas.map((p) => p.id)).toEqual(['kees', 'maria', 'ahmed', 'lotte']);
    const kees = persona(coverage, 'kees');
    expect(counts(coverage, kees)).toEqual({ oriënteren: 1, aanvragen: 0 });
    expect(kees.cells[0].inherited).toBe(1);
    expect(kees.vulnerable).toBe(true);
    const maria = persona(coverage, 'maria');
    expect(counts(coverage, maria)).toEqual({ oriënteren: 0, aanvragen: 2 });
    expect(maria.cells[1]).toMatchObject({ steps: 2, inherited: 2, first: { step: 'vult-het-formulier-in' } });
    const ahmed = persona(coverage, 'ahmed');
    expect(ahmed.cells[0]).toMatchObject({ steps: 1, inherited: 0, first: { step: 'leest-de-website' } });
  });

  it('reads getest with three personas', async () => {
    const coverage = await coverageOf('bijstand.blueprint.md');
    for (const id of ['ahmed', 'kees', 'maria']) {
      expect(persona(coverage, id).tested.map((t) => t.step), id).toEqual(['leest-de-website']);
    }
    expect(persona(coverage, 'lotte').tested).toEqual([]);
    expect(coverage.unknownPersonas).toEqual([]);
  });

  it('the shared personas file itself has personas and no stages', async () => {
    const coverage = await coverageOf('personas.blueprint.md');
    expect(coverage.stages).toEqual([]);
    expect(coverage.personas.map((p) => [p.id, p.cells.length, p.total])).toEqual([['maria', 0, 0], ['ahmed', 0, 0], ['lotte', 0, 0]]);
  });
});

describe('coverage without a workspace, and odd journeys', () => {
  const text = `# Steps only

## Personas

### Fatima
- vulnerable: yes

## Journey

### Calls the office
- persona: @fatima

### Waits
- customer: waits

### Stage: Decide

#### Step: Decides
- customer: decides

### Stage: Decide

#### Step: Decides again
- persona: @fatima
`;

  it('groups steps outside stages into runs, makes repeated stage ids unique and counts steps without persona', () => {
    const doc = parseBlueprint(text, 'file:///ws/odd.blueprint.md');
    const coverage = buildCoverage({ doc });
    expect(coverage.stages.map((s) => [s.id, s.steps, s.withoutPersona])).toEqual([
      ['no-stage', 2, 1],
      ['decide', 1, 1],
      ['decide-1', 1, 0],
    ]);
    expect(coverage.personas[0].cells.map((c) => c.steps)).toEqual([1, 0, 1]);
    expect(coverage.stages.every((s) => s.basis.none === s.steps)).toBe(true);
  });

  it('recognises the basis words of both languages and no others', () => {
    expect(['heard', 'Gehoord', 'assumed', 'aangenomen', 'aanname', 'proposed', 'VOORSTEL'].map(basisOfWord))
      .toEqual(['heard', 'heard', 'assumed', 'assumed', 'assumed', 'proposed', 'proposed']);
    expect(['', 'guessed', 'constructor', '__proto__'].map(basisOfWord)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
