import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintParser, parseBlueprint, parseWhole } from '../../../src/core/parse';
import type { BlueprintDocument, Range } from '../../../src/core/model';
import { applyEdit, blueprintLine, blueprintText, edits } from './arbitraries';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { taskListItemFromMarkdown } from '../../../src/core/parse/task-list-check';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { parseMarkdown } from '../../../src/core/parse/markdown-parser';
import { itemMovedFrom } from '../../../src/core/parse/build';

const URI = 'file:///w/test.blueprint.md';

/** Every range anywhere in the model, with where it was found. */
function collectRanges(value: unknown, path = 'doc', out: Array<{ path: string; range: Range }> = []): Array<{ path: string; range: Range }> {
  if (Array.isArray(value)) value.forEach((item, i) => collectRanges(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isRange(record)) out.push({ path, range: record });
    for (const [key, child] of Object.entries(record)) if (key !== 'text') collectRanges(child, `${path}.${key}`, out);
  }
  return out;
}

function isRange(value: Record<string, unknown>): value is Range & Record<string, unknown> {
  return typeof value.start === 'object' && typeof value.end === 'object' && value.start !== null && value.end !== null;
}

function expectRangesInside(doc: BlueprintDocument): void {
  const lines = doc.text.split('\n').map((line) => line.length);
  for (const { path, range } of collectRanges(doc)) {
    for (const position of [range.start, range.end]) {
      expect(position.line, path).toBeGreaterThanOrEqual(0);
      expect(position.line, path).toBeLessThan(lines.length);
      expect(position.character, path).toBeGreaterThanOrEqual(0);
      expect(position.character, path).toBeLessThanOrEqual(lines[position.line]);
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    expect(ordered, `${path} start after end`).toBe(true);
  }
}

describe('parser properties', () => {
  it('never throws and keeps every range inside the document (blueprint-like text)', () => {
    fc.assert(
      fc.property(blueprintText, (text) => {
        expectRangesInside(parseBlueprint(text, URI));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), (a, b) => {
        expectRangesInside(parseBlueprint(a + '\n' + b, URI));
      }),
      { numRuns: 300 },
    );
  });

  it('a chunked parse equals a whole-document parse', () => {
    fc.assert(
      fc.property(blueprintText, (text) => {
        expect(parseBlueprint(text, URI)).toEqual(parseWhole(text, URI));
      }),
      { numRuns: 400 },
    );
  });

  it('incremental re-parse after random edits equals a full parse', () => {
    fc.assert(
      fc.property(blueprintText, edits, (text, editList) => {
        const parser = new BlueprintParser();
        parser.parse(text, URI);
        let current = text;
        for (const edit of editList) {
          current = applyEdit(current, edit);
          const incremental = parser.parse(current, URI);
          expect(incremental).toEqual(parseWhole(current, URI));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000); // CPU-bound: 200 runs of several edits each

  it('items moved by a new line above them equal a fresh parse, every range included', () => {
    const text = [
      '# T', '', '## Personas', '', '### Maria', '- heard: 2024-01-01, at home; 2024-02-01', '- needs: plain letters', '',
      '## Stories', '', '### Lost', '- persona: @maria', '> I lost it.', '',
      '## Journey', '', '### Stage: Apply', '- persona: @maria', '', '#### Step: Fills in', '- customer: fills in, signs', '- story: [Lost](#lost)', '',
    ].join('\n');
    const parser = new BlueprintParser();
    parser.parse(text, URI);
    for (const at of [1, 3, 9, 15]) {
      const lines = text.split('\n');
      lines.splice(at, 0, '');
      const moved = lines.join('\n');
      const doc = parser.parse(moved, URI);
      expect(doc).toEqual(parseWhole(moved, URI));
      // The last step was reused as a moved copy, not built anew.
      expect(itemMovedFrom(doc.steps[0])).toBeDefined();
      parser.parse(text, URI);
    }
  });

  it('re-parses only the edited chunk after a one-line edit', () => {
    const steps = Array.from({ length: 40 }, (_, i) => `### Step: Step ${i}\n- persona: @maria\n- customer: does ${i}\n`).join('\n');
    const text = `# T\n\n## Journey\n\n${steps}`;
    const parser = new BlueprintParser();
    parser.parse(text, URI);
    const edited = text.replace('- customer: does 17\n', '- customer: does seventeen\n');
    const doc = parser.parse(edited, URI);
    expect(parser.lastParsedChunks).toBe(1);
    expect(doc.steps[17].fields[1].value).toBe('does seventeen');
  });
});

describe('input beyond the Markdown tools', () => {
  it('reads a section nested too deeply as its heading, reports it, and keeps the rest', () => {
    const deep = '>'.repeat(20000) + ' nobody reads this\n';
    const text = `## Journey\n\n### Step: Before\n- persona: @maria\n\n### Step: Deep\n${deep}\n### Step: After\n- persona: @maria\n`;
    const doc = parseBlueprint(text, URI);
    expect(doc.steps.map((step) => step.name)).toEqual(['Before', 'Deep', 'After']);
    expect(doc.steps[2].fields[0].value).toBe('@maria');
    expect(doc.problems).toEqual([
      {
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: deep.length - 1 } },
        severity: 'warning',
        message: 'parse.tooComplexNesting',
        args: { count: 20000, limit: 16 },
      },
    ]);
  });
});

describe('markdown parser', () => {
  // The reference: every GFM block extension the model parse uses, whatever the text holds
  // (the task list's with the repair of task-list-check.ts; task-list-check.test.ts pins that).
  const everything = unified()
    .use(remarkParse)
    .use(function gfmStructure(this: Processor): void {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmTaskListItem());
      (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), taskListItemFromMarkdown());
    });

  it('leaving out extensions whose markers are absent gives the same tree', () => {
    const tableish = fc.constantFrom('| a | b |', '|---|:-:|', '> | - |', '  | -- |', 'a | b', '-|-', '[^1]', '[^1]: note', '- [ ] task', '* [x] done', '[X]');
    const lines = fc.array(fc.oneof(blueprintLine, tableish), { maxLength: 30 });
    fc.assert(
      fc.property(lines, (list) => {
        const text = '\n' + list.join('\n'); // a leading newline keeps front matter out of it
        expect(parseMarkdown(text)).toEqual(everything.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
