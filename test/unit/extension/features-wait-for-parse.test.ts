/**
 * Issue 9, the editor: a feature asked while an opened file's first parse runs in steps
 * waits for that parse instead of parsing the whole file in one go (which would block the
 * extension host every extension shares), gives up when its request is cancelled, and
 * answers exactly what it answers once the file is parsed. The session and providers run
 * over a fake `vscode` module (`vscode-fake.ts`); `BlueprintParser.prototype.parse` (the
 * parse in one go; the stepped parse is `parseInSteps`) is counted per file.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { generateBlueprint } from '../../../bench/generate';
import { createBlueprintService, type BlueprintDocument } from '../../../src/core';
import { BlueprintParser } from '../../../src/core/parse/parser';
import { CancellationTokenSource, fake, openDocument, type FakeTextDocument } from './vscode-fake';
import { turnsDuring } from './host-turns';

vi.mock('vscode', async () => (await import('./vscode-fake')).vscodeFake);

const { BlueprintSession } = await import('../../../src/extension/session');
const { registerProviders } = await import('../../../src/extension/providers');

type Session = InstanceType<typeof BlueprintSession>;
type Token = CancellationTokenSource['token'];
/** The providers' methods as the tests call them (the fake's types in place of VS Code's). */
interface Providers {
  symbols: { provideDocumentSymbols(document: FakeTextDocument, token: Token): Promise<unknown> };
  codeLens: { provideCodeLenses(document: FakeTextDocument, token: Token): Promise<unknown> };
  hover: { provideHover(document: FakeTextDocument, position: unknown, token: Token): Promise<unknown> };
  highlights: { provideDocumentHighlights(document: FakeTextDocument, position: unknown, token: Token): Promise<unknown> };
  codeActions: { provideCodeActions(document: FakeTextDocument, range: unknown, context: unknown, token: Token): Promise<unknown> };
}

// Big enough that its stepped parse takes several slices of the host's time.
const TEXT = generateBlueprint(400);
const PATH = 'big.blueprint.md';

let session: Session;
let providers: Providers;
let parseInOneGo: MockInstance<BlueprintParser['parse']>;
let parseInSteps: MockInstance<BlueprintParser['parseInSteps']>;

const oneGoParsesOf = (document: FakeTextDocument): number => parseInOneGo.mock.calls.filter(([, uri]) => uri === document.uri.toString()).length;
const steppedParsesOf = (document: FakeTextDocument): number => parseInSteps.mock.calls.filter(([, uri]) => uri === document.uri.toString()).length;

function provider<K extends keyof Providers>(name: K): Providers[K] {
  return fake.providers.get(name) as Providers[K];
}

/** A fresh service with the file parsed in one go: what the features answer without waiting. */
function parsedInOneGo(): { service: ReturnType<typeof createBlueprintService>; doc: BlueprintDocument } {
  const service = createBlueprintService({ readFile: async () => undefined });
  return { service, doc: service.setText(`file:///workspace/${PATH}`, TEXT) };
}

function expectedSymbols(): unknown {
  const { service, doc } = parsedInOneGo();
  return service.documentSymbols(doc.uri).map((symbol) => symbol.name);
}

/** The first persona's heading: a position with a hover. */
const PERSONA_LINE = TEXT.split('\n').findIndex((line) => line.startsWith('### '));

beforeEach(() => {
  fake.documents.length = 0;
  fake.providers.clear();
  parseInOneGo = vi.spyOn(BlueprintParser.prototype, 'parse');
  parseInSteps = vi.spyOn(BlueprintParser.prototype, 'parseInSteps');
  session = new BlueprintSession();
  registerProviders(session);
  providers = {
    symbols: provider('symbols'),
    codeLens: provider('codeLens'),
    hover: provider('hover'),
    highlights: provider('highlights'),
    codeActions: provider('codeActions'),
  };
});

afterEach(() => {
  session.dispose();
  vi.restoreAllMocks();
});

describe('editor features during the first parse in steps', () => {
  it('document symbols wait for the stepped parse, giving the host turns, and answer as a parse in one go would', async () => {
    const document = openDocument(PATH, TEXT);
    session.track(document as never);
    expect(session.scheduler.isParsing(document.uri.toString())).toBe(true);

    const { value, turns } = await turnsDuring(() => providers.symbols.provideDocumentSymbols(document, new CancellationTokenSource().token));

    expect(oneGoParsesOf(document)).toBe(0);
    expect(steppedParsesOf(document)).toBe(1);
    expect(turns).toBeGreaterThan(1);
    expect((value as Array<{ name: string }>).map((symbol) => symbol.name)).toEqual(expectedSymbols());
  });

  it('code lens, hover, highlights and code actions asked while the parse runs do not parse in one go', async () => {
    const document = openDocument(PATH, TEXT);
    session.track(document as never);
    const uri = document.uri.toString();
    // Let the stepped parse start (no quiet time to wait out: a feature's request starts it).
    const symbols = providers.symbols.provideDocumentSymbols(document, new CancellationTokenSource().token);
    await vi.waitFor(() => expect(steppedParsesOf(document)).toBe(1), { interval: 1 });
    expect(session.isParsed(document as never)).toBe(false);

    const token = new CancellationTokenSource().token;
    const position = { line: PERSONA_LINE, character: 5 };
    const [lenses, hover] = await Promise.all([
      providers.codeLens.provideCodeLenses(document, token),
      providers.hover.provideHover(document, position, token),
      providers.highlights.provideDocumentHighlights(document, position, token),
      providers.codeActions.provideCodeActions(document, { start: position, end: position }, { diagnostics: [] }, token),
      symbols,
    ]);

    expect(oneGoParsesOf(document)).toBe(0);
    expect(steppedParsesOf(document)).toBe(1);
    expect(session.service.get(uri)?.text).toBe(TEXT);
    expect(Array.isArray(lenses) && lenses.length).toBeGreaterThan(0);
    const { service, doc } = parsedInOneGo();
    expect((hover as { contents: { value: string } }).contents.value).toBe(service.hover(doc.uri, position, 'en')?.markdown);
  });

  it('a cancelled request answers nothing and leaves the parse to the scheduler', async () => {
    const document = openDocument(PATH, TEXT);
    session.track(document as never);
    const source = new CancellationTokenSource();
    const asked = providers.symbols.provideDocumentSymbols(document, source.token);
    source.cancel();

    expect(await asked).toBeUndefined();
    expect(oneGoParsesOf(document)).toBe(0);
    await session.scheduler.parsed(document.uri.toString());
    expect(session.isParsed(document as never)).toBe(true);
    expect(oneGoParsesOf(document)).toBe(0);
  });

  it('a blueprint the scheduler was not told about (not tracked) is parsed in steps too', async () => {
    const document = openDocument(PATH, TEXT);
    const value = await providers.symbols.provideDocumentSymbols(document, new CancellationTokenSource().token);

    expect(oneGoParsesOf(document)).toBe(0);
    expect(steppedParsesOf(document)).toBe(1);
    expect((value as Array<{ name: string }>).map((symbol) => symbol.name)).toEqual(expectedSymbols());
  });

  it('another open blueprint not parsed yet is not parsed in one go either', async () => {
    const other = openDocument('other.blueprint.md', TEXT);
    const document = openDocument(PATH, TEXT);
    session.track(other as never);
    session.track(document as never);

    await providers.symbols.provideDocumentSymbols(document, new CancellationTokenSource().token);

    expect(oneGoParsesOf(other)).toBe(0);
    expect(oneGoParsesOf(document)).toBe(0);
  });

  it('after the wait, a file still not parsed (an edit or an open raced the wait) is left to the scheduler, never parsed in one go', async () => {
    const parsed = openDocument(PATH, TEXT);
    session.track(parsed as never);
    await session.scheduler.parsed(parsed.uri.toString());
    const late = openDocument('late.blueprint.md', TEXT);
    session.track(late as never);
    // As if the late file arrived between the wait and the model being read.
    vi.spyOn(session.scheduler, 'parsed').mockResolvedValue(undefined);

    expect(await session.documentFor(parsed as never)).toBeDefined();
    expect(await session.documentFor(late as never)).toBeUndefined();

    expect(oneGoParsesOf(late)).toBe(0);
    vi.restoreAllMocks();
    await session.scheduler.parsed(late.uri.toString());
    expect(session.isParsed(late as never)).toBe(true);
  });
});
