/**
 * Generators of blueprint-like Markdown for property tests: lines drawn from the
 * constructs that matter to the parser (headings of every kind, field lists, fences,
 * HTML blocks, quotes, definitions, front matter), so random documents hit the chunk
 * boundaries where a chunked parse could go wrong.
 */
import fc from 'fast-check';

const LINES = [
  '', '', '',
  '# Title', '## Personas', "## Persona's", '## Stories', '## Verhalen', '## Journey', '## Klantreis', '## Notes',
  '### Maria', '### Ahmed <!-- expect: unused-persona -->', '### Stage: Discover', '### Fase: Aanvragen', '#### Step: Reads the letter',
  '#### Stap: Belt de gemeente', '### Step: Lone step', '##### Detail', '#', '###### ', '  ## indented heading',
  '- persona: @maria', '- persona: @Maria, @ahmed', '- persona: [Maria](#maria)', '- persona: [Ahmed](personas.blueprint.md#ahmed)',
  '- story: #benefit-stopped', '- verhaal: [Brief](#brief-niet-begrepen)', '- customer: reads the *letter*', '- klant: belt',
  '- emotion: -2', '- emotie: @maria -1; @ahmed 2', '- emotion: 7', '- frontstge: typo', '- heard: 2021-05-12, interview',
  '- vulnerable: yes', '- kwetsbaar: ja', '- needs:', '  - plain letters', '  - one contact', '* pain: queue, jargon',
  '1. ordered: item', '- plain bullet', '  continuation line', '> Nobody told me why.', '> - persona: @quoted',
  '```', '```js', '~~~', '````', '    indented code', '<!-- comment -->', '<!--', '-->', '<div>', '</div>', '<script>', '</script>',
  '[maria]: #maria', '[^1]: footnote', 'A paragraph with @maria and #story.', 'Setext heading', '===', '---', '***',
  '| a | b |', '| - | - |', '| c | d |', '- [ ] task: item', '\t- tabbed: field', 'Stage: not a heading',
  '## Stage: 😀 emoji', '### Ünïcödé naam', '- persona: @', '- : empty key', '- key:value', '- https://example.org',
  // Read line by line too (issue 9): nested quotes, indented items and their continuations, breaks.
  '> > Nested quote', '> > > > deeper', '  - an indented note', '   - three spaces', '    continued note', '___',
  '<!-- a note -->', '<details>', '</details>', '<section class="x">', '<p>',
];

export const blueprintLine = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const frontMatter = fc.constantFrom(
  '',
  '---\nblueprint: T\npersonas: personas.blueprint.md\n---\n',
  '---\nblueprint: T\nlang: nl\npersona: "@maria"\n---\n',
  '---\nbroken: [\n---\n',
  '---\n# yaml comment\n---\n',
);

export const blueprintText = fc
  .tuple(frontMatter, fc.array(blueprintLine, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, lines, eol]) => (front + lines.join('\n')).replace(/\n/g, eol));

export type Edit = { line: number; deleteCount: number; insert: string[] };

export const edits = fc.array(
  fc.record({
    line: fc.nat({ max: 80 }),
    deleteCount: fc.nat({ max: 3 }),
    insert: fc.array(blueprintLine, { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 5 },
);

export function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  const at = Math.min(edit.line, lines.length);
  lines.splice(at, edit.deleteCount, ...edit.insert);
  return lines.join('\n');
}

/**
 * Front matters for workspaces of a few files (main, personas, other, sub/deep): the
 * `personas:` files they name, in lists, up a folder, the file itself, a missing one.
 */
export const CROSS_FILE_FRONT: readonly string[] = [
  '',
  '---\nblueprint: T\npersonas: personas.blueprint.md\n---\n',
  '---\npersonas: [other.blueprint.md, personas.blueprint.md]\n---\n',
  '---\npersonas: ../personas.blueprint.md\npersona: "@maria"\n---\n',
  '---\nlang: nl\npersonas: sub/deep.blueprint.md\n---\n',
  '---\npersonas: main.blueprint.md\n---\n',
  '---\npersonas: missing.blueprint.md\n---\n',
];

/** Lines that link between those files' personas, stories and steps, or define them. */
export const CROSS_FILE_LINES: readonly string[] = [
  '- story: [Lost](other.blueprint.md#lost)',
  '- persona: [Zoë](sub/deep.blueprint.md#zoe)',
  '- persona: @zoe',
  '### Zoe',
  '### Lost',
  '- story: #lost',
  '- persona: [Maria](../personas.blueprint.md#maria)',
  '- story: [Step](main.blueprint.md#reads-the-letter)',
  '## Stories\n\n### Lost\n- persona: @maria',
  '## Personas\n\n### Zoe\n- heard: 2024-01-01',
  '## Journey\n\n### Step: Reads the letter\n- story: [Lost](other.blueprint.md#lost)',
  '### Step: Asks\n- persona: [Zoë](sub/deep.blueprint.md#zoe)\n- story: [Lost](../other.blueprint.md#lost)',
  '## Journey\n\n### Step: Calls\n- persona: @maria\n- story: #lost',
];
