/**
 * Issue 9: `blueprint coverage` and `blueprint diff` show blueprint text as `check` does.
 * Terminal control and bidi characters become visible escapes in stylish output; in the
 * Markdown (a pull-request comment, a job summary) names cannot add HTML, close the
 * report's <details>, add links or images, mention people or break a table. Every case
 * runs the built CLI as a process; the Markdown is read back with micromark + GFM.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, requireBuiltCli, runCli } from './helpers';

/** Names carrying HTML, a link, an image, a mention, a pipe, a screen clear, a bell and a right-to-left override. */
const HTML = '</details><img src=x onerror=alert(1)>';
const STAGE = `Apply | now ${HTML}`;
const STEP = `${HTML} @everyone [x](https://evil.test) ![i](https://evil.test/i.png) \u001b[2J\u0007 \u202eevil\u202c | cell`;
const PERSONA = 'Maria @everyone \u202eairaM\u202c';

const BASE = `---
blueprint: Hostile names
lang: en
---

## Personas

### ${PERSONA}
- vulnerable: yes
- heard: 2024-03-02, interview

## Journey

### Stage: ${STAGE}

#### Step: Reads the letter
- persona: @maria-everyone-airam
- customer: reads the letter
`;
const HEAD = BASE.replace('- customer: reads the letter\n', `- customer: reads the letter\n\n#### Step: ${STEP}\n- persona: @everyone\n- customer: pays\n`);

/** Bidi controls in a lane value, which the export renders as Markdown. */
const DESCRIBED = HEAD.replace('- customer: pays\n', `- customer: pays *now* \u2066isolated\u2069 [link](https://example.org)\n`);
const project = makeProject({
  'base.blueprint.md': BASE,
  'head.blueprint.md': HEAD,
  'described.blueprint.md': DESCRIBED,
  'unheard.blueprint.md': BASE.replace('- heard: 2024-03-02, interview\n', ''),
});
const cwd = project.dir;
beforeAll(requireBuiltCli);
afterAll(() => project.dispose());

/** Raw control characters (tab and line feed allowed) and bidi controls. */
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function expectSafeMarkdown(markdown: string): void {
  expect(markdown).not.toMatch(RAW_CONTROLS);
  const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
  expect(html).not.toMatch(/<img|<\/details><img|onerror=alert\(1\)>/);
  expect(html).not.toContain('href="https://evil.test');
  expect(html).not.toContain('src="https://evil.test');
  // No mention: `@everyone` never appears as plain text (a zero-width space follows the @).
  // (Code spans and blocks, the Mermaid source among them, are never scanned for mentions.)
  expect(html.replace(/<pre>[\s\S]*?<\/pre>|<code>[^<]*<\/code>/g, '')).not.toMatch(/@everyone/);
  expect(html).toContain('@\u200beveryone');
  // Every table row has as many cells as its header: a `|` in a name does not add one.
  for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
    const rows = [...table[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => (row[1].match(/<t[hd][ >]/g) ?? []).length);
    expect(new Set(rows).size, table[0]).toBe(1);
  }
}

function expectSafeTerminal(text: string): void {
  expect(text).not.toMatch(RAW_CONTROLS);
}

describe.concurrent('coverage and diff show blueprint text safely', () => {
  it('coverage --format markdown: no HTML, links, images, mentions or extra cells from names', async () => {
    const result = await runCli(['coverage', 'head.blueprint.md', '--format', 'markdown'], { cwd });
    expect(result.status).toBe(0);
    expectSafeMarkdown(result.stdout);
    expect(result.stdout).toContain('Apply \\| now');
  });

  it('coverage (stylish): control and bidi characters as visible escapes', async () => {
    const result = await runCli(['coverage', 'head.blueprint.md', '--no-color'], { cwd });
    expect(result.status).toBe(0);
    expectSafeTerminal(result.stdout);
    expect(result.stdout).toContain('\\u202eairaM\\u202c');
  });

  it('diff --format markdown: the step name cannot close <details>, link, mention or break the table', async () => {
    const result = await runCli(['diff', 'base.blueprint.md', 'head.blueprint.md', '--format', 'markdown'], { cwd });
    expectSafeMarkdown(result.stdout);
    expect(micromark(result.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })).toContain('\\x1b[2J\\x07 \\u202eevil\\u202c');
  });

  it('diff (stylish): control and bidi characters as visible escapes', async () => {
    const result = await runCli(['diff', 'base.blueprint.md', 'head.blueprint.md', '--no-color'], { cwd });
    expectSafeTerminal(result.stdout);
    expect(result.stdout).toContain('\\x1b[2J\\x07 \\u202eevil\\u202c');
  });

  it('check --format markdown: a persona named "Maria @everyone" does not mention anyone', async () => {
    const result = await runCli(['check', 'unheard.blueprint.md', '--format', 'markdown'], { cwd });
    expect(result.stdout).toContain('@&#8203;everyone');
    expect(micromark(result.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(/@everyone/);
  });

  it('render (the HTML export): bidi controls from names and lane Markdown are marked, never raw', async () => {
    const result = await runCli(['render', 'described.blueprint.md'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(result.stdout).toContain('[U+202E]evil[U+202C]');
    expect(result.stdout).toContain('[U+2066]isolated[U+2069]');
    expect(result.stdout).not.toMatch(/<img|onerror=alert/);
  });

  it('render --format mermaid and the other views: names cannot add directives, links, HTML or lines', async () => {
    const mermaid = await runCli(['render', 'described.blueprint.md', '--format', 'mermaid'], { cwd });
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).not.toMatch(RAW_CONTROLS);
    // `<br>` is the renderer's own line break in a long name; nothing else of HTML or Mermaid syntax passes.
    expect(mermaid.stdout.replaceAll('<br>', ' ')).not.toMatch(/[<>"[\]]|%%|https?:|click /);
    // One line per item: the journey, title, accessible title, section and step lines only.
    for (const line of mermaid.stdout.trimEnd().split('\n')) expect(line).toMatch(/^(journey|  title |  accTitle: |  section |    \S)/);
    for (const view of ['client', 'journey', 'coverage']) {
      const page = await runCli(['render', 'described.blueprint.md', '--view', view], { cwd });
      expect(page.status).toBe(0);
      expect(page.stdout).not.toMatch(/<img|onerror=alert|<\/details>/);
      expect(page.stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});
