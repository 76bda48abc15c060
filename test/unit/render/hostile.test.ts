import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import { renderBlueprintHtml, renderStandalonePage } from '../../../src/core/render/html';
import { parseHtml } from './html-tree';
import { findAll, hasClass } from './hast-query';
import { markdownToHast } from '../../../src/core/render/cell-markdown';
import { renderMermaid } from '../../../src/core/render/mermaid';
import { toHtml } from 'hast-util-to-html';

/** The fragment the preview and export ship, read back as a tree. */
function buildTree(input: Parameters<typeof renderBlueprintHtml>[0]) {
  return parseHtml(renderBlueprintHtml(input));
}

const HOSTILE = readFileSync(new URL('../../fixtures/hostile/hostile.blueprint.md', import.meta.url), 'utf8');

/** Markup only: quoted attribute values are inert text, so they are blanked before scanning for tags. */
function markup(html: string): string {
  return html.replace(/="[^"]*"/g, '=""');
}

let cached: ReturnType<typeof loadHostile> | undefined;

/** Parsed and checked once: every test reads the same model. */
function hostileModel() {
  cached ??= loadHostile();
  return cached;
}

async function loadHostile() {
  const uri = 'file:///work/hostile.blueprint.md';
  const workspace = new BlueprintWorkspace({ readFile: async () => undefined });
  workspace.setText(uri, HOSTILE);
  await workspace.loadDependencies();
  const doc = workspace.get(uri);
  if (!doc) throw new Error('not parsed');
  return { doc, diagnostics: workspace.diagnostics(uri), index: workspace.index };
}

describe('a hostile blueprint', () => {
  it('renders no active HTML in the grid', async () => {
    const tree = buildTree(await hostileModel());
    const elements = findAll(tree, () => true);
    expect(elements.some((e) => e.properties.dataStep !== undefined)).toBe(true); // it did render the journey
    const tags = new Set(elements.map((e) => e.tagName));
    for (const tag of ['script', 'iframe', 'style', 'img', 'form', 'meta', 'base', 'object', 'embed', 'button', 'input']) {
      expect(tags.has(tag), tag).toBe(false);
    }
    for (const element of elements) {
      expect(Object.keys(element.properties).filter((name) => /^on/i.test(name)), element.tagName).toEqual([]);
      expect(element.properties.id, 'no ids that could clobber the page').toBeUndefined();
      expect(element.properties.style).toBeUndefined();
    }
    const hrefs = elements.map((e) => e.properties.href).filter((href) => href !== undefined);
    for (const href of hrefs) expect(String(href)).toMatch(/^(https?:|mailto:|#|[^:]*$)/i);
    // The only SVG is the emotion curve the renderer draws itself.
    const svgs = elements.filter((e) => e.tagName === 'svg');
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(hasClass(svg, 'bp-curve')).toBe(true);
  });

  it('keeps the hostile text visible as text', async () => {
    const html = renderBlueprintHtml(await hostileModel());
    expect(html).toContain('&lt;script&gt;window.__pwned');
  });

  it('renders no active HTML in the exported page', async () => {
    const page = markup(renderStandalonePage(await hostileModel()));
    expect(page.match(/<script/gi)).toBeNull();
    // Text content escapes '<', so a real tag is the only place '<' stands unescaped.
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('cannot reconfigure Mermaid or add statements to the journey source', async () => {
    const written = renderMermaid(await hostileModel());
    // The generator's own line breaks are the only markup; blueprint text brings none.
    const source = written.replace(/<br>/g, ' ');
    const lines = source.trimEnd().split('\n');
    expect(source).not.toMatch(/%%|[{}<>#;]/);
    expect(lines[0]).toBe('journey');
    expect(lines[1]).toMatch(/^ {2}title [^:]+$/);
    expect(lines[2]).toMatch(/^ {2}accTitle: [^:]+$/);
    for (const line of lines.slice(3)) {
      expect(line).toMatch(/^( {2}section [^:]+| {4}\d+\. [^:]+: [1-5](: [^:]+)?)$/);
    }
    expect(lines.some((line) => /^\s*click/i.test(line))).toBe(false);
  });
});

describe('cell Markdown', () => {
  const html = (markdown: string) => toHtml({ type: 'root', children: markdownToHast(markdown) });

  it('keeps emphasis, code, lists, quotes and safe links', () => {
    expect(html('*a* **b** `c` ~~d~~')).toBe('<em>a</em> <strong>b</strong> <code>c</code> <del>d</del>');
    expect(html('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html('[x](https://a.example/) [y](mailto:a@b.example) [z](other.md#maria) [w](#maria)')).toBe(
      '<a href="https://a.example/">x</a> <a href="mailto:a@b.example">y</a> <a href="other.md#maria">z</a> <a href="#maria">w</a>',
    );
  });

  it('reads GitHub Markdown: bare web addresses and e-mail addresses become links, task list items keep their text', () => {
    expect(html('see www.example.org or https://a.example/x and ask a@b.example')).toBe(
      'see <a href="http://www.example.org">www.example.org</a> or <a href="https://a.example/x">https://a.example/x</a> and ask <a href="mailto:a@b.example">a@b.example</a>',
    );
    expect(html('- [x] done\n- [ ] open')).toContain('done');
  });

  it('drops raw HTML, images and links with other schemes', () => {
    // Inline tags go; the text between them stays, as text.
    expect(html('a <b onclick="x()">b</b> <script>alert(1)</script>')).toBe('a b alert(1)');
    expect(html('<script>alert(1)</script>')).toBe('');
    expect(html('![i](https://tracker.example/p.gif)')).toBe('');
    expect(html('[x](javascript:alert(1)) [y](data:text/html,hi) [z](vbscript:x)')).toBe('<a>x</a> <a>y</a> <a>z</a>');
  });

  it('shows plain text as is', () => {
    expect(html('calls the office')).toBe('calls the office');
    expect(html('a < b & c')).toBe('a &#x3C; b &#x26; c');
  });
});
