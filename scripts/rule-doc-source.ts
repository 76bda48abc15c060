/**
 * A rule's doc source, `src/core/rules/<id>.md`: its description, rationale, how to fix,
 * messages (English and Dutch) and examples as Markdown next to its code, in the manner of
 * markdownlint's `doc-build`. `scripts/build-rule-docs.ts` reads these files and generates
 * the rule pages, the checks table of `docs/language.md` and
 * `src/core/rules/docs.generated.ts`, from which the registry and the message catalogue
 * take the texts at run time.
 *
 * The shape (sections in this order; prose paragraphs may wrap, they are joined with spaces):
 *
 *     ---
 *     flags: <one line for the checks table>
 *     points at: <where the finding is placed, for the checks table>
 *     ---
 *
 *     # <rule-id>
 *
 *     <description: what the rule flags>
 *
 *     ## Why it matters
 *     ## How to fix
 *     ## Messages          (- `rule.key` with nested `- en: …` and `- nl: …`)
 *     ## Example that fires     (one ````markdown fenced blueprint)
 *     ## Example that passes
 */

export interface RuleDocSource {
  id: string;
  /** The checks table's "flags" column. */
  flags: string;
  /** The checks table's "points at" column. */
  pointsAt: string;
  description: string;
  rationale: string;
  howToFix: string;
  messages: Record<string, { en: string; nl: string }>;
  examples: { fires: string; passes: string };
}

const SECTIONS = {
  'Why it matters': 'rationale',
  'How to fix': 'howToFix',
  Messages: 'messages',
  'Example that fires': 'fires',
  'Example that passes': 'passes',
} as const;

/** Prose: paragraphs split at blank lines, the lines of a paragraph joined with a space. */
function prose(lines: readonly string[]): string {
  return lines
    .join('\n')
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).join(' '))
    .join('\n\n');
}

/** The content of the one fenced block of a section, with its final line break. */
function fenced(lines: readonly string[], where: string): string {
  const open = lines.findIndex((line) => /^(`{3,}|~{3,})/.test(line));
  if (open < 0) throw new Error(`${where}: no fenced example`);
  const fence = /^(`{3,}|~{3,})/.exec(lines[open])![1];
  const close = lines.findIndex((line, index) => index > open && line.trim() === fence);
  if (close < 0) throw new Error(`${where}: the example's fence is not closed`);
  return lines.slice(open + 1, close).join('\n') + '\n';
}

function messageList(lines: readonly string[], where: string): RuleDocSource['messages'] {
  const messages: RuleDocSource['messages'] = {};
  let key: string | undefined;
  for (const line of lines) {
    const keyMatch = /^- `([\w.]+)`\s*$/.exec(line);
    if (keyMatch) {
      key = keyMatch[1];
      messages[key] = { en: '', nl: '' };
      continue;
    }
    const text = /^\s+- (en|nl): (.*)$/.exec(line);
    if (text && key) messages[key][text[1] as 'en' | 'nl'] = text[2];
    else if (line.trim()) throw new Error(`${where}: unexpected line in Messages: ${line}`);
  }
  for (const [name, translations] of Object.entries(messages)) {
    if (!translations.en || !translations.nl) throw new Error(`${where}: ${name} needs an en and an nl line`);
  }
  return messages;
}

/** Reads a doc source; throws with the file name on anything out of shape. */
export function parseRuleDocSource(text: string, where: string): RuleDocSource {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  const front: Record<string, string> = {};
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new Error(`${where}: front matter not closed`);
    for (const line of lines.slice(1, end)) {
      const colon = line.indexOf(': ');
      if (colon > 0) front[line.slice(0, colon).trim()] = line.slice(colon + 2).trim();
    }
    lines = lines.slice(end + 1);
  }
  const title = lines.findIndex((line) => line.startsWith('# '));
  if (title < 0) throw new Error(`${where}: no '# <rule-id>' heading`);
  const id = lines[title].slice(2).trim();
  const parts: Record<string, string[]> = { description: [] };
  let current = 'description';
  let fence: string | undefined;
  for (const line of lines.slice(title + 1)) {
    // Headings inside an example's fenced block belong to the example.
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && !fence) fence = marker;
    else if (fence && line.trim() === fence) fence = undefined;
    const heading = fence ? null : /^## (.+)$/.exec(line);
    if (heading) {
      const name = SECTIONS[heading[1].trim() as keyof typeof SECTIONS];
      if (!name) throw new Error(`${where}: unknown section '${heading[1]}'`);
      current = name;
      parts[current] = [];
    } else parts[current].push(line);
  }
  for (const name of ['rationale', 'howToFix', 'messages', 'fires', 'passes']) {
    if (!parts[name]) throw new Error(`${where}: no section for ${name}`);
  }
  if (!front.flags || !front['points at']) throw new Error(`${where}: front matter needs 'flags' and 'points at'`);
  return {
    id,
    flags: front.flags,
    pointsAt: front['points at'],
    description: prose(parts.description),
    rationale: prose(parts.rationale),
    howToFix: prose(parts.howToFix),
    messages: messageList(parts.messages, where),
    examples: { fires: fenced(parts.fires, `${where} (fires)`), passes: fenced(parts.passes, `${where} (passes)`) },
  };
}

/** Wraps prose at about 100 characters for a doc source (the parser joins the lines again). */
function wrap(text: string, width = 100): string {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const out: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) out.push(line);
      return out.join('\n');
    })
    .join('\n\n');
}

/** Writes a doc source (used once to move the texts out of the rule files; kept for round-trip tests). */
export function formatRuleDocSource(source: RuleDocSource): string {
  const messages = Object.entries(source.messages).flatMap(([key, { en, nl }]) => [`- \`${key}\``, `  - en: ${en}`, `  - nl: ${nl}`]);
  return [
    '---',
    `flags: ${source.flags}`,
    `points at: ${source.pointsAt}`,
    '---',
    '',
    `# ${source.id}`,
    '',
    wrap(source.description),
    '',
    '## Why it matters',
    '',
    wrap(source.rationale),
    '',
    '## How to fix',
    '',
    wrap(source.howToFix),
    '',
    '## Messages',
    '',
    ...messages,
    '',
    '## Example that fires',
    '',
    '````markdown',
    source.examples.fires.trimEnd(),
    '````',
    '',
    '## Example that passes',
    '',
    '````markdown',
    source.examples.passes.trimEnd(),
    '````',
    '',
  ].join('\n');
}
