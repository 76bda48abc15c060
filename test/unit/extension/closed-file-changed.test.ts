/**
 * Issue 9, files that are not open: a blueprint kept as a full model (it was open, or a
 * personas file a hover read) that changes on disk while no editor has it open (a
 * `git pull`, a switch to an untrusted pull request's branch) is parsed and checked again
 * in steps, giving the host turns, never parsed in one go; its problems and compact
 * document afterwards are those of a parse in one go. The same for a compact file checked
 * by "check all", and for a closed personas file a feature (a hover) needs in full. The session runs over the fake `vscode` module (`vscode-fake.ts`);
 * `BlueprintParser.prototype.parse` (the parse in one go) is counted per file.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { generateBlueprint } from '../../../bench/generate';
import { contentHash, createBlueprintService, type Diagnostic } from '../../../src/core';
import { BlueprintParser } from '../../../src/core/parse/parser';
import { fake, openDocument } from './vscode-fake';
import { turnsDuring } from './host-turns';

vi.mock('vscode', async () => (await import('./vscode-fake')).vscodeFake);

const { BlueprintSession } = await import('../../../src/extension/session');

type Session = InstanceType<typeof BlueprintSession>;

const BEFORE = generateBlueprint(40);
// Big enough that its stepped parse takes several slices of the host's time, with a problem to report.
const AFTER = `${generateBlueprint(400)}\n### Stage: Pulled in\n\n#### Step: A step of the pull request\n- persona: @nobody-known\n`;
const URI_TEXT = 'file:///workspace/pulled.blueprint.md';

let session: Session;
let parseInOneGo: MockInstance<BlueprintParser['parse']>;
let parseInSteps: MockInstance<BlueprintParser['parseInSteps']>;

const oneGoParses = (): number => parseInOneGo.mock.calls.filter(([, uri]) => uri === URI_TEXT).length;
const steppedParses = (): number => parseInSteps.mock.calls.filter(([, uri]) => uri === URI_TEXT).length;

/** The file's problems from a fresh service that parses it in one go: what the session must publish. */
function expectedDiagnostics(): Diagnostic[] {
  const service = createBlueprintService({ readFile: async () => undefined });
  service.setText(URI_TEXT, AFTER);
  return service.diagnostics(URI_TEXT);
}

function writeToDisk(text: string): void {
  fake.files.set(URI_TEXT, new TextEncoder().encode(text));
}

beforeEach(() => {
  fake.documents.length = 0;
  fake.files.clear();
  session = new BlueprintSession();
  parseInOneGo = vi.spyOn(BlueprintParser.prototype, 'parse');
  parseInSteps = vi.spyOn(BlueprintParser.prototype, 'parseInSteps');
});

afterEach(() => {
  session.dispose();
  fake.files.clear();
  vi.restoreAllMocks();
});

describe('a closed blueprint that changes on disk', () => {
  it('with a full model: parsed and checked again in steps, never in one go, with the problems of a parse in one go', async () => {
    writeToDisk(BEFORE);
    session.service.setText(URI_TEXT, BEFORE);
    expect(session.service.isCompact(URI_TEXT)).toBe(false);
    parseInOneGo.mockClear();
    parseInSteps.mockClear();
    writeToDisk(AFTER);

    const { turns } = await turnsDuring(() => session.fileChanged(fake.folder.with({ path: '/workspace/pulled.blueprint.md' }) as never));

    expect(oneGoParses()).toBe(0);
    expect(steppedParses()).toBe(1);
    expect(turns).toBeGreaterThan(1);
    const expected = expectedDiagnostics();
    expect(expected.some((diagnostic) => diagnostic.rule === 'unknown-persona')).toBe(true);
    expect(session.diagnosticsFor(URI_TEXT)).toEqual(expected);
    expect(session.isPublishedFor(URI_TEXT, AFTER)).toBe(true);
    // Let go to the compact document of the new text.
    expect(session.service.isCompact(URI_TEXT)).toBe(true);
    expect(session.service.get(URI_TEXT)?.compact?.hash).toBe(contentHash(AFTER));
  });

  it('with a full model of the same text (its editor closed): checked without a parse in one go', async () => {
    writeToDisk(AFTER);
    session.service.setText(URI_TEXT, AFTER);
    parseInOneGo.mockClear();

    await session.fileChanged(fake.folder.with({ path: '/workspace/pulled.blueprint.md' }) as never);

    expect(oneGoParses()).toBe(0);
    expect(session.diagnosticsFor(URI_TEXT)).toEqual(expectedDiagnostics());
    expect(session.service.isCompact(URI_TEXT)).toBe(true);
  });

  it('known compactly, checked by "check all": parsed in steps, never in one go', async () => {
    writeToDisk(BEFORE);
    session.service.setCompactText(URI_TEXT, BEFORE);
    parseInOneGo.mockClear();
    parseInSteps.mockClear();
    writeToDisk(AFTER);

    const { turns } = await turnsDuring(() => session.checkAll());

    expect(oneGoParses()).toBe(0);
    expect(steppedParses()).toBe(1);
    expect(turns).toBeGreaterThan(1);
    expect(session.diagnosticsFor(URI_TEXT)).toEqual(expectedDiagnostics());
    expect(session.service.isCompact(URI_TEXT)).toBe(true);
  });
});

describe('a closed personas file that a feature needs in full', () => {
  it('not known yet (newly named): loaded and parsed in steps, never in one go', async () => {
    const personasText = AFTER.replace(/^blueprint: .*$/m, 'blueprint: People');
    writeToDisk(personasText);
    const text = BEFORE.replace(/^(blueprint: .*)$/m, '$1\npersonas: pulled.blueprint.md');
    const document = openDocument('names-them.blueprint.md', text);
    session.service.setText(document.uri.toString(), text);
    expect(session.service.get(URI_TEXT)).toBeUndefined();
    parseInOneGo.mockClear();

    const { value, turns } = await turnsDuring(() => session.readyDocument(document as never));

    expect(value?.uri).toBe(document.uri.toString());
    expect(oneGoParses()).toBe(0);
    expect(turns).toBeGreaterThan(1);
    expect(session.service.get(URI_TEXT)?.text).toBe(personasText);
  });

  it('is parsed in steps, never in one go, when a feature readies the blueprint that names it', async () => {
    const personasText = AFTER.replace(/^blueprint: .*$/m, 'blueprint: People');
    writeToDisk(personasText);
    session.service.setCompactText(URI_TEXT, personasText);
    const text = BEFORE.replace(/^(blueprint: .*)$/m, '$1\npersonas: pulled.blueprint.md');
    const document = openDocument('names-them.blueprint.md', text);
    session.service.setText(document.uri.toString(), text);
    expect(session.service.index.scope(document.uri.toString()).some((item) => item.uri === URI_TEXT)).toBe(true);
    parseInOneGo.mockClear();
    parseInSteps.mockClear();

    const { value, turns } = await turnsDuring(() => session.readyDocument(document as never));

    expect(value?.uri).toBe(document.uri.toString());
    expect(oneGoParses()).toBe(0);
    expect(steppedParses()).toBe(1);
    expect(turns).toBeGreaterThan(1);
    // A full model now, for hovers and completion to show its descriptions.
    expect(session.service.isCompact(URI_TEXT)).toBe(false);
    expect(session.service.get(URI_TEXT)?.text).toBe(personasText);
  });
});
