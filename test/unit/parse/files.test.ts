/**
 * Issue 9, the core's side of files: what the workspace does with paths that blueprints
 * write and with files a host cannot read. Hosts are in memory here; the CLI tests show
 * the same through the real file system.
 */
import { describe, expect, it, vi } from 'vitest';
import { BlueprintWorkspace, type FileHost } from '../../../src/core/workspace/workspace';
import type { FileProblemKind, FileReadResult } from '../../../src/core/workspace/file-problems';
import { fixtureUri, runFixture } from '../helpers/expectations';

/** A personas file: `---` front matter naming the next file, and one persona. */
function chainLink(i: number, last: boolean): string {
  return `---\nblueprint: Personas ${i}\n${last ? '' : `personas: p${i + 1}.blueprint.md\n`}---\n\n# Personas ${i}\n\n## Personas\n\n### Persona ${i}\n- heard: 2024-01-01, interview\n`;
}

const JOURNEY = (personas: string): string => `---
blueprint: Apply
lang: en
personas: ${JSON.stringify(personas)}
---

# Apply

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
`;

describe('paths that blueprints write', () => {
  it('a lone surrogate in a personas path is an unresolved file, not a URIError', async () => {
    const { actual } = await runFixture({ 'a.blueprint.md': JOURNEY('\uD800.md') });
    expect(actual.map((f) => `${f.line} ${f.rule}`)).toContain('4 unresolved-file');
  });

  it.each([
    ['../outside/personas.blueprint.md'],
    ['%2e%2e/outside/personas.blueprint.md'],
    ['%2E%2E/outside/personas.blueprint.md'],
    ['/elsewhere/personas.blueprint.md'],
    ['sub/../../outside/personas.blueprint.md'],
  ])('%s, outside the project root, is refused without asking the host', async (written) => {
    const asked: string[] = [];
    const host: FileHost = { readFile: async (uri) => (asked.push(uri), '# Personas\n\n## Personas\n\n### Maria\n') };
    const workspace = new BlueprintWorkspace(host, { roots: ['file:///project'] });
    const uri = 'file:///project/a.blueprint.md';
    workspace.setText(uri, JOURNEY(written));
    await workspace.loadDependencies();
    expect(asked).toEqual([]);
    const findings = workspace.diagnostics(uri).map((d) => `${d.rule}: ${d.message}`);
    expect(findings).toContain(`parse: '${written}' lies outside the project folder; files there are not read.`);
    expect(findings.some((f) => f.startsWith('unresolved-file'))).toBe(false);
  });

  it('a path inside the root, even spelled with .. or percent-encoding, is read', async () => {
    const asked: string[] = [];
    const host: FileHost = { readFile: async (uri) => (asked.push(uri), undefined) };
    const workspace = new BlueprintWorkspace(host, { roots: ['file:///project'] });
    workspace.setText('file:///project/docs/a.blueprint.md', JOURNEY('%2e%2e/shared/p.blueprint.md'));
    await workspace.loadDependencies();
    expect(asked).toEqual(['file:///project/shared/p.blueprint.md']);
  });
});

describe('files a host cannot read', () => {
  const cases: Array<[FileProblemKind, string, string]> = [
    ['permission', "File 'p.md' cannot be read: permission denied.", "Bestand 'p.md' kan niet worden gelezen: geen toegang."],
    ['folder', "'p.md' is a folder, not a file.", "'p.md' is een map, geen bestand."],
    ['notRegular', "'p.md' is not a regular file (but a device, pipe or socket) and is not read.", "'p.md' is geen gewoon bestand (maar een apparaat, pipe of socket) en wordt niet gelezen."],
    ['tooLarge', "File 'p.md' is larger than 10 MB and is not read.", "Bestand 'p.md' is groter dan 10 MB en wordt niet gelezen."],
    ['notUtf8', "File 'p.md' is not UTF-8 text and is not read.", "Bestand 'p.md' is geen UTF-8-tekst en wordt niet gelezen."],
  ];
  it.each(cases)('%s: a parse finding on the personas line that says so (EN and NL), not unresolved-file', async (problem, en, nl) => {
    for (const [locale, message] of [['en', en], ['nl', nl]] as const) {
      const host: FileHost = { readFile: async (): Promise<FileReadResult> => ({ problem }) };
      const workspace = new BlueprintWorkspace(host, { config: { locale } });
      const uri = fixtureUri('a.blueprint.md');
      workspace.setText(uri, JOURNEY('p.md'));
      await workspace.loadDependencies();
      const findings = workspace.diagnostics(uri).filter((d) => d.range.start.line === 3);
      expect(findings.map((d) => `${d.rule} ${d.severity}: ${d.message}`)).toEqual([`parse error: ${message}`]);
    }
  });

  it('a host that throws is "could not be read", and the other files are still checked', async () => {
    const host: FileHost = { readFile: async () => Promise.reject(new Error('disk on fire')) };
    const workspace = new BlueprintWorkspace(host);
    const uri = fixtureUri('a.blueprint.md');
    workspace.setText(uri, JOURNEY('p.md'));
    await workspace.loadDependencies();
    expect(workspace.diagnostics(uri).map((d) => d.message)).toContain("File 'p.md' could not be read.");
  });
});

describe('a chain of personas files', () => {
  const length = 12_000;
  const files = new Map<string, string>();
  for (let i = 0; i < length; i++) files.set(fixtureUri(`p${i}.blueprint.md`), chainLink(i, i === length - 1));
  const host: FileHost = { readFile: async (uri) => files.get(uri) };

  it('of 12,000 files loads each once, scanning each document once, and checks without a stack overflow', async () => {
    const workspace = new BlueprintWorkspace(host);
    const first = fixtureUri('a.blueprint.md');
    workspace.setText(first, JOURNEY('p0.blueprint.md').replace('@maria', `@persona-${length - 1}`));
    const scanned = vi.spyOn(workspace, 'dependenciesOf');
    await workspace.loadDependencies();
    expect(workspace.documents()).toHaveLength(length + 1);
    // Linear: each document's dependencies are looked at a bounded number of times.
    expect(scanned.mock.calls.length).toBeLessThanOrEqual(2 * (length + 1));
    const findings = workspace.diagnostics(first);
    expect(findings.filter((d) => d.rule === 'unknown-persona')).toEqual([]);
    expect(findings.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
  }, 300_000);
});
