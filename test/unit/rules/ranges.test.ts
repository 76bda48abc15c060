/**
 * Where findings point and how they read: item-level findings on the heading line,
 * field-level ones on the field, entry or reference; messages in the file's language
 * unless configured; severities and tags as configured.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/model';
import { parseConfig } from '../../../src/core/config';
import { fixtureUri, runFixture } from '../helpers/expectations';

const TEXT = `---
blueprint: Apply
status: tested
---

## Personas

### Maria
- heard: 2024-03-02
- vulnerable: yes

### Ahmed
- heard: 2024-03-09

### Henk
- heard: 2024-03-10

## Journey

### Step: Receives the letter
- persona: @ahmed, @marja
- emotion: @ahmed 1; @maria 5
- frontstge: letter
`;

async function diagnostics(text: string, config = {}): Promise<Diagnostic[]> {
  const { diagnostics: all } = await runFixture({ 'a.blueprint.md': text }, { config });
  return all['a.blueprint.md'];
}

const at = (d: Diagnostic | undefined): string =>
  d ? `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}` : 'none';

describe('finding ranges', () => {
  it('item-level findings cover the heading', async () => {
    const { workspace } = await runFixture({ 'a.blueprint.md': TEXT });
    const doc = workspace.get(fixtureUri('a.blueprint.md'))!;
    const found = await diagnostics(TEXT);
    const maria = doc.personas[0];
    const henk = doc.personas[2];
    expect(found.find((d) => d.rule === 'unused-persona')?.range).toEqual(henk.headingRange);
    // A vulnerable persona left out gets the louder warning only, not also the faded hint.
    expect(found.filter((d) => d.rule === 'unused-persona' && d.range.start.line === maria.headingRange.start.line)).toEqual([]);
    for (const rule of ['vulnerable-persona-not-in-journey']) {
      expect(found.find((d) => d.rule === rule)?.range, rule).toEqual(maria.headingRange);
    }
    expect(found.find((d) => d.rule === 'step-without-customer-action')?.range).toEqual(doc.steps[0].headingRange);
  });

  it('reference, entry, key and front-matter findings cover exactly that text', async () => {
    const found = await diagnostics(TEXT);
    const lines = TEXT.split('\n');
    const textOf = (d: Diagnostic | undefined): string =>
      d ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : 'none';
    expect(textOf(found.find((d) => d.rule === 'unknown-persona'))).toBe('@marja');
    expect(textOf(found.find((d) => d.rule === 'invalid-emotion'))).toBe('@maria 5');
    expect(textOf(found.find((d) => d.rule === 'unknown-field'))).toBe('frontstge');
    expect(textOf(found.find((d) => d.rule === 'journey-not-tested'))).toBe('status: tested');
    expect(at(found.find((d) => d.rule === 'unknown-persona'))).toBe('20:19-20:25');
  });

  it('marks unused personas as unnecessary at hint severity', async () => {
    const unused = (await diagnostics(TEXT)).find((d) => d.rule === 'unused-persona');
    expect(unused?.severity).toBe('hint');
    expect(unused?.tags).toEqual(['unnecessary']);
  });
});

describe('messages and configuration', () => {
  it('uses the file language, or the configured locale', async () => {
    const dutch = TEXT.replace('blueprint: Apply', 'blueprint: Aanvraag\nlang: nl');
    const nl = await diagnostics(dutch);
    expect(nl.find((d) => d.rule === 'unused-persona')?.message).toBe("Persona 'Henk' komt in geen enkele stap van de klantreis voor.");
    expect(nl.find((d) => d.rule === 'unknown-field')?.message).toBe("Onbekend veld 'frontstge' voor een stap. Bedoel je 'frontstage'?");
    const en = await diagnostics(dutch, parseConfig('{"locale": "en"}').config);
    expect(en.find((d) => d.rule === 'unknown-field')?.message).toBe("Unknown field 'frontstge' for a step. Did you mean 'frontstage'?");
    expect(en.find((d) => d.rule === 'invalid-emotion')?.message).toBe("Emotion '@maria 5' is outside the scale -2 to 2.");
  });

  it('applies configured severities and switches rules off', async () => {
    const { config } = parseConfig('{"rules": {"unused-persona": "off", "unknown-field": "error", "journey-not-tested": "warning"}}');
    const found = await diagnostics(TEXT, config);
    expect(found.some((d) => d.rule === 'unused-persona')).toBe(false);
    expect(found.find((d) => d.rule === 'unknown-field')?.severity).toBe('error');
    expect(found.find((d) => d.rule === 'journey-not-tested')?.severity).toBe('warning');
    expect(found.find((d) => d.rule === 'vulnerable-persona-not-in-journey')?.severity).toBe('warning');
  });
});

describe('expectation markers', async () => {
  const { expectedFromText } = await import('../helpers/expectations');
  it('reads several ids per line and ignores other comments', () => {
    expect(expectedFromText('a\n- x: y <!-- expect: unknown-field, invalid-emotion -->\n<!-- note -->\n### H <!--expect:empty-stage-->')).toEqual([
      { line: 2, rule: 'unknown-field' },
      { line: 2, rule: 'invalid-emotion' },
      { line: 4, rule: 'empty-stage' },
    ]);
  });
});

describe('cross-file through the host', () => {
  it('resolves personas from a personas file that is only loaded, not opened', async () => {
    const files = {
      'shared/personas.blueprint.md': '## Personas\n\n### Maria\n- heard: 2024-03-02\n',
      'apply.blueprint.md': '---\npersonas: ./shared/personas.blueprint.md\n---\n\n## Journey\n\n### Step: A\n- persona: @maria, @mario <!-- expect: unknown-persona -->\n- customer: a\n',
    };
    const { expected, actual, workspace } = await runFixture(files, { open: ['apply.blueprint.md'] });
    expect(actual).toEqual(expected);
    expect(workspace.get(fixtureUri('shared/personas.blueprint.md'))?.personas.map((p) => p.id)).toEqual(['maria']);
    const unknown = (await runFixture(files, { open: ['apply.blueprint.md'] })).diagnostics['apply.blueprint.md'][0];
    expect(unknown.message).toContain("Did you mean '@maria'?");
  });
});
