/**
 * Hostile front matter (issue 9): YAML aliases, an alias bomb and a collection key. Each
 * bad file is a `parse` finding on that file; the other files are still checked; the
 * YAML library never writes to the console.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBlueprint } from '../../../src/core/parse';
import { formatMessage } from '../../../src/core/i18n/message-catalogue';
import { runFixture } from '../helpers/expectations';

const folder = fileURLToPath(new URL('../../fixtures/hostile/front-matter/', import.meta.url));
const files = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

afterEach(() => vi.restoreAllMocks());

describe('hostile front matter', () => {
  it('reports aliases as parse errors on their own file and still checks the neighbour', async () => {
    const { expected, actual } = await runFixture(files);
    expect(actual).toEqual(expected);
  });

  it('names the alias, in English and in Dutch (the file says taal: nl)', async () => {
    const { diagnostics } = await runFixture(files);
    expect(diagnostics['unresolved-alias.blueprint.md'][0].message).toBe(
      "The front matter uses the YAML alias '*nl': aliases are not supported here, write the value out.",
    );
    expect(diagnostics['personas-alias.blueprint.md'][0].message).toBe(formatMessage('nl', 'parse.frontMatterAlias', { alias: '*a' }));
    expect(diagnostics['personas-alias.blueprint.md'][0].message).toContain('aliassen worden hier niet ondersteund');
  });

  it('points at the first alias of an alias bomb and does not expand it', () => {
    const doc = parseBlueprint(files['alias-bomb.blueprint.md'], 'file:///w/bomb.blueprint.md');
    expect(doc.problems).toEqual([
      { range: { start: { line: 2, character: 7 }, end: { line: 2, character: 9 } }, severity: 'error', message: 'parse.frontMatterAlias', args: { alias: '*a' } },
    ]);
    expect(doc.frontMatter?.data).toEqual({});
  });

  it('keeps the YAML library quiet: no console warning, no process warning', () => {
    const warn = vi.spyOn(console, 'warn');
    const emitWarning = vi.spyOn(process, 'emitWarning');
    const doc = parseBlueprint(files['collection-key.blueprint.md'], 'file:///w/key.blueprint.md');
    expect(doc.title).toBe('A collection as a key');
    expect(warn).not.toHaveBeenCalled();
    expect(emitWarning).not.toHaveBeenCalled();
  });
});
