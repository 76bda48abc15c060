/**
 * Quick-fix round trip (issue 9): with personas and stories of every name a heading can
 * hold, every fix of every finding changes only its target (no other item's fields, no
 * other reference), removes a finding of its rule, and what it writes parses to the
 * intended reference: no reference that resolved stops resolving, and a fix for an
 * unknown reference makes one resolve. "Maria 😀" (id `maria-`) used to loop here:
 * the fix wrote `@maria-`, which reads as `@maria`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allItems, type BlueprintDocument, type Diagnostic, type Fix } from '../../../src/core/model';
import { idOf } from '../../../src/core/parse/ids';
import { applyTextEdits } from '../../../src/core/features/positions';
import { anyName } from '../features/names';
import { fixtureUri, runFixture } from '../helpers/expectations';

const PATH = 'a.blueprint.md';
const URI_ = fixtureUri(PATH);

/** A blueprint whose personas and story carry generated names, with a finding of every fixable rule. */
function blueprint(persona: string, story: string, typo: string): string {
  return [
    '## Personas', '', '### Maria', '- heard: 2024-01-01', '', `### ${persona}`, '- heard: 2024-01-02', '', '### Ahmed', '',
    '## Stories', '', `### ${story}`, '- persona: @maria', '- heard: 2024-01-03', '',
    '## Journey', '',
    '### Step: Reads', 'Reads the letter twice.', '- customer: reads', '- channel: post', '',
    '### Step: Calls', `- persona: @${typo}`, `- story: #${idOf(story).slice(0, -1) || 'x'}`, '- customer: calls', '- frontstge: desk', '',
    '### Step: Waits', '- persona: @maria', `- story: #${idOf(story)}`, '- customer: waits', '',
  ].join('\n');
}

const oneLine = anyName.map((name) => name.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()).filter((name) => name.length > 0);

interface Reading {
  doc: BlueprintDocument;
  diagnostics: Diagnostic[];
  unresolved: number;
  fields: Map<string, string>;
}

async function read(text: string): Promise<Reading> {
  const { workspace, diagnostics } = await runFixture({ [PATH]: text });
  const doc = workspace.get(URI_)!;
  const unresolved = doc.references.filter((ref) => !workspace.resolve(URI_, ref)).length;
  const fields = new Map(allItems(doc).map((item) => [`${item.kind}:${item.id}`, JSON.stringify(item.fields.map((f) => [f.key, f.value]))]));
  return { doc, diagnostics: diagnostics[PATH]!, unresolved, fields };
}

async function checkFix(text: string, before: Reading, finding: Diagnostic, fix: Fix): Promise<void> {
  const after = await read(applyTextEdits(text, fix.edits));
  const count = (reading: Reading): number => reading.diagnostics.filter((d) => d.rule === finding.rule).length;
  if (finding.rule === 'persona-not-heard') {
    // Its fix writes an empty `heard:` for the author to fill in: the field is there, the finding stays until then.
    expect(after.doc.personas.filter((p) => p.fields.some((f) => f.key === 'heard')).length).toBe(before.doc.personas.filter((p) => p.fields.some((f) => f.key === 'heard')).length + 1);
  } else {
    expect(count(after), `${finding.rule}: ${fix.title}`).toBeLessThan(count(before));
  }
  expect(after.unresolved).toBeLessThanOrEqual(before.unresolved);
  if (finding.rule === 'unknown-persona' || finding.rule === 'unknown-story') expect(after.unresolved).toBeLessThan(before.unresolved);
  // Only the target item's fields change; every other item keeps its fields.
  const target = allItems(before.doc).find((item) => item.range.start.line <= finding.range.start.line && finding.range.start.line <= item.range.end.line && item.kind !== 'stage');
  for (const [key, fields] of before.fields) {
    if (target && key === `${target.kind}:${target.id}`) continue;
    expect(after.fields.get(key), key).toBe(fields);
  }
  if (finding.rule === 'step-without-persona') {
    const step = after.doc.steps.find((s) => s.id === target?.id)!;
    expect(step.fields[0]?.key).toBe('persona');
  }
}

describe('quick-fix round trip', () => {
  it('every fix of every finding: only its target changes, and it reads back as intended', async () => {
    await fc.assert(
      fc.asyncProperty(oneLine, oneLine, fc.boolean(), async (persona, story, nearMiss) => {
        const id = idOf(persona);
        const typo = nearMiss && id.length > 3 ? id.slice(0, -1) : 'mari';
        const text = blueprint(persona, story, typo);
        const before = await read(text);
        for (const finding of before.diagnostics) for (const fix of finding.fixes ?? []) await checkFix(text, before, finding, fix);
      }),
      { numRuns: 15 },
    );
  });

  it.each(['Maria 😀', 'Zoe\u0308', 'Ma]ria', 'Step: Zoë', '[Zoë](https://x.example)', 'Zoë <!-- c -->'])('with the persona %j', async (persona) => {
    const text = blueprint(persona, 'Lost letter', 'mari');
    const before = await read(text);
    expect(before.diagnostics.some((d) => (d.fixes ?? []).length > 0)).toBe(true);
    for (const finding of before.diagnostics) for (const fix of finding.fixes ?? []) await checkFix(text, before, finding, fix);
  });
});

describe('fixes never offer what their form cannot spell', () => {
  const text = blueprint('Maria 😀', 'Lost letter', 'maria-x');

  it('add persona links to a persona whose id @ cannot spell, and the link resolves', async () => {
    const before = await read(text);
    const finding = before.diagnostics.find((d) => d.rule === 'step-without-persona')!;
    expect(finding.fixes!.map((f) => f.title)).toContain('Add persona [Maria 😀](#maria-)');
    const fix = finding.fixes!.find((f) => f.title.includes('😀'))!;
    const after = await read(applyTextEdits(text, fix.edits));
    expect(after.diagnostics.filter((d) => d.rule === 'step-without-persona')).toEqual([]);
    expect(after.doc.steps[0]!.references[0]).toMatchObject({ form: 'link', slug: 'maria-' });
  });

  it('did-you-mean does not suggest @maria- (it would read as @maria and loop)', async () => {
    const before = await read(text);
    const finding = before.diagnostics.find((d) => d.rule === 'unknown-persona')!;
    expect(finding.fixes!.map((f) => f.title)).not.toContain('Change to @maria-');
  });
});
