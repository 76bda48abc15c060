/**
 * An open file while the workspace is indexed (issue 13): its first check runs in steps
 * while files are indexed, edited or removed between them, and later checks keep results
 * until something the file reads changes. Whatever happens in between, the findings must
 * be those of a fresh workspace checking the file in one go.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace/workspace';
import { allRules } from '../../../src/core/rules/registry';
import { applyEdit, blueprintLine, CROSS_FILE_FRONT, CROSS_FILE_LINES, edits } from './arbitraries';

const URIS = ['file:///w/main.blueprint.md', 'file:///w/personas.blueprint.md', 'file:///w/other.blueprint.md', 'file:///w/sub/deep.blueprint.md', 'file:///w/third.blueprint.md'];
const MAIN = URIS[0];
const host = { readFile: async (): Promise<string | undefined> => undefined };

const FRONT = [...CROSS_FILE_FRONT, '---\npersonas: third.blueprint.md\n---\n'];
const EXTRA = [
  ...CROSS_FILE_LINES,
  '- persona: [Maria](main.blueprint.md#maria)',
  '- story: [Lost](third.blueprint.md#lost)',
  '## Personas\n\n### Maria\n- heard: 2024-01-01\n- vulnerable: yes',
];
const line = fc.oneof({ weight: 3, arbitrary: blueprintLine }, { weight: 2, arbitrary: fc.constantFrom(...EXTRA) });
const fileText = fc.tuple(fc.constantFrom(...FRONT), fc.array(line, { maxLength: 30 })).map(([front, lines]) => front + lines.join('\n'));

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A fresh workspace holding these files (undefined: not there), every one a full model. */
function fresh(texts: Array<string | undefined>): BlueprintWorkspace {
  const workspace = new BlueprintWorkspace(host);
  texts.forEach((text, i) => text !== undefined && workspace.setText(URIS[i], text));
  return workspace;
}

/** What may happen between two steps of the open file's check, or between two checks. */
const change = fc.oneof(
  // A file indexed (added or changed) as a compact document.
  fc.record({ kind: fc.constant('index' as const), file: fc.integer({ min: 1, max: URIS.length - 1 }), text: fileText }),
  // A file indexed again after an edit on disk.
  fc.record({ kind: fc.constant('reindex' as const), file: fc.integer({ min: 1, max: URIS.length - 1 }), edit: edits }),
  fc.record({ kind: fc.constant('remove' as const), file: fc.integer({ min: 1, max: URIS.length - 1 }) }),
  // The open file edited.
  fc.record({ kind: fc.constant('edit' as const), edit: edits }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function apply(workspace: BlueprintWorkspace, texts: Array<string | undefined>, c: Change): void {
  if (c.kind === 'index') {
    texts[c.file] = c.text;
    workspace.setCompactText(URIS[c.file], c.text);
  } else if (c.kind === 'reindex') {
    const before = texts[c.file];
    if (before === undefined) return;
    let text = before;
    for (const e of c.edit) text = applyEdit(text, e);
    texts[c.file] = text;
    workspace.setCompactText(URIS[c.file], text);
  } else if (c.kind === 'remove') {
    texts[c.file] = undefined;
    workspace.remove(URIS[c.file]);
  } else {
    let text = texts[0]!;
    for (const e of c.edit) text = applyEdit(text, e);
    texts[0] = text;
    workspace.setText(MAIN, text);
  }
}

/** The workspace with the open file and some others indexed, as when a file is opened while indexing starts. */
function opened(texts: Array<string | undefined>, indexed: boolean[]): BlueprintWorkspace {
  const workspace = new BlueprintWorkspace(host);
  texts.forEach((text, i) => {
    if (i > 0 && !indexed[i]) texts[i] = undefined;
    else if (i > 0) workspace.setCompactText(URIS[i], text!);
  });
  const steps = workspace.setTextInSteps(MAIN, texts[0]!);
  for (let step = steps.next(); !step.done; step = steps.next());
  return workspace;
}

describe('the open file while the workspace is indexed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('its first check in steps, with files indexed, removed or the file edited between the steps, gives the findings of a check in one go', () => {
    let paused = 0;
    fc.assert(
      fc.property(
        fc.array(fileText, { minLength: URIS.length, maxLength: URIS.length }),
        fc.array(fc.boolean(), { minLength: URIS.length, maxLength: URIS.length }),
        fc.array(fc.tuple(fc.nat({ max: 12 }), change), { maxLength: 5 }),
        (initial, indexed, changes) => {
          const texts: Array<string | undefined> = [...initial];
          const workspace = opened(texts, indexed);
          const steps = workspace.diagnosticsInSteps(MAIN);
          let result: unknown;
          for (let n = 0; ; n++) {
            const step = steps.next();
            if (step.done) {
              result = step.value;
              break;
            }
            paused++;
            for (const [at, c] of changes) if (at === n) apply(workspace, texts, c);
          }
          expect(plain(result)).toEqual(plain(fresh(texts).diagnostics(MAIN)));
          // And the results it kept serve the next check.
          expect(plain(workspace.diagnostics(MAIN))).toEqual(plain(fresh(texts).diagnostics(MAIN)));
        },
      ),
      { numRuns: 120 },
    );
    expect(paused).toBeGreaterThan(600);
  }, 300_000);

  it('later checks, with files indexed, removed and the file edited in between, give the findings of a fresh workspace', () => {
    fc.assert(
      fc.property(
        fc.array(fileText, { minLength: URIS.length, maxLength: URIS.length }),
        fc.array(fc.boolean(), { minLength: URIS.length, maxLength: URIS.length }),
        fc.array(fc.array(change, { maxLength: 3 }), { maxLength: 6 }),
        (initial, indexed, rounds) => {
          const texts: Array<string | undefined> = [...initial];
          const workspace = opened(texts, indexed);
          expect(plain(workspace.diagnostics(MAIN))).toEqual(plain(fresh(texts).diagnostics(MAIN)));
          for (const round of rounds) {
            for (const c of round) apply(workspace, texts, c);
            expect(plain(workspace.diagnostics(MAIN))).toEqual(plain(fresh(texts).diagnostics(MAIN)));
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);

  const MAIN_TEXT = [
    '---', 'personas: personas.blueprint.md', '---', '', '## Personas', '', '### Zoe', '- heard: 2024-01-01', '', '## Journey', '',
    ...Array.from({ length: 40 }, (_, i) => [`### Step: Step ${i}`, '- persona: @maria', `- customer: does ${i}`, '']).flat(),
  ].join('\n');
  const PERSONAS_TEXT = '## Personas\n\n### Maria\n- heard: 2024-01-01\n';

  /** Counts the rules' checks from now on. */
  function countChecks(): { whole: () => number; items: () => number } {
    let whole = 0;
    let items = 0;
    for (const rule of allRules) {
      if (rule.check) {
        const check = rule.check.bind(rule);
        vi.spyOn(rule, 'check').mockImplementation((context) => ((whole++), check(context)));
      }
      if (rule.checkItem) {
        const checkItem = rule.checkItem.bind(rule);
        vi.spyOn(rule, 'checkItem').mockImplementation((context, item) => ((items++), checkItem(context, item)));
      }
    }
    return { whole: () => whole, items: () => items };
  }

  it('is not checked again when a file indexed changes nothing it reads; it is when the file changes what it reads', () => {
    const workspace = new BlueprintWorkspace(host);
    workspace.setCompactText(URIS[1], PERSONAS_TEXT);
    workspace.setText(MAIN, MAIN_TEXT);
    const first = workspace.diagnostics(MAIN);
    expect(first.map((d) => d.rule)).toEqual(['unused-persona']);
    const counted = countChecks();
    // Files that neither its scope, its links nor anything that sees it involve.
    workspace.setCompactText(URIS[2], '## Journey\n\n### Step: Elsewhere\n- persona: @maria\n');
    workspace.setCompactText(URIS[4], '---\npersonas: personas.blueprint.md\n---\n## Journey\n\n### Step: Uses Maria\n- persona: @maria\n');
    const again = workspace.diagnostics(MAIN);
    expect(counted.whole() + counted.items()).toBe(0);
    expect(again).toEqual(first);
    // A file indexed that links to its persona Zoe: Zoe is used now.
    workspace.setCompactText(URIS[2], '## Journey\n\n### Step: Elsewhere\n- persona: [Zoe](main.blueprint.md#zoe)\n');
    expect(workspace.diagnostics(MAIN)).toEqual([]);
    // Its personas file loses Maria: every step's reference is unknown now.
    const mario = '## Personas\n\n### Mario\n- heard: 2024-01-01\n';
    workspace.setCompactText(URIS[1], mario);
    expect(workspace.diagnostics(MAIN).filter((d) => d.rule === 'unknown-persona')).toHaveLength(40);
    expect(plain(workspace.diagnostics(MAIN))).toEqual(plain(fresh([MAIN_TEXT, mario, '## Journey\n\n### Step: Elsewhere\n- persona: [Zoe](main.blueprint.md#zoe)\n']).diagnostics(MAIN)));
  });

  it('after a file indexed that changes nothing it reads, an edit checks only the items it touched', () => {
    const workspace = new BlueprintWorkspace(host);
    workspace.setCompactText(URIS[1], PERSONAS_TEXT);
    workspace.setText(MAIN, MAIN_TEXT);
    workspace.diagnostics(MAIN);
    workspace.setCompactText(URIS[2], '## Journey\n\n### Step: Elsewhere\n- persona: @maria\n');
    const counted = countChecks();
    const edited = MAIN_TEXT.replace('- customer: does 7', '- customer: does seven');
    workspace.setText(MAIN, edited);
    const diagnostics = workspace.diagnostics(MAIN);
    // One step, for each per-item rule (6 of them); the whole-document rules run once each.
    expect(counted.items()).toBeLessThanOrEqual(6);
    expect(counted.whole()).toBeGreaterThan(0);
    expect(plain(diagnostics)).toEqual(plain(fresh([edited, PERSONAS_TEXT, '## Journey\n\n### Step: Elsewhere\n- persona: @maria\n']).diagnostics(MAIN)));
  });
});
