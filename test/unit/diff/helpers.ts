/**
 * Diff test helpers: two in-memory workspaces (base and head), each with its own
 * files, and the diff of one file between them.
 */
import { diffVersions, type BlueprintDiff, type Change } from '../../../src/core/index';
import { uriOf, workspaceWith } from '../features/workspace';

export async function diffFiles(base: Record<string, string>, head: Record<string, string>, file = 'journey.blueprint.md'): Promise<BlueprintDiff> {
  const [before, after] = await Promise.all([workspaceWith(base), workspaceWith(head)]);
  const uri = uriOf(file);
  const version = (workspace: typeof before, files: Record<string, string>) =>
    file in files ? { index: workspace.index, uri, diagnostics: workspace.diagnostics(uri) } : undefined;
  return diffVersions(version(before, base), version(after, head));
}

/** Diff of one file's two texts, with optional shared files on both sides. */
export function diffTexts(base: string, head: string, shared: Record<string, string> = {}): Promise<BlueprintDiff> {
  return diffFiles({ ...shared, 'journey.blueprint.md': base }, { ...shared, 'journey.blueprint.md': head });
}

export const journeyChanges = (changes: readonly Change[]): Change[] => changes.filter((c) => !c.kind.startsWith('finding-'));

/** English → Dutch keywords of the fixtures (the ids stay English: titles are unchanged). */
export function toDutch(text: string): string {
  return text
    .replace(/^## Personas$/m, "## Persona's")
    .replace(/^## Stories$/m, '## Verhalen')
    .replace(/^## Journey$/m, '## Klantreis')
    .replace(/^### Stage: /gm, '### Fase: ')
    .replace(/^#### Step: /gm, '#### Stap: ')
    .replace(/^### Step: /gm, '### Stap: ')
    .replace(/^- customer: /gm, '- klant: ')
    .replace(/^- channel: /gm, '- kanaal: ')
    .replace(/^- emotion: /gm, '- emotie: ')
    .replace(/^- story: /gm, '- verhaal: ')
    .replace(/^- heard: /gm, '- gehoord: ')
    .replace(/^- vulnerable: yes/gm, '- kwetsbaar: ja')
    .replace(/^lang: en$/m, 'lang: nl');
}
