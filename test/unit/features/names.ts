/**
 * Names a heading can hold, for property tests of rename and quick fixes: pieces chosen
 * for what Markdown, Unicode and the reference grammar make of them (emoji, combining and
 * decomposed accents, brackets, links, comments, entities, prefixes, escapes, line breaks,
 * invisible and right-to-left characters), mixed with arbitrary text.
 */
import fc from 'fast-check';

const PIECES = [
  'Maria', 'zoë', 'Zoe\u0308', 'Ahmed', 'de', 'Vries', 'अनीता', 'İlkay', 'ß', 'Ⓐ', '١٢', '7', 'x',
  ' ', ' ', '  ', '\t', '\u00a0', '\u200b', '\u202e', '\u0301',
  '😀', '👩‍👩‍👧', '🇳🇱', '-', '_', '.', ',', ':', ';', '!', '?', '"', "'", '’', '(', ')', '/',
  '[', ']', '](#x)', '[a](b)', '<', '>', '<b>', '<!--', '-->', '<!-- c -->', '`', '*', '**', '~~', '\\', '&', '&amp;', '&#35;',
  '#', ' #', '@', 'Step: ', 'Stap: ', 'Stage: ', 'https://x.example', 'www.x.nl', '|',
  '\n', '\r\n', '\u2028',
];

/** A name as typed into the rename box or written in a heading. */
export const anyName = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 7 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
);

/** Names of letters, combining marks, digits and single inner spaces: always renamable. */
export const plainName = fc
  .array(fc.constantFrom('Maria', 'Zoë', 'Zoe\u0308', 'अनीता', 'Jan', 'de', 'Vries', '67', 'Ölçü', 'Łucja'), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));
