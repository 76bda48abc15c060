import { describe, expect, it } from 'vitest';
import { emotionEmoji, parseEmotion } from '../../../src/core/emotion';

describe('parseEmotion', () => {
  it.each([
    ['-2', -2], ['2', 2], ['+1', 1], ['0', 0], ['−1', -1], ['😞', -2], ['🙁', -1], ['😐', 0], ['🙂', 1], ['😀', 2],
    ['-2 frustrated', -2], ['1 (relieved)', 1],
  ])('reads %s as %d', (value, score) => {
    const parsed = parseEmotion(value);
    expect(parsed.errors).toEqual([]);
    expect(parsed.overall).toBe(score);
  });

  it('reads scores per persona', () => {
    const parsed = parseEmotion('@maria -2; @Ahmed 1, @kees: 😀');
    expect(parsed.errors).toEqual([]);
    expect(parsed.overall).toBeUndefined();
    expect(parsed.perPersona).toEqual([
      { slug: 'maria', score: -2 },
      { slug: 'ahmed', score: 1 },
      { slug: 'kees', score: 2 },
    ]);
  });

  it('reports entries off the scale or not a score, with offsets', () => {
    const value = '@maria -3; angry; 1.5';
    const parsed = parseEmotion(value);
    expect(parsed.errors.map((e) => [e.kind, e.text, value.slice(e.start, e.end)])).toEqual([
      ['out-of-range', '@maria -3', '@maria -3'],
      ['not-a-score', 'angry', 'angry'],
      ['out-of-range', '1.5', '1.5'],
    ]);
  });

  it('treats 1,5 as one (out-of-range) decimal, not two entries', () => {
    expect(parseEmotion('1,5').errors.map((e) => e.kind)).toEqual(['out-of-range']);
  });

  it('accepts an empty value and never gives -0', () => {
    expect(parseEmotion('')).toEqual({ perPersona: [], errors: [] });
    expect(Object.is(parseEmotion('-0').overall, 0)).toBe(true);
  });

  it('maps scores back to emoji', () => {
    expect([-2, -1, 0, 1, 2, 7].map(emotionEmoji)).toEqual(['😞', '🙁', '😐', '🙂', '😀', '😀']);
  });
});
