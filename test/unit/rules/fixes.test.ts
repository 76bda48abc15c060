/**
 * Quick fixes are precise text edits: each test applies a fix to the source, parses the
 * result again and checks that the finding is gone and the model holds what was meant.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Fix } from '../../../src/core/model';
import { applyEditsToFiles } from '../helpers/edits';
import { fixtureUri, runFixture } from '../helpers/expectations';

/** Apply a fix's edits to the texts of the files they touch. */
function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  return applyEditsToFiles(files, fix.edits, fixtureUri);
}

async function findings(files: Record<string, string>, path: string, rule: string): Promise<Diagnostic[]> {
  const { diagnostics } = await runFixture(files);
  return diagnostics[path].filter((d) => d.rule === rule);
}

const PERSONAS = `## Personas

### Maria
- heard: 2024-03-02, interview at home

### Ahmed
- heard: 2024-03-09, phone call
`;

describe('step-without-persona fixes', () => {
  const cases: Array<[string, string]> = [
    ['a step with a field list', `#### Step: Calls the office\n- customer: calls the office\n- channel: phone\n\nSome prose.\n`],
    ['a step with prose and no field list', `#### Step: Calls the office\nShe calls twice.\nNobody answers.\n`],
    ['a step with only a heading, followed by another step', `#### Step: Calls the office\n#### Step: Waits\n- persona: @ahmed\n- customer: waits\n`],
    ['a step at the very end, without a final newline', `#### Step: Calls the office\n- customer: calls the office`],
    ['a heading at the very end, without a final newline', `#### Step: Calls the office`],
    ['a field list with * markers', `#### Step: Calls the office\n* customer: calls the office\n* channel: phone\n`],
    ['a field list in a CRLF file', `#### Step: Calls the office\r\n- customer: calls the office\r\n\r\nProse.\r\n`],
    ['a field list with a nested list value', `#### Step: Calls the office\n- customer:\n  - calls the office\n  - waits on hold\n`],
  ];
  it.each(cases)('adds a persona field to %s', async (_, stepText) => {
    const crlf = stepText.includes('\r\n');
    const head = `${PERSONAS}\n## Journey\n\n### Stage: Ask\n\n#### Step: Receives the letter\n- persona: @ahmed\n- customer: reads it\n\n`;
    const text = crlf ? head.replace(/\n/g, '\r\n') + stepText : head + stepText;
    const files = { 'a.blueprint.md': text };
    const [finding] = await findings(files, 'a.blueprint.md', 'step-without-persona');
    expect(finding).toBeDefined();
    // Ahmed is the neighbouring step's persona, so he comes first.
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Add persona @ahmed', 'Add persona @maria']);
    expect(finding.fixes?.[0].preferred).toBe(true);

    const fixed = applyFix(files, finding.fixes![0]);
    expect(await findings(fixed, 'a.blueprint.md', 'step-without-persona')).toEqual([]);
    const { workspace } = await runFixture(fixed);
    const doc = workspace.get(fixtureUri('a.blueprint.md'))!;
    const step = doc.steps.find((s) => s.name === 'Calls the office')!;
    const persona = step.fields.find((f) => f.key === 'persona');
    expect(persona?.value).toBe('@ahmed');
    // Nothing else changed meaning: the same fields as before, plus the persona.
    const before = (await runFixture(files)).workspace.get(fixtureUri('a.blueprint.md'))!;
    const beforeStep = before.steps.find((s) => s.name === 'Calls the office')!;
    expect(step.fields.filter((f) => f.key !== 'persona').map((f) => [f.key, f.value])).toEqual(
      beforeStep.fields.map((f) => [f.key, f.value]),
    );
    expect(step.description.replace(/\s+/g, ' ').trim()).toBe(beforeStep.description.replace(/\s+/g, ' ').trim());
    if (crlf) expect(fixed['a.blueprint.md'].replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('ranks the personas of the same stage before others and writes Dutch titles in Dutch files', async () => {
    const text = `---\nlang: nl\n---\n\n## Persona's\n\n### Fatima\n- gehoord: ja\n\n### Jan\n- gehoord: ja\n\n## Klantreis\n\n### Fase: Een\n\n#### Stap: A\n- persona: @fatima\n- klant: a\n\n### Fase: Twee\n\n#### Stap: B\n- persona: @jan\n- klant: b\n\n#### Stap: C\n- klant: c\n\n#### Stap: D\n- klant: d\n`;
    const files = { 'a.blueprint.md': text };
    const found = await findings(files, 'a.blueprint.md', 'step-without-persona');
    expect(found.map((f) => f.range.start.line + 1)).toEqual([27, 30]);
    // Step D's neighbour C has no persona; Jan is used in its stage.
    expect(found[1].fixes?.map((f) => f.title)).toEqual(['Voeg persona @jan toe', 'Voeg persona @fatima toe']);
    expect(found[1].message).toContain("Stap 'D'");
  });

  it('offers no fix when no persona is in scope', async () => {
    const [finding] = await findings({ 'a.blueprint.md': `## Journey\n\n### Step: A\n- customer: a\n` }, 'a.blueprint.md', 'step-without-persona');
    expect(finding.fixes ?? []).toEqual([]);
  });
});

describe('unknown-persona and unknown-story fixes', () => {
  const journey = `## Journey\n\n### Step: Calls\n- persona: @marja, @ahmed\n- customer: calls\n`;

  it('suggests the closest persona and replaces only the slug', async () => {
    const files = { 'a.blueprint.md': `${PERSONAS}\n${journey}` };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-persona');
    expect(finding.message).toBe("No persona 'marja' is defined in this file or its persona files. Did you mean '@maria'?");
    expect(finding.fixes?.map((f) => f.title)).toEqual(["Change to '@maria'", "Create persona 'Marja'"]);
    const fixed = applyFix(files, finding.fixes![0]);
    expect(fixed['a.blueprint.md']).toContain('- persona: @maria, @ahmed\n');
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-persona')).toEqual([]);
  });

  it('creates the persona at the end of the Personas section', async () => {
    const files = { 'a.blueprint.md': `${PERSONAS}\n${journey}` };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-persona');
    const fixed = applyFix(files, finding.fixes![1]);
    expect(fixed['a.blueprint.md']).toContain('- heard: 2024-03-09, phone call\n\n### Marja\n\n## Journey');
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-persona')).toEqual([]);
  });

  it('creates a missing Personas section in the file language, before the journey', async () => {
    const files = { 'a.blueprint.md': `---\nlang: nl\n---\n\n# Aanvraag\n\n## Klantreis\n\n### Stap: Belt\n- persona: [Jan de Vries](#jan-de-vries)\n- klant: belt\n` };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-persona');
    expect(finding.message).toBe("Persona 'jan-de-vries' staat niet in dit bestand of de personabestanden.");
    expect(finding.fixes?.map((f) => f.title)).toEqual(["Maak persona 'Jan de Vries' aan"]);
    const fixed = applyFix(files, finding.fixes![0]);
    expect(fixed['a.blueprint.md']).toContain("# Aanvraag\n\n## Persona's\n\n### Jan de Vries\n\n## Klantreis");
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-persona')).toEqual([]);
  });

  it('creates the persona in the shared personas file when this file has no Personas section', async () => {
    const files = {
      'personas.blueprint.md': `# Shared\n\n${PERSONAS}`,
      'a.blueprint.md': `---\npersonas: ./personas.blueprint.md\n---\n\n${journey}`,
    };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-persona');
    const create = finding.fixes!.find((f) => f.title.startsWith('Create'))!;
    expect(create.edits[0].uri).toBe(fixtureUri('personas.blueprint.md'));
    const fixed = applyFix(files, create);
    expect(fixed['personas.blueprint.md'].endsWith('- heard: 2024-03-09, phone call\n\n### Marja\n')).toBe(true);
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-persona')).toEqual([]);
  });

  it('fixes a story link anchor and creates a missing Stories section between personas and journey', async () => {
    const text = `${PERSONAS}\n## Journey\n\n### Step: Calls\n- persona: @maria, @ahmed\n- story: [Nobody answers](#nobody-answer)\n- customer: calls\n`;
    const files = { 'a.blueprint.md': text };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-story');
    expect(finding.fixes?.map((f) => f.title)).toEqual(["Create story 'Nobody answer'"]);
    const fixed = applyFix(files, finding.fixes![0]);
    expect(fixed['a.blueprint.md']).toContain('phone call\n\n## Stories\n\n### Nobody answer\n\n## Journey');
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-story')).toEqual([]);
  });

  it('suggests stories for a #slug reference', async () => {
    const text = `${PERSONAS}\n## Stories\n\n### Nobody answers\n- persona: @maria\n\n## Journey\n\n### Step: Calls\n- persona: @maria, @ahmed\n- story: #nobody-anwsers\n- customer: calls\n`;
    const files = { 'a.blueprint.md': text };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-story');
    expect(finding.fixes?.[0].title).toBe("Change to '#nobody-answers'");
    const fixed = applyFix(files, finding.fixes![0]);
    expect(fixed['a.blueprint.md']).toContain('- story: #nobody-answers\n');
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-story')).toEqual([]);
  });
});

describe('unknown-field fixes', () => {
  it.each([
    ['en', '- frontstge: letter', 'frontstage', "Change to 'frontstage'"],
    ['en', '- Custmer: reads', 'Customer', "Change to 'Customer'"],
    ['nl', '- achterknt: dossier', 'achterkant', "Wijzig in 'achterkant'"],
  ])('%s: %s → %s', async (lang, line, key, title) => {
    const text = `---\nlang: ${lang}\n---\n\n## Journey\n\n### Step: A\n- persona: @x\n- customer: a\n${line}\n`;
    const files = { 'a.blueprint.md': text };
    const [finding] = await findings(files, 'a.blueprint.md', 'unknown-field');
    expect(finding.range.start).toEqual({ line: 9, character: 2 });
    expect(finding.fixes?.[0].title).toBe(title);
    const fixed = applyFix(files, finding.fixes![0]);
    expect(fixed['a.blueprint.md']).toContain(`- ${key}:`);
    expect(await findings(fixed, 'a.blueprint.md', 'unknown-field')).toEqual([]);
  });
});

describe('persona-not-heard fix', () => {
  it.each([
    ['en', 'heard', "Add 'heard:'", `### Maria\nSingle mother.\n- vulnerable: yes\n\n## Journey\n`],
    ['nl', 'gehoord', "Voeg 'gehoord:' toe", `### Maria\nAlleenstaande moeder.\n\n## Klantreis\n`],
    ['en', 'heard', "Add 'heard:'", `### Maria\n`],
  ])('%s: adds %s', async (lang, key, title, body) => {
    const section = lang === 'nl' ? "## Persona's" : '## Personas';
    const files = { 'a.blueprint.md': `---\nlang: ${lang}\n---\n\n${section}\n\n${body}` };
    const [finding] = await findings(files, 'a.blueprint.md', 'persona-not-heard');
    expect(finding.fixes?.map((f) => f.title)).toEqual([title]);
    const fixed = applyFix(files, finding.fixes![0]);
    const { workspace } = await runFixture(fixed);
    const persona = workspace.get(fixtureUri('a.blueprint.md'))!.personas[0];
    expect(persona.fields.map((f) => f.key)).toContain('heard');
    expect(fixed['a.blueprint.md']).toContain(`- ${key}: `);
  });
});
