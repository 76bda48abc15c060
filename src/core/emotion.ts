/**
 * Emotion values: the `emotion:` / `emotie:` lane. Shared by the `invalid-emotion` rule and
 * the preview (which plots the emotion curve), so both read a value the same way.
 *
 * A value is a score from -2 to 2 (`+1` allowed) or an emoji from the scale
 * 😞 🙁 😐 🙂 😀, optionally per persona: `@maria -2; @ahmed 1`. Text after the score
 * (`-2 frustrated`) is a note and ignored.
 */
import { idOf } from './parse/ids';

/** The emoji scale, from -2 to 2. */
export const EMOTION_EMOJI: ReadonlyArray<{ emoji: string; score: number }> = [
  { emoji: '😞', score: -2 },
  { emoji: '🙁', score: -1 },
  { emoji: '😐', score: 0 },
  { emoji: '🙂', score: 1 },
  { emoji: '😀', score: 2 },
];

export const MIN_EMOTION = -2;
export const MAX_EMOTION = 2;

/** Why an entry could not be read as an emotion. */
export type EmotionErrorKind = 'out-of-range' | 'not-a-score';

export interface EmotionError {
  kind: EmotionErrorKind;
  /** The entry as written (trimmed). */
  text: string;
  /** Offsets of the entry inside the value (UTF-16, end exclusive). */
  start: number;
  end: number;
}

export interface ParsedEmotion {
  /** Score for everyone (an entry without `@persona`); the last one wins. */
  overall?: number;
  /** Scores given for one persona: `@maria -2`. Slugs are lower-cased. */
  perPersona: Array<{ slug: string; score: number }>;
  errors: EmotionError[];
}

// `@slug` (optionally followed by `:`), then the score token, then an optional note.
const PERSONA_PREFIX = /^@([\p{L}\p{M}\p{N}\p{Pc}-]+):?\s*/u;
// ASCII and Unicode minus (U+2212) both occur in text pasted from documents.
const NUMBER = /^([+\-\u2212]?)(\d+(?:[.,]\d+)?)(?=$|\s|\()/u;

/** Split a value into entries on `,` and `;`, keeping offsets. */
function splitEntries(value: string): Array<{ text: string; start: number; end: number }> {
  const entries: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ';' || value[i] === ',') {
      // A decimal comma between digits ("1,5") is part of a number, not a separator.
      if (i < value.length && value[i] === ',' && /\d/.test(value[i - 1] ?? '') && /\d/.test(value[i + 1] ?? '')) continue;
      const raw = value.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text) entries.push({ text, start: start + lead, end: start + lead + text.length });
      start = i + 1;
    }
  }
  return entries;
}

/** Read a score token at the start of `text`: a number or an emoji from the scale. */
function readScore(text: string): { score: number } | { error: EmotionErrorKind } {
  for (const { emoji, score } of EMOTION_EMOJI) {
    if (text.startsWith(emoji)) return { score };
  }
  const match = NUMBER.exec(text);
  if (!match) return { error: 'not-a-score' };
  const [, sign, digits] = match;
  if (/[.,]/.test(digits)) return { error: 'out-of-range' };
  const magnitude = Number(digits);
  const score = sign === '-' || sign === '\u2212' ? -magnitude : magnitude;
  if (score < MIN_EMOTION || score > MAX_EMOTION) return { error: 'out-of-range' };
  // Avoid -0 leaking into rendered output.
  return { score: score === 0 ? 0 : score };
}

/**
 * Parse an emotion value. Never throws; what cannot be read is returned in `errors`
 * with its offsets, so callers can point at the exact entry.
 */
export function parseEmotion(value: string): ParsedEmotion {
  const result: ParsedEmotion = { perPersona: [], errors: [] };
  for (const entry of splitEntries(value)) {
    const persona = PERSONA_PREFIX.exec(entry.text);
    const rest = persona ? entry.text.slice(persona[0].length) : entry.text;
    const read = readScore(rest);
    if ('error' in read) {
      result.errors.push({ kind: read.error, text: entry.text, start: entry.start, end: entry.end });
    } else if (persona) {
      result.perPersona.push({ slug: idOf(persona[1]), score: read.score });
    } else {
      result.overall = read.score;
    }
  }
  return result;
}

/** The emoji for a score (rounded and clamped to the scale). */
export function emotionEmoji(score: number): string {
  const clamped = Math.max(MIN_EMOTION, Math.min(MAX_EMOTION, Math.round(score)));
  return EMOTION_EMOJI[clamped - MIN_EMOTION].emoji;
}
