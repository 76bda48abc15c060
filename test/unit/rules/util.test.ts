import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nameForSlug } from '../../../src/core/rules/util';
import { lineIndexOf } from '../../../src/core/parse/text';
import { lineAt } from '../../../src/core/features/positions';

describe('editDistance', () => {
  it.each([
    ['maria', 'maria', 0], ['marja', 'maria', 1], ['frontstge', 'frontstage', 1],
    ['frontstgae', 'frontstage', 1], ['', 'abc', 3], ['kitten', 'sitting', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('didYouMean', () => {
  it('returns close candidates, closest first', () => {
    expect(didYouMean('marja', ['ahmed', 'maria', 'marjan'])).toEqual(['maria', 'marjan']);
  });
  it('keeps candidate order among equals', () => {
    expect(didYouMean('klnt', ['klant', 'kant'])).toEqual(['klant', 'kant']);
  });
  it('returns nothing for unrelated words', () => {
    expect(didYouMean('xyz', ['customer', 'backstage'])).toEqual([]);
  });
  it('accepts prefixes of longer words', () => {
    expect(didYouMean('cust', ['customer', 'channel'])).toEqual(['customer']);
  });
});

describe('nameForSlug', () => {
  it('makes a heading whose slug round-trips', () => {
    expect(nameForSlug('maria-jansen')).toBe('Maria jansen');
    expect(nameForSlug('a--b')).toBe('A  b');
  });
});

describe('offsets (the one line index, as rules and features use it)', () => {
  it('round-trips positions', () => {
    const text = 'ab\r\ncd\nef';
    const lines = lineIndexOf(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r') continue; // inside a CRLF pair
      expect(lines.offsetAt(lines.positionAt(offset))).toBe(offset);
    }
  });

  it('gives line texts without their line breaks', () => {
    const text = 'ab\r\ncd\n\nef';
    expect([0, 1, 2, 3, 4].map((line) => lineIndexOf(text).lineText(line))).toEqual(['ab', 'cd', '', 'ef', undefined]);
    expect(lineAt(text, 0)).toBe('ab');
    expect(lineAt(text, 9)).toBe('');
  });
});
