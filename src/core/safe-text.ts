/**
 * Text from blueprints (step names, persona names, file names) ends up in terminals, CI
 * logs and Markdown pages. A blueprint from an untrusted pull request could carry escape
 * sequences (`ESC[2J` clears the screen, OSC 8 writes hidden links), bells, or bidi
 * controls that make a line read differently from what it is. Such characters are shown
 * as visible escapes (`\x1b`, `\u202e`) instead of being passed through.
 */

/**
 * C0 controls except tab, line feed and carriage return (callers fold lines themselves),
 * DEL, C1 controls, and the Unicode bidi controls (embeddings, overrides, isolates and
 * the implicit marks) that "Trojan Source" relies on.
 */
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every terminal control and bidi control shown as a visible escape. */
export function visibleControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** One line of plain text for a terminal: controls visible, line breaks folded to a space. */
export function terminalLine(text: string): string {
  return visibleControls(text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' '));
}

/**
 * Text that Markdown (GitHub's, with its extensions) shows literally: the characters that
 * start links and images (`[`, `]`), HTML, entities, emphasis, code and table cells are
 * backslash-escaped (CommonMark allows that for any ASCII punctuation), as are the `:` of
 * `https:/`, `mailto:` and `xmpp:` and the dot of `www.`, which start GitHub's bare
 * autolinks; `@name` gets a zero-width space so it mentions nobody. Line breaks fold to
 * a space. Other punctuation stays as it is, so the raw Markdown reads well too.
 */
export function markdownText(text: string): string {
  return noMentions(
    terminalLine(text)
      .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
      .replace(/:(?=\/)|(?<=\b(?:mailto|xmpp)):/gi, '\\:')
      .replace(/(www)\./gi, '$1\\.'),
  );
}

/**
 * `@name` would notify people on GitHub (`@everyone`, a team, a user): a zero-width
 * space after `@` (as `&#8203;`, which Markdown turns into the character) keeps the text
 * readable and inert.
 */
function noMentions(markdown: string): string {
  return markdown.replace(/@(?=[\p{L}\p{N}_-])/gu, '@&#8203;');
}

/**
 * Text inside a Markdown code span (between single backticks): nothing in it is Markdown
 * or HTML, and backslashes are not escapes there, so only what would end the span (a
 * backtick), a line break or a control character needs care.
 */
export function codeSpanText(text: string): string {
  return terminalLine(text).replace(/`/g, "'");
}
