/**
 * Files that are not open are kept as compact documents (ids with their ranges,
 * references out, `personas:` files; no text, fields or parser caches). Whatever mix of
 * full and compact documents a workspace holds, and whatever edits, opens and closes
 * happen, the findings (fixes included) and the cross-file answers for the open files must
 * be exactly those of a workspace holding every file as a full model (issue 13).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace/workspace';
import { compactDocument } from '../../../src/core/workspace/compact';
import { COMPACT_FORMAT, loadCompact, storeCompact } from '../../../src/core/workspace/compact-cache';
import { parseBlueprint } from '../../../src/core/parse';
import { parseForCompactInSteps } from '../../../src/core/parse/parser';
import { runToEnd } from '../../../src/core/steps';
import type { Item, Reference } from '../../../src/core/model';
import { applyEdit, blueprintLine, CROSS_FILE_FRONT, CROSS_FILE_LINES, edits } from './arbitraries';

const URIS = ['file:///w/main.blueprint.md', 'file:///w/personas.blueprint.md', 'file:///w/other.blueprint.md', 'file:///w/sub/deep.blueprint.md'];
const host = { readFile: async (): Promise<string | undefined> => undefined };

const FRONT = [...CROSS_FILE_FRONT, '---\nbroken: [\n---\n'];
const EXTRA = [...CROSS_FILE_LINES, '## Personas\n\n### Maria\n- heard: 2024-01-01'];
const line = fc.oneof({ weight: 4, arbitrary: blueprintLine }, { weight: 1, arbitrary: fc.constantFrom(...EXTRA) });
const fileText = fc.tuple(fc.constantFrom(...FRONT), fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, lines, eol]) => (front + lines.join('\n')).replace(/\n/g, eol));

/**
 * A document as plain data with the ranges compact documents keep packed (read through
 * their getters, which neither JSON nor a deep comparison sees).
 */
function withRanges(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    value.forEach((v) => copy.push(withRanges(v, seen)));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  const keys = new Set([...Object.keys(value), ...['range', 'slugRange', 'headingRange', 'nameRange', 'fieldInsertPosition'].filter((k) => k in value)]);
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) copy[key] = withRanges(v, seen);
  }
  return copy;
}

/** Plain data: the same findings and answers whatever object identities lie behind them. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function answers(workspace: BlueprintWorkspace, uri: string): unknown {
  const doc = workspace.get(uri)!;
  const located = (list: Array<{ uri: string; item?: { id: string; headingRange: unknown }; ref?: { range: unknown } }>): unknown =>
    list.map((l) => [l.uri, l.item?.id, l.item?.headingRange, l.ref?.range]);
  return plain({
    diagnostics: workspace.diagnostics(uri),
    personas: doc.personas.map((p) => located(workspace.stepsUsingPersona(uri, p.id))),
    stories: doc.stories.map((s) => located(workspace.stepsAnsweringStory(uri, s.id))),
    refsTo: [...doc.personas, ...doc.stories, ...doc.steps].map((item) => located(workspace.referencesTo(uri, item.id, item.kind))),
    resolved: doc.references.map((ref) => {
      const found = workspace.resolve(uri, ref);
      return found && [found.uri, found.item.id, found.item.headingRange];
    }),
    scope: workspace.scope(uri).map((d) => d.uri),
    inScope: workspace.personasInScope(uri).map((p) => [p.uri, p.item.id]),
  });
}

/**
 * The cross-file answers computed the slow, obvious way (every step and reference of every
 * document resolved), as an oracle for the index, which only looks at the documents that
 * can see a file.
 */
function bruteForce(workspace: BlueprintWorkspace, uri: string): unknown {
  const doc = workspace.get(uri)!;
  const hits = (from: string, ref: Reference, item: Item): boolean => {
    const found = workspace.resolve(from, ref);
    return found !== undefined && found.uri === uri && found.item === item;
  };
  const stepsFor = (item: Item): unknown =>
    workspace.documents().flatMap((d) =>
      d.steps
        .filter((step) => [...workspace.effectivePersonas(d.uri, step), ...step.references.filter((r) => r.kind === 'story')].some((ref) => hits(d.uri, ref, item)))
        .map((step) => [d.uri, step.id, step.headingRange, undefined]),
    );
  const refsFor = (item: Item): unknown =>
    workspace.documents().flatMap((d) => d.references.filter((ref) => hits(d.uri, ref, item)).map((ref) => [d.uri, undefined, undefined, ref.range]));
  const first = <T extends Item>(items: T[]): T[] => items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i);
  return plain({
    personas: doc.personas.map((p) => (first(doc.personas).includes(p) ? stepsFor(p) : stepsFor(first(doc.personas).find((q) => q.id === p.id)!))),
    stories: doc.stories.map((s) => stepsFor(first(doc.stories).find((q) => q.id === s.id)!)),
    personaRefs: doc.personas.map((p) => refsFor(first(doc.personas).find((q) => q.id === p.id)!)),
  });
}

function full(texts: string[]): BlueprintWorkspace {
  const workspace = new BlueprintWorkspace(host);
  texts.forEach((text, i) => workspace.setText(URIS[i], text));
  return workspace;
}

describe('compact documents', () => {
  it('findings and cross-file answers for open files equal those of all full models, after random edits, opens and closes', () => {
    const action = fc.record({ file: fc.nat({ max: URIS.length - 1 }), edit: fc.option(edits, { nil: undefined }), toggle: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fileText, { minLength: URIS.length, maxLength: URIS.length }), fc.array(fc.boolean(), { minLength: URIS.length, maxLength: URIS.length }), fc.array(action, { maxLength: 6 }), (texts, open, actions) => {
        open[0] = true;
        const mixed = new BlueprintWorkspace(host);
        // Compact documents come in any order, as a background index adds them.
        // Some come from a cache: written as JSON and read back.
        texts.forEach((text, i) => {
          if (open[i]) mixed.setText(URIS[i], text);
          else if (i % 2 === 0) mixed.setCompactText(URIS[i], text);
          else mixed.setCompact(URIS[i], loadCompact(JSON.parse(JSON.stringify(storeCompact(compactDocument(parseBlueprint(text, URIS[i]))))))!);
        });
        const check = (): void => {
          const reference = full(texts);
          URIS.forEach((uri, i) => {
            const expected = answers(reference, uri) as { personas: unknown; stories: unknown; refsTo: unknown[] };
            const oracle = bruteForce(reference, uri) as { personas: unknown; stories: unknown; personaRefs: unknown[] };
            expect(expected.personas).toEqual(oracle.personas);
            expect(expected.stories).toEqual(oracle.stories);
            expect(expected.refsTo.slice(0, oracle.personaRefs.length)).toEqual(oracle.personaRefs);
            if (open[i]) expect(answers(mixed, uri)).toEqual(expected);
            else expect(mixed.isCompact(uri)).toBe(true);
          });
        };
        check();
        for (const { file, edit, toggle } of actions) {
          for (const e of edit ?? []) texts[file] = applyEdit(texts[file], e);
          if (toggle && file !== 0) {
            open[file] = !open[file];
            if (open[file]) mixed.setText(URIS[file], texts[file]);
            else if (edit) mixed.setCompactText(URIS[file], texts[file]);
            else mixed.release(URIS[file]);
          } else if (open[file]) mixed.setText(URIS[file], texts[file]);
          else mixed.setCompactText(URIS[file], texts[file]);
          check();
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('findings of a file checked while others are still loading equal the final ones whenever its recorded answers stand', () => {
    let stood = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fileText, { minLength: URIS.length, maxLength: URIS.length }), fc.array(fc.nat({ max: 3 }), { minLength: URIS.length, maxLength: URIS.length }), (texts, order) => {
        // Loaded in a random order, each file checked as it comes, then kept compactly (as the CLI does).
        const sequence = URIS.map((uri, i) => ({ uri, text: texts[i], key: order[i] * 10 + i })).sort((a, b) => a.key - b.key);
        // Lean compact documents, as the CLI keeps them.
        const workspace = new BlueprintWorkspace(host, { leanCompact: true });
        const recorded = new Map<string, ReturnType<BlueprintWorkspace['recordedDiagnostics']>>();
        for (const { uri, text } of sequence) {
          workspace.setText(uri, text);
          recorded.set(uri, workspace.recordedDiagnostics(uri));
          workspace.release(uri);
        }
        const reference = full(texts);
        for (const uri of URIS) {
          const { diagnostics, calls } = recorded.get(uri)!;
          runs++;
          if (!workspace.answersStand(calls)) continue;
          stood++;
          expect(plain(diagnostics)).toEqual(plain(reference.diagnostics(uri)));
        }
      }),
      { numRuns: 300 },
    );
    // Not a vacuous truth: most files' answers stand.
    expect(stood).toBeGreaterThan(runs / 2);
  }, 120_000);

  it('questions about references that differ only in their link target are recorded apart, repeats once', () => {
    const workspace = new BlueprintWorkspace(host, { leanCompact: true });
    workspace.setText(URIS[0], '## Journey\n\n### Step: Calls\n- persona: @zoe\n- persona: [Zoe](other.blueprint.md#zoe)\n- persona: [Zoe](sub/deep.blueprint.md#zoe)\n- persona: @zoe\n');
    const { calls } = workspace.recordedDiagnostics(URIS[0]);
    const resolves = [...calls.values()].filter((call) => call.method === 'resolve').map((call) => (call.args[1] as Reference).target ?? '');
    expect(resolves.sort()).toEqual(['', 'other.blueprint.md', 'sub/deep.blueprint.md']);
  });

  it('lean compact documents (the CLI) give the findings of full models', () => {
    fc.assert(
      fc.property(fc.array(fileText, { minLength: URIS.length, maxLength: URIS.length }), fc.nat({ max: URIS.length - 1 }), (texts, checked) => {
        const lean = new BlueprintWorkspace(host, { leanCompact: true });
        texts.forEach((text, i) => (i === checked ? lean.setText(URIS[i], text) : lean.setCompactText(URIS[i], text)));
        expect(lean.isCompact(URIS[(checked + 1) % URIS.length])).toBe(true);
        const reference = full(texts);
        expect(plain(lean.diagnostics(URIS[checked]))).toEqual(plain(reference.diagnostics(URIS[checked])));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('keeps no text, fields or descriptions, and copies the strings it keeps', () => {
    const text = ['---', 'personas: personas.blueprint.md', '---', '## Personas', '', '### Maria', '- vulnerable: yes', 'About Maria.', '', '## Journey', '', '### Step: Reads the letter with care', '- persona: @maria', '- customer: reads'].join('\n');
    const compact = compactDocument(parseBlueprint(text, URIS[0]));
    expect(compact.text).toBe('');
    expect(compact.personas[0]).toMatchObject({ id: 'maria', fields: [], description: '', vulnerable: true });
    expect(compact.steps[0].references.map((r) => r.slug)).toEqual(['maria']);
    expect(compact.steps[0]).toBe(compact.stages.length ? compact.stages[0].steps[0] : compact.steps[0]);
    expect(compact.frontMatter?.personaFiles.map((f) => f.path)).toEqual(['personas.blueprint.md']);
    expect(compact.compact?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(compactDocument(compact)).toBe(compact);
  });

  it('reads back from its JSON form as the same compact document, with the same shared objects', () => {
    fc.assert(
      fc.property(fileText, (text) => {
        const compact = compactDocument(parseBlueprint(text, URIS[0]));
        const back = loadCompact(JSON.parse(JSON.stringify(storeCompact(compact))))!;
        expect(withRanges(back)).toEqual(withRanges(compact));
        const lean = compactDocument(parseBlueprint(text, URIS[0]), true);
        expect(withRanges(loadCompact(JSON.parse(JSON.stringify(storeCompact(lean)))))).toEqual(withRanges(lean));
        back.stages.forEach((stage) => stage.steps.forEach((step) => expect(back.steps).toContain(step)));
        back.steps.forEach((step) => step.references.forEach((ref) => expect(back.references).toContain(ref)));
      }),
      { numRuns: 200 },
    );
    expect(loadCompact({ ...storeCompact(compactDocument(parseBlueprint('# T', URIS[0]))), format: 0 })).toBeUndefined();
  });

  it('reads back positions past 65535 (a long line) and many lines from its JSON form', () => {
    const long = `# T\n\n## Journey\n\n### Step: A\n- persona: ${'x'.repeat(70_000)} @maria\n${'\n'.repeat(3000)}### Step: B\n- persona: @maria\n`;
    const compact = compactDocument(parseBlueprint(long, URIS[0]));
    const back = loadCompact(JSON.parse(JSON.stringify(storeCompact(compact))))!;
    expect(withRanges(back)).toEqual(withRanges(compact));
    expect(back.references[0].range.start.character).toBeGreaterThan(65_535);
    expect(back.steps[1].headingRange.start.line).toBeGreaterThan(3000);
  });

  it("the index's parse for a compact document gives the compact document of the full model (lean or not), whatever the text", () => {
    const anyText = fc.oneof(fileText, fc.string({ maxLength: 300 }), fc.array(fc.constantFrom('# A', '## Personas', '### Maria', '- vulnerable: yes', '- vulnerable: nee', '- heard: 2024', '- persona: @maria, #lost', '```', '<div>', '', '- story: [L](o.md#lost)', '> quote'), { maxLength: 30 }).map((lines) => lines.join('\n')));
    fc.assert(
      fc.property(anyText, (text) => {
        const full = parseBlueprint(text, URIS[0]);
        for (const lean of [false, true]) {
          const slim = compactDocument(runToEnd(parseForCompactInSteps(text, URIS[0])), lean);
          expect(withRanges(slim)).toEqual(withRanges(compactDocument(full, lean)));
          slim.stages.forEach((stage) => stage.steps.forEach((step) => expect(slim.steps).toContain(step)));
          slim.steps.forEach((step) => step.references.forEach((ref) => expect(slim.references).toContain(ref)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every range of the full model, packed (items, references, front matter, sections)', () => {
    fc.assert(
      fc.property(fileText, (text) => {
        const doc = parseBlueprint(text, URIS[0]);
        const compact = compactDocument(doc);
        const ranges = (d: typeof doc): unknown => withRanges({
          items: [...d.personas, ...d.stories, ...d.stages, ...d.steps].map((item) => [item.kind, item.id, item.name, item.headingRange, item.nameRange, item.range, item.fieldInsertPosition, item.references.map((ref) => d.references.indexOf(ref))]),
          references: d.references.map((ref) => [ref.kind, ref.form, ref.slug, ref.text, ref.field, ref.target, ref.fromItem, ref.range, ref.slugRange]),
          sections: d.sections,
          frontMatter: d.frontMatter && [d.frontMatter.range, d.frontMatter.personaFiles, d.frontMatter.personaRefs.map((ref) => d.references.indexOf(ref))],
        });
        expect(ranges(compact)).toEqual(ranges(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores a cache entry that is cut short, altered or foreign, and never throws', () => {
    const stored = storeCompact(compactDocument(parseBlueprint('---\npersonas: p.blueprint.md\n---\n# T\n\n## Journey\n\n### Step: A\n- persona: @maria\n- story: [S](o.blueprint.md#s)\n', URIS[0])));
    const json = JSON.stringify(stored);
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.integer({ min: -3, max: 40 })), fc.object(), fc.constant(-1), fc.constant(2 ** 40));
    fc.assert(
      fc.property(fc.nat(), junk, (at, value) => {
        // One value anywhere in the stored form replaced by junk.
        const copy = JSON.parse(json) as Record<string, unknown>;
        const paths: Array<[Record<string, unknown> | unknown[], string | number]> = [];
        const walk = (node: unknown): void => {
          if (node === null || typeof node !== 'object') return;
          for (const [key, v] of Object.entries(node)) {
            paths.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
            walk(v);
          }
        };
        walk(copy);
        const [parent, key] = paths[at % paths.length];
        (parent as Record<string | number, unknown>)[key] = value;
        const loaded = loadCompact(copy as never);
        if (loaded) {
          // Whatever it accepted can be used: its ranges read and stored again.
          withRanges(loaded);
          storeCompact(loaded);
        }
      }),
      { numRuns: 500 },
    );
    for (const bad of [undefined, null, 0, 'x', [], {}, { format: COMPACT_FORMAT }, { ...stored, pos: stored.pos.slice(1) }, { ...stored, refs: stored.refs.slice(1) }, { ...stored, pos: `${stored.pos}~` }, { ...stored, pos: `${stored.pos.slice(0, -1)}z` }, { ...stored, pos: [...stored.pos] }, { ...stored, refs: stored.refs.slice(0, -1) }, { ...stored, refs: `${stored.refs}é` }]) expect(loadCompact(bad as never)).toBeUndefined();
  });
});

describe('knowing a file for a text', () => {
  const uri = 'file:///w/a.blueprint.md';
  const lines = '---\nblueprint: A\n---\n\n## Journey\n\n### Step: One\n- persona: @maria\n';
  it.each([
    ['LF', lines],
    ['a byte order mark', `\uFEFF${lines}`],
    ['CR-only line endings', lines.replace(/\n/g, '\r')],
    ['CRLF', lines.replace(/\n/g, '\r\n')],
  ])('matches the same text with %s, compactly and as a full model, and not another text', (_, text) => {
    const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
    workspace.setCompactText(uri, text);
    expect(workspace.hasCompactOf(uri, text)).toBe(true);
    expect(workspace.hasTextOf(uri, text)).toBe(true);
    expect(workspace.hasTextOf(uri, text.replace('One', 'Two'))).toBe(false);
    workspace.setText(uri, text);
    expect(workspace.hasTextOf(uri, text)).toBe(true);
    expect(workspace.hasTextOf(uri, text.replace('One', 'Two'))).toBe(false);
    expect(workspace.hasTextOf('file:///w/unknown.blueprint.md', text)).toBe(false);
  });
});
