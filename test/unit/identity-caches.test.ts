/**
 * Every identity cache of the core (src/core/identity-cache.ts) is listed in
 * docs/performance.md with its module, and the doc lists no cache that is gone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/core';
import { identityCaches } from '../../src/core/identity-cache';

/** Rows of the doc's identity-cache table: `| \`name\` | \`module\` | holds |`. */
function documentedCaches(): Array<{ name: string; module: string }> {
  const doc = readFileSync('docs/performance.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Identity caches'));
  return [...section.matchAll(/^\| `(\w+)` \| `([\w/.-]+)` \|/gm)].map((match) => ({ name: match[1], module: match[2] }));
}

describe('identity caches', () => {
  it('has each cache registered once, under a unique name', () => {
    const names = identityCaches().map((cache) => cache.name);
    expect(names.length).toBeGreaterThanOrEqual(9);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists exactly the registered caches in docs/performance.md', () => {
    const registered = identityCaches().map(({ name, module }) => ({ name, module }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(documentedCaches().sort(byName)).toEqual([...registered].sort(byName));
  });
});
