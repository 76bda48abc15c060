/**
 * Did-you-mean through a candidate index (issue 9: it was quadratic) gives exactly the
 * suggestions of the plain definition: every candidate compared, closest first, ties in
 * the candidates' order, prefixes of three or more characters included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, editDistanceWithin, MAX_SUGGESTED_LENGTH, SuggestionIndex } from '../../../src/core/rules/util';

/** The definition, as it was before the index: every candidate, full distance. */
function reference(word: string, candidates: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  const scored: Array<{ candidate: string; distance: number; order: number }> = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, order) => {
    if (seen.has(candidate) || candidate === needle) return;
    seen.add(candidate);
    const distance = editDistance(needle, candidate.toLowerCase());
    const isPrefix = needle.length >= 3 && candidate.toLowerCase().startsWith(needle);
    if (distance <= allowed || isPrefix) scored.push({ candidate, distance: isPrefix ? Math.min(distance, allowed) : distance, order });
  });
  scored.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return scored.slice(0, limit).map((s) => s.candidate);
}

// Small alphabets make near misses, prefixes and ties common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', 'é', 'İ'), maxLength: 12 });

describe('did-you-mean', () => {
  it('gives the same suggestions as comparing every candidate', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (candidates, words, limit) => {
        const index = new SuggestionIndex(candidates);
        for (const w of words) {
          expect(index.suggest(w, limit)).toEqual(reference(w, candidates, limit));
          expect(didYouMean(w, candidates, limit)).toEqual(reference(w, candidates, limit));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bounded distance equals the full distance up to the bound, and exceeds the bound beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const full = editDistance(a, b);
        const bounded = editDistanceWithin(a, b, max);
        if (full <= max) expect(bounded).toBe(full);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the examples of the rules: typos, swapped letters, prefixes', () => {
    const personas = ['ahmed', 'maria', 'jan-de-vries', 'marja-de-boer'];
    expect(new SuggestionIndex(personas).suggest('ahmad')).toEqual(['ahmed']);
    expect(new SuggestionIndex(personas).suggest('amria')).toEqual(['maria']);
    expect(new SuggestionIndex(personas).suggest('jan')).toEqual(['jan-de-vries']);
    expect(new SuggestionIndex(['frontstage', 'backstage']).suggest('frontstgae')).toEqual(['frontstage']);
  });

  it('suggests nothing for a word too long to compare, instead of a quadratic comparison', () => {
    const long = 'a'.repeat(MAX_SUGGESTED_LENGTH + 1);
    expect(new SuggestionIndex([long + 'b']).suggest(long)).toEqual([]);
  });
});
