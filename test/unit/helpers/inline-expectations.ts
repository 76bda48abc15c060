/**
 * The inline expectations of a fixture, read once for every suite: the line where a
 * diagnostic starts ends with `<!-- expect: rule-id -->` (several ids separated by commas).
 * Pure (no imports), so the in-editor suite bundles it as well.
 */
export interface ExpectedFinding {
  /** 1-based line, as editors and the CLI show it. */
  line: number;
  rule: string;
}

const EXPECT = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

/** The expectations written in a text, in line order. */
export function expectedFromText(text: string): ExpectedFinding[] {
  const result: ExpectedFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      for (const rule of match[1].split(',').map((r) => r.trim()).filter(Boolean)) result.push({ line: index + 1, rule });
    }
  });
  return result;
}
