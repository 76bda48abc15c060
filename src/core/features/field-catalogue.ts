/**
 * Value suggestions for the fields whose values come from a fixed set. The keys
 * themselves (with their Dutch spellings and docs) come from the language's one table,
 * `src/core/vocabulary.ts`.
 */
import type { Lang } from '../model';
import { CHANNEL_VALUES, fieldSpec } from '../vocabulary';

/** A suggested value with a short explanation. */
export interface ValueInfo {
  value: string;
  doc?: string;
}

const emotionValues: Record<Lang, readonly ValueInfo[]> = {
  en: [
    { value: '-2', doc: '😞 very negative' },
    { value: '-1', doc: '🙁 negative' },
    { value: '0', doc: '😐 neutral' },
    { value: '1', doc: '🙂 positive' },
    { value: '2', doc: '😀 very positive' },
  ],
  nl: [
    { value: '-2', doc: '😞 heel negatief' },
    { value: '-1', doc: '🙁 negatief' },
    { value: '0', doc: '😐 neutraal' },
    { value: '1', doc: '🙂 positief' },
    { value: '2', doc: '😀 heel positief' },
  ],
};

const yesNoValues: Record<Lang, readonly ValueInfo[]> = {
  en: [{ value: 'yes' }, { value: 'no' }],
  nl: [{ value: 'ja' }, { value: 'nee' }],
};

const basisValues: Record<Lang, readonly ValueInfo[]> = {
  en: [
    { value: 'heard', doc: 'heard from citizens in a conversation' },
    { value: 'assumed', doc: 'an assumption still to be checked' },
    { value: 'proposed', doc: 'a proposed new step' },
  ],
  nl: [
    { value: 'gehoord', doc: 'gehoord van inwoners in een gesprek' },
    { value: 'aangenomen', doc: 'een aanname die nog getoetst moet worden' },
    { value: 'voorstel', doc: 'een voorgestelde nieuwe stap' },
  ],
};

const channelValues: Record<Lang, readonly ValueInfo[]> = {
  en: CHANNEL_VALUES.en.map((value) => ({ value })),
  nl: CHANNEL_VALUES.nl.map((value) => ({ value })),
};

const valuesByKey: Readonly<Record<string, Record<Lang, readonly ValueInfo[]>>> = {
  emotion: emotionValues,
  channel: channelValues,
  vulnerable: yesNoValues,
  basis: basisValues,
};

/** Values to offer after a key as written (either language), or undefined for free text. */
export function valuesFor(rawKey: string, lang: Lang): readonly ValueInfo[] | undefined {
  const spec = fieldSpec(rawKey);
  return spec ? valuesByKey[spec.key]?.[lang] : undefined;
}
