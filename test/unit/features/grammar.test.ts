/**
 * The injection grammar tokenized the way VS Code does it: vscode-textmate with the
 * Oniguruma engine, VS Code's own Markdown grammar (`text.html.markdown`, shipped by
 * tm-grammars, with its HTML grammars for inline comments) and our grammar injected as
 * `contributes.grammars[].injectTo` in package.json says. Screenshots only show that
 * something is coloured; this shows which scopes each piece of a blueprint line gets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IRawGrammar, type IToken } from 'vscode-textmate';
import { allFieldWords } from '../../../src/core/vocabulary';

const root = join(__dirname, '../../..');
const resolve = createRequire(join(root, 'package.json')).resolve;

const LANE = 'entity.name.tag.lane.blueprint';
const SEPARATOR = 'punctuation.separator.key-value.blueprint';
const PERSONA = 'variable.other.constant.persona.blueprint';
const STORY = 'entity.name.type.story.blueprint';

interface GrammarContribution { scopeName: string; path: string; injectTo?: string[] }

/** Our grammar contributions, read from the manifest so the test follows what VS Code reads. */
function contributedGrammars(): GrammarContribution[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
  return manifest.contributes.grammars;
}

/**
 * A Registry holding what VS Code has built in for Markdown plus our contributions. Any other
 * grammar Markdown refers to (languages of fenced code blocks, CSS/JS inside HTML) is absent:
 * loadGrammar returns null, as VS Code does for a language that is not installed.
 */
async function markdownGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const files = new Map<string, string>([
    ['text.html.markdown', resolve('tm-grammars/grammars/markdown.json')],
    ['text.html.derivative', resolve('tm-grammars/grammars/html-derivative.json')],
    ['text.html.basic', resolve('tm-grammars/grammars/html.json')],
  ]);
  const injections = new Map<string, string[]>();
  for (const contribution of contributedGrammars()) {
    files.set(contribution.scopeName, join(root, contribution.path));
    for (const target of contribution.injectTo ?? []) {
      injections.set(target, [...(injections.get(target) ?? []), contribution.scopeName]);
    }
  }

  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new OnigScanner(sources),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
      const file = files.get(scopeName);
      return file === undefined ? null : parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName: string) => injections.get(scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  return grammar;
}

interface TokenizedLine { text: string; tokens: IToken[] }

/** A tokenized document with look-ups by line text and substring, for readable assertions. */
class Tokenized {
  readonly lines: TokenizedLine[] = [];

  constructor(grammar: IGrammar, text: string) {
    // Carry the rule stack from line to line, as the editor does: list items, paragraphs
    // and fenced code blocks span lines.
    let state = INITIAL;
    for (const line of text.split('\n')) {
      const result = grammar.tokenizeLine(line, state);
      this.lines.push({ text: line, tokens: result.tokens });
      state = result.ruleStack;
    }
  }

  /** Scopes shared by every token under `substring` (its `occurrence`-th match) on the line `line`. */
  scopes(line: string, substring: string, occurrence = 0): string[] {
    const [first, ...rest] = this.tokensUnder(line, substring, occurrence).map((token) => token.scopes);
    return (first ?? []).filter((scope) => rest.every((scopes) => scopes.includes(scope)));
  }

  /** Our scopes on any token touching `substring`: empty when no part of it is coloured by us. */
  blueprintScopes(line: string, substring: string, occurrence = 0): string[] {
    const scopes = this.tokensUnder(line, substring, occurrence).flatMap((token) => token.scopes);
    return [...new Set(scopes.filter((scope) => scope.endsWith('.blueprint')))];
  }

  private tokensUnder(line: string, substring: string, occurrence: number): IToken[] {
    const found = this.lines.find((candidate) => candidate.text === line);
    if (!found) throw new Error(`no line ${JSON.stringify(line)} in the document`);
    let start = -1;
    for (let seen = 0; seen <= occurrence; seen++) {
      start = found.text.indexOf(substring, start + 1);
      if (start < 0) throw new Error(`${JSON.stringify(substring)} #${occurrence} not in ${JSON.stringify(line)}`);
    }
    const end = start + substring.length;
    return found.tokens.filter((token) => token.startIndex < end && token.endIndex > start);
  }
}

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await markdownGrammar();
});

const tokenize = (...lines: string[]): Tokenized => new Tokenized(grammar, lines.join('\n'));

describe('injection grammar in VS Code\'s Markdown grammar', () => {
  it('injects into Markdown, as package.json declares', () => {
    expect(contributedGrammars()).toContainEqual(expect.objectContaining({
      scopeName: 'blueprint.markdown.injection', injectTo: ['text.html.markdown'],
    }));
  });

  describe('field keys at the start of list items', () => {
    const doc = (): Tokenized => tokenize(
      '## Journey',
      '',
      '### Step: Reads the letter',
      '- customer: reads the letter',
      '- klant: belt de gemeente',
      '* pain: queue',
      '+ Frontstage: desk',
      '- pain points: long forms',
      '- persona:',
      '  - persona: @maria',
      '- the customer: said',
      '- **customer**: bold is no key',
      '1. customer: numbered lists are no fields',
      '',
      'customer: not a list item',
    );

    it('colours an English key and its colon', () => {
      const d = doc();
      expect(d.scopes('- customer: reads the letter', 'customer')).toContain(LANE);
      expect(d.scopes('- customer: reads the letter', ':')).toContain(SEPARATOR);
      expect(d.blueprintScopes('- customer: reads the letter', 'reads the letter')).toEqual([]);
    });

    it('colours Dutch keys, other bullets, any case, two-word keys, empty values and nested items', () => {
      const d = doc();
      expect(d.scopes('- klant: belt de gemeente', 'klant')).toContain(LANE);
      expect(d.scopes('* pain: queue', 'pain')).toContain(LANE);
      expect(d.scopes('+ Frontstage: desk', 'Frontstage')).toContain(LANE);
      expect(d.scopes('- pain points: long forms', 'pain points')).toContain(LANE);
      expect(d.scopes('- persona:', 'persona')).toContain(LANE);
      expect(d.scopes('- persona:', ':')).toContain(SEPARATOR);
      expect(d.scopes('  - persona: @maria', 'persona')).toContain(LANE);
    });

    it('leaves keys alone that are not at the start of an unnumbered list item', () => {
      const d = doc();
      expect(d.blueprintScopes('- the customer: said', 'customer')).toEqual([]);
      expect(d.blueprintScopes('- **customer**: bold is no key', 'customer')).toEqual([]);
      expect(d.scopes('- **customer**: bold is no key', 'customer')).toContain('markup.bold.markdown');
      expect(d.blueprintScopes('1. customer: numbered lists are no fields', 'customer')).toEqual([]);
      expect(d.blueprintScopes('customer: not a list item', 'customer')).toEqual([]);
    });
  });

  describe('references', () => {
    const doc = (): Tokenized => tokenize(
      '#### Step: Checks whether he is eligible',
      '- persona: @maria, @ahmed',
      '- story: #benefit-stopped',
      '- verhaal: #uitkering-gestopt, #zoë-belt',
      '- customer: calls @maria about #benefit-stopped (see #faq)',
      '- calls @sanne',
      '- customer: reads the letter',
      '  with @ahmed and #benefit-stopped',
    );

    it('colours every @persona in a list item', () => {
      const d = doc();
      expect(d.scopes('- persona: @maria, @ahmed', '@maria')).toContain(PERSONA);
      expect(d.scopes('- persona: @maria, @ahmed', '@ahmed')).toContain(PERSONA);
      expect(d.scopes('- persona: @maria, @ahmed', '@')).toContain('punctuation.definition.reference.blueprint');
      expect(d.blueprintScopes('- persona: @maria, @ahmed', ', ')).toEqual([]);
      expect(d.scopes('- calls @sanne', '@sanne')).toContain(PERSONA);
    });

    it('colours #story references, also non-ASCII ones', () => {
      const d = doc();
      expect(d.scopes('- story: #benefit-stopped', '#benefit-stopped')).toContain(STORY);
      expect(d.scopes('- verhaal: #uitkering-gestopt, #zoë-belt', '#uitkering-gestopt')).toContain(STORY);
      expect(d.scopes('- verhaal: #uitkering-gestopt, #zoë-belt', '#zoë-belt')).toContain(STORY);
    });

    it('colours references in running text of a field value and its continuation line', () => {
      const d = doc();
      const line = '- customer: calls @maria about #benefit-stopped (see #faq)';
      expect(d.scopes(line, '@maria')).toContain(PERSONA);
      expect(d.scopes(line, '#benefit-stopped')).toContain(STORY);
      expect(d.scopes(line, '#faq')).toContain(STORY);
      expect(d.scopes('  with @ahmed and #benefit-stopped', '@ahmed')).toContain(PERSONA);
      expect(d.scopes('  with @ahmed and #benefit-stopped', '#benefit-stopped')).toContain(STORY);
    });
  });

  describe('what stays uncoloured', () => {
    const doc = (): Tokenized => tokenize(
      '# Notes about @maria and #benefit-stopped',
      '',
      'A paragraph that mentions @maria and #benefit-stopped.',
      '',
      '- code `@maria` and `#benefit-stopped` here',
      '- persona: `@ahmed`',
      '- mail me@example.org or see https://example.org/page#section',
      '- evidence: [the letter](letter.pdf) and [story](#benefit-stopped)',
      '- persona: @marja <!-- was @maria -->',
      '- issue#12 and a@b',
      '- example:',
      '',
      '  ```markdown',
      '  - persona: @sanne',
      '  ```',
      '',
      '```',
      '- customer: @kees',
      '```',
      '',
      '    - customer: indented code @kees',
    );

    it('leaves paragraphs and headings outside lists alone', () => {
      const d = doc();
      expect(d.blueprintScopes('A paragraph that mentions @maria and #benefit-stopped.', '@maria')).toEqual([]);
      expect(d.blueprintScopes('A paragraph that mentions @maria and #benefit-stopped.', '#benefit-stopped')).toEqual([]);
      expect(d.blueprintScopes('# Notes about @maria and #benefit-stopped', '@maria')).toEqual([]);
    });

    it('leaves inline code in a list item alone, also in a field value', () => {
      const d = doc();
      const line = '- code `@maria` and `#benefit-stopped` here';
      expect(d.scopes(line, '@maria')).toContain('markup.inline.raw.string.markdown');
      expect(d.blueprintScopes(line, '@maria')).toEqual([]);
      expect(d.blueprintScopes(line, '#benefit-stopped')).toEqual([]);
      // The key is still coloured; the value after it is still Markdown.
      expect(d.scopes('- persona: `@ahmed`', 'persona')).toContain(LANE);
      expect(d.scopes('- persona: `@ahmed`', '@ahmed')).toContain('markup.inline.raw.string.markdown');
      expect(d.blueprintScopes('- persona: `@ahmed`', '@ahmed')).toEqual([]);
    });

    it('leaves e-mail addresses, URL fragments and words with # or @ inside alone', () => {
      const d = doc();
      const line = '- mail me@example.org or see https://example.org/page#section';
      expect(d.blueprintScopes(line, 'me@example.org')).toEqual([]);
      expect(d.blueprintScopes(line, '#section')).toEqual([]);
      expect(d.blueprintScopes('- issue#12 and a@b', 'issue#12')).toEqual([]);
      expect(d.blueprintScopes('- issue#12 and a@b', 'a@b')).toEqual([]);
    });

    it('keeps Markdown links and HTML comments in a field value as Markdown scopes them', () => {
      const d = doc();
      const links = '- evidence: [the letter](letter.pdf) and [story](#benefit-stopped)';
      expect(d.scopes(links, 'evidence')).toContain(LANE);
      expect(d.scopes(links, '[the letter](letter.pdf)')).toContain('meta.link.inline.markdown');
      expect(d.scopes(links, '#benefit-stopped')).toContain('markup.underline.link.markdown');
      expect(d.blueprintScopes(links, '#benefit-stopped')).toEqual([]);
      const commented = '- persona: @marja <!-- was @maria -->';
      expect(d.scopes(commented, '@marja')).toContain(PERSONA);
      expect(d.scopes(commented, '@maria')).toContain('comment.block.html');
      expect(d.blueprintScopes(commented, '@maria')).toEqual([]);
    });

    it('leaves fenced and indented code alone, inside a list item and outside', () => {
      const d = doc();
      expect(d.scopes('  - persona: @sanne', '@sanne')).toContain('markup.fenced_code.block.markdown');
      expect(d.blueprintScopes('  - persona: @sanne', 'persona')).toEqual([]);
      expect(d.blueprintScopes('  - persona: @sanne', '@sanne')).toEqual([]);
      expect(d.scopes('- customer: @kees', 'customer')).toContain('markup.fenced_code.block.markdown');
      expect(d.blueprintScopes('- customer: @kees', 'customer')).toEqual([]);
      expect(d.blueprintScopes('- customer: @kees', '@kees')).toEqual([]);
      expect(d.scopes('    - customer: indented code @kees', 'customer')).toContain('markup.raw.block.markdown');
      expect(d.blueprintScopes('    - customer: indented code @kees', 'customer')).toEqual([]);
    });
  });

  it('colours every field key of the example blueprints', () => {
    const words = new Set(allFieldWords());
    let checked = 0;
    for (const example of ['apply-for-housing-benefit.blueprint.md', 'bijstand-aanvragen.blueprint.md', 'personas.blueprint.md']) {
      const d = new Tokenized(grammar, readFileSync(join(root, 'examples', example), 'utf8'));
      let fenced = false;
      for (const { text } of d.lines) {
        if (/^\s*```/.test(text)) fenced = !fenced;
        const key = /^\s{0,3}[-*+] ([^:`*]+):(?:\s|$)/.exec(text)?.[1];
        if (fenced || key === undefined || !words.has(key.toLowerCase())) continue;
        expect(d.scopes(text, key), `${example}: ${text}`).toContain(LANE);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
