import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, describeChange, headline, countChanges } from '../../../src/core/index';
import { BASE, HEAD } from './fixtures';
import { diffTexts, toDutch } from './helpers';

describe.each([
  ['English', (text: string) => text],
  ['Dutch', toDutch],
])('semantic diff of a blueprint in %s', (_lang, translate) => {
  const diff = () => diffTexts(translate(BASE), translate(HEAD));

  it('finds every kind of change', async () => {
    const { changes } = await diff();
    const kinds = new Set(changes.map((change) => change.kind));
    expect([...CHANGE_KINDS].filter((kind) => !kinds.has(kind) && kind !== 'stage-renamed')).toEqual([]);
  });

  it('names steps, stages and personas by id, with the head line (base line for removals)', async () => {
    const { changes } = await diff();
    const head = translate(HEAD).split('\n');
    const base = translate(BASE).split('\n');
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'step-moved', step: 'sends-the-papers', from: 'apply', to: 'find-out' }));
    const moved = changes.find((c) => c.kind === 'step-moved');
    expect(head[(moved?.line ?? 0) - 1]).toMatch(/Sends the papers/);
    expect(changes).toContainEqual(expect.objectContaining({
      kind: 'step-renamed', step: 'completes-the-online-form', previous: 'fills-in-the-form', from: 'Fills in the form', to: 'Completes the online form',
    }));
    const removed = changes.find((c) => c.kind === 'step-removed');
    expect(removed).toMatchObject({ step: 'waits-for-the-letter', stage: 'wait' });
    expect(base[(removed?.line ?? 0) - 1]).toMatch(/Waits for the letter/);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'step-added', step: 'asks-for-help', stage: 'apply' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'stage-added', stage: 'decide' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'stage-removed', stage: 'wait' }));
  });

  it('tells own personas from inherited ones, and reads emotions as numbers', async () => {
    const { changes } = await diff();
    const of = (step: string) => changes.filter((c) => 'step' in c && c.step === step);
    expect(of('reads-the-web-page')).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'persona-removed', persona: 'maria', inherited: false }),
      expect.objectContaining({ kind: 'persona-added', persona: 'ahmed', inherited: true }),
      expect.objectContaining({ kind: 'emotion-changed', persona: null, from: -2, to: 1 }),
    ]));
    expect(of('calls-the-office')).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'lane-changed', lane: 'channel', from: 'phone', to: 'phone, chat' }),
      expect.objectContaining({ kind: 'story-unlinked', story: 'letters-are-hard' }),
      expect.objectContaining({ kind: 'persona-removed', persona: 'kees', inherited: false }),
    ]));
    expect(of('completes-the-online-form')).toContainEqual(expect.objectContaining({ kind: 'story-linked', story: 'letters-are-hard' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'persona-defined', persona: 'sanne' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'persona-deleted', persona: 'kees' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'story-defined', story: 'decision-is-clear' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'story-deleted', story: 'waiting-is-long' }));
  });

  it('matches findings by rule and item: the unknown persona is new, the misspelt field fixed', async () => {
    const { changes } = await diff();
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'finding-new', rule: 'unknown-persona', item: 'step:asks-for-help', severity: 'error' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'finding-fixed', rule: 'unknown-field', item: 'step:sends-the-papers' }));
  });

  it('puts what needs attention first: the lost persona, the vulnerable persona, the dropped emotion, the new error', async () => {
    const { attention } = await diff();
    expect(attention).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'step-lost-persona', step: 'reads-the-web-page', inherits: ['ahmed'] }),
      expect.objectContaining({ kind: 'vulnerable-persona-lost-steps', persona: 'maria', from: 3, to: 2 }),
      expect.objectContaining({ kind: 'emotion-dropped', step: 'completes-the-online-form', from: -1, to: -2 }),
      expect.objectContaining({ kind: 'new-error', rule: 'unknown-persona' }),
    ]));
  });
});

describe('semantic diff: words', () => {
  it('describes changes and counts them in English and Dutch', async () => {
    const { changes, attention } = await diffTexts(BASE, HEAD);
    const moved = changes.find((c) => c.kind === 'step-moved');
    expect(moved && describeChange(moved, 'en')).toBe('moved from apply to find-out');
    expect(moved && describeChange(moved, 'nl')).toBe('verplaatst van apply naar find-out');
    const count = countChanges(changes, attention);
    expect(headline(count, 'en')).toMatch(/^Steps: 2 added · 1 removed · 1 moved · 1 renamed · \d+ changed · Stages: 1 added · 1 removed · Findings: \d+ new, \d+ fixed · ⚠ 4 to look at$/);
    expect(headline(count, 'nl')).toMatch(/^Stappen: 2 toegevoegd/);
  });

  it('finds a stage renamed when its steps went along', async () => {
    const { changes } = await diffTexts(BASE, BASE.replace('### Stage: Apply', '### Stage: Apply online'));
    expect(changes.filter((c) => !c.kind.startsWith('finding'))).toEqual([
      expect.objectContaining({ kind: 'stage-renamed', stage: 'apply-online', previous: 'apply', from: 'Apply', to: 'Apply online' }),
    ]);
  });

  it('treats a step whose content changed as much as its title as removed and added', async () => {
    const head = BASE.replace('#### Step: Sends the papers\n- persona: @ahmed\n- customer: posts the papers to the municipality\n- chanel: post',
      '#### Step: Books an appointment\n- persona: @kees\n- customer: books a slot at the desk online');
    const kinds = (await diffTexts(BASE, head)).changes.map((c) => c.kind);
    expect(kinds).toContain('step-removed');
    expect(kinds).toContain('step-added');
    expect(kinds).not.toContain('step-renamed');
  });

  it('reports a whole file added and removed', async () => {
    const added = await diffTexts('', HEAD);
    expect(added.changes.filter((c) => c.kind === 'step-added')).toHaveLength(6);
  });
});

/** A journey of generated parts, for the shapes an attacker would send. */
const journey = (body: string): string => `---\nblueprint: Big\nlang: en\n---\n\n# Big\n\n## Personas\n\n### Maria\n\n## Journey\n\n${body}`;

describe('semantic diff: many items (hostile sizes; timing is in bench/hostile-commands.ts)', () => {
  it('pairs many findings of one rule on one step by message, then in order', async () => {
    const refs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `@${prefix}${i}`).join(', ');
    const base = journey(`### Step: One\n- persona: ${refs('p', 300)}\n- customer: x\n`);
    // The same 300 unknown personas in reverse order, plus 5 new ones.
    const head = journey(`### Step: One\n- persona: ${refs('p', 300).split(', ').reverse().join(', ')}, ${refs('q', 5)}\n- customer: x\n`);
    const { changes, existingFindings } = await diffTexts(base, head);
    const fresh = changes.filter((c) => c.kind === 'finding-new');
    expect(fresh).toHaveLength(5);
    expect(fresh.map((c) => c.kind === 'finding-new' && c.message)).toEqual(Array.from({ length: 5 }, (_, i) => expect.stringContaining(`'q${i}'`)));
    expect(changes.filter((c) => c.kind === 'finding-fixed')).toHaveLength(0);
    expect(existingFindings).toBeGreaterThanOrEqual(300);
  });

  it('keys findings to the step, stage, persona or story whose lines hold them', async () => {
    const body = Array.from({ length: 200 }, (_, i) => `### Stage: Stage ${i}\n\n#### Step: Step ${i}\n- customer: c${i}\n`).join('\n');
    const base = journey(body);
    const head = journey(body.replace(/### Stage: Stage /g, '### Stage: Phase '));
    const { changes } = await diffTexts(base, head);
    // Every stage renamed (its step went along), no step moved, and the 200 findings (no persona) are not new.
    expect(changes.filter((c) => c.kind === 'stage-renamed')).toHaveLength(200);
    expect(changes.filter((c) => c.kind !== 'stage-renamed')).toEqual([]);
  });

  it('looks for renames only while the word comparisons stay bounded: a rewrite of long steps is removed and added', async () => {
    const steps = (title: string, n: number, words: number) => Array.from({ length: n }, (_, i) =>
      `### Step: ${title} ${i}\n- persona: @maria\n- customer: ${Array.from({ length: words }, (_, j) => `w${(i * 7 + j) % 900}`).join(' ')}\n`).join('\n');
    // 100 x 100 steps of 120 words: renames are found.
    const small = await diffTexts(journey(steps('Old', 100, 120)), journey(steps('New', 100, 120)));
    expect(small.changes.filter((c) => c.kind === 'step-renamed')).toHaveLength(100);
    // 460 x 460 steps of 120 words (25 million look-ups and more): a rewrite, not an edit.
    const large = await diffTexts(journey(steps('Old', 460, 120)), journey(steps('New', 460, 120)));
    expect(large.changes.filter((c) => c.kind === 'step-renamed')).toHaveLength(0);
    expect(large.changes.filter((c) => c.kind === 'step-removed')).toHaveLength(460);
  });

  it('one step that comes to name 150,000 personas: every change listed, no stack overflow', { timeout: 60_000 }, async () => {
    const refs = Array.from({ length: 150_000 }, (_, i) => `@p${i}`).join(', ');
    const { changes } = await diffTexts(journey('### Step: One\n- customer: x\n'), journey(`### Step: One\n- persona: ${refs}\n- customer: x\n`));
    expect(changes.filter((c) => c.kind === 'persona-added')).toHaveLength(150_000);
    expect(changes.filter((c) => c.kind === 'finding-new')).toHaveLength(150_000);
  });
});

