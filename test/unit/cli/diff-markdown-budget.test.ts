/**
 * `diff --format markdown` on a huge change: the report stops at 60 KB, and what cannot fit
 * is not described at all (each change's `line` is read once per row made: counted here).
 */
import { describe, expect, it } from 'vitest';
import { formatDiffMarkdown, MAX_MARKDOWN_BYTES } from '../../../src/cli/diff/format-markdown';
import type { Comparison } from '../../../src/cli/diff/compare';
import type { Attention, Change } from '../../../src/core';

const COUNT = 20_000;

function counted<T extends { line: number }>(item: Omit<T, 'line'> & { line?: number }, index: number, reads: { count: number }): T {
  return Object.defineProperty({ ...item }, 'line', {
    get: () => {
      reads.count++;
      return index + 1;
    },
    enumerable: true,
  }) as unknown as T;
}

function hugeComparison(reads: { count: number }): Comparison {
  const changes = Array.from({ length: COUNT }, (_, i) => counted<Change>({ kind: 'step-added', step: `s-${i}`, name: `Step ${i}`, stage: 'Apply' } as Omit<Change, 'line'>, i, reads));
  const findings = Array.from({ length: COUNT }, (_, i) => counted<Change>({ kind: 'finding-new', rule: 'unknown-persona', severity: 'error', message: `Unknown persona @p${i}` } as Omit<Change, 'line'>, i, reads));
  const attention = Array.from({ length: COUNT }, (_, i) => counted<Attention>({ kind: 'step-without-persona', step: `s-${i}`, name: `Step ${i}` } as Omit<Attention, 'line'>, i, reads));
  const diff = { file: 'big.blueprint.md', status: 'modified' as const, changes: [...changes, ...findings], attention };
  return { report: { base: 'main', head: 'working tree', files: [diff] }, compared: [{ diff, existingFindings: 0 }], problems: [] };
}

describe('diff --format markdown on a huge change', () => {
  it('stays under 60 KB with the cut note, and describes little beyond what it shows', () => {
    const reads = { count: 0 };
    const md = formatDiffMarkdown(hugeComparison(reads), 'en');
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_MARKDOWN_BYTES);
    expect(md).toContain('This report was cut here to stay under 60 KB');
    expect(md).toContain('### Needs attention');
    // As much of the list as fits, then the note: not the headline alone.
    const listed = md.split('\n').filter((line) => line.startsWith('- ⚠ `big.blueprint.md:'));
    expect(listed.length).toBeGreaterThan(500);
    expect(listed[0]).toContain('`big.blueprint.md:1`');
    expect(md.trimEnd().endsWith('Run `blueprint diff` locally for all changes.')).toBe(true);
    // 60 KB holds at most ~1,500 of these lines; 60,000 items were given, each read once if described.
    expect(reads.count).toBeLessThan(4_000);
  });

  it('a long table of changes shows the rows that fit, then the note', () => {
    const reads = { count: 0 };
    const comparison = hugeComparison(reads);
    comparison.report.files[0]!.attention = [];
    const md = formatDiffMarkdown(comparison, 'en');
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_MARKDOWN_BYTES);
    expect(md).toContain(`<details><summary>${COUNT - 8} more changes</summary>`);
    // The <details> is closed, so the note below it shows.
    expect(md).toMatch(/\| \d+ \| Step \d+ \| Apply \| [^\n]+\n\n<\/details>\n\n> ✂ This report was cut here/);
    expect(reads.count).toBeLessThan(4_000);
  });

  it('still shows a change that fits in full', () => {
    const reads = { count: 0 };
    const comparison = hugeComparison(reads);
    const diff = comparison.report.files[0]!;
    diff.changes = diff.changes.slice(0, 20);
    diff.attention = diff.attention.slice(0, 3);
    const md = formatDiffMarkdown(comparison, 'en');
    expect(md).not.toContain('was cut');
    expect(md).toContain('<details><summary>12 more changes</summary>');
    expect(md).toContain('| 20 | Step 19 | Apply |');
  });
});
