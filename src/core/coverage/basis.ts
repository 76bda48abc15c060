/**
 * The `basis` of a step: what it rests on. The first word of the value decides, in either
 * language, so `basis: heard in three interviews` still counts as heard.
 */
import type { Step } from '../model';

export type Basis = 'heard' | 'assumed' | 'proposed';

/** Every basis bucket the coverage counts: the three values and "not given". */
export type BasisCount = Record<Basis | 'none', number>;

const BASIS_WORDS: Readonly<Record<string, Basis>> = {
  heard: 'heard',
  gehoord: 'heard',
  assumed: 'assumed',
  assumption: 'assumed',
  aangenomen: 'assumed',
  aanname: 'assumed',
  proposed: 'proposed',
  proposal: 'proposed',
  voorstel: 'proposed',
  voorgesteld: 'proposed',
};

/** The value a word names, or undefined when it names none. */
export function basisOfWord(word: string): Basis | undefined {
  const key = word.trim().toLowerCase();
  return Object.hasOwn(BASIS_WORDS, key) ? BASIS_WORDS[key] : undefined;
}

/**
 * A step's basis: its first `basis` field with a recognised first word. Undefined when
 * the step gives none, or only a value that names none of the three (counted as not given:
 * a typo must not pass for a conversation).
 */
export function basisOfStep(step: Step): Basis | undefined {
  for (const field of step.fields) {
    if (field.key !== 'basis') continue;
    const first = field.value.trim().split(/[\s,;:.()]+/)[0] ?? '';
    const basis = basisOfWord(first);
    if (basis) return basis;
  }
  return undefined;
}

export function emptyBasisCount(): BasisCount {
  return { heard: 0, assumed: 0, proposed: 0, none: 0 };
}
