import { describe, expect, it } from 'vitest';
import { blueprintPathMatcher, hasBlueprintFrontMatter, isBlueprintFile, isWorkspaceDocumentScheme } from '../../../src/core/features/scope';

describe('which files are blueprints', () => {
  const defaults = blueprintPathMatcher(['**/*.blueprint.md']);

  it('matches the glob, workspace-relative or absolute', () => {
    expect(defaults('apply.blueprint.md')).toBe(true);
    expect(defaults('docs/apply.blueprint.md')).toBe(true);
    expect(defaults('/home/me/apply.blueprint.md')).toBe(true);
    expect(defaults('README.md')).toBe(false);
    expect(blueprintPathMatcher(['services/**/*.md'])('services/a/b.md')).toBe(true);
  });

  it('recognises blueprint: front matter, and only in front matter', () => {
    expect(hasBlueprintFrontMatter('---\nblueprint: Apply\n---\n# Apply\n')).toBe(true);
    expect(hasBlueprintFrontMatter('---\ntitle: x\nblueprint: y\n...\n')).toBe(true);
    expect(hasBlueprintFrontMatter('---\ntitle: x\n---\nblueprint: not front matter\n')).toBe(false);
    expect(hasBlueprintFrontMatter('# Notes\n\nblueprint: no\n')).toBe(false);
  });

  it('combines both: untitled documents count through front matter only', () => {
    expect(isBlueprintFile('notes.md', '# Notes', defaults)).toBe(false);
    expect(isBlueprintFile(undefined, '---\nblueprint: New\n---\n', defaults)).toBe(true);
    expect(isBlueprintFile('a.blueprint.md', '', defaults)).toBe(true);
  });
});

describe('which documents are workspace documents', () => {
  it('allows files, unsaved, remote and github.dev documents', () => {
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'FILE']) expect(isWorkspaceDocumentScheme(scheme)).toBe(true);
  });

  it('refuses the other side of a diff, output, search editors and content providers', () => {
    for (const scheme of ['git', 'gitfs', 'output', 'search-editor', 'vscode-scm', 'blueprint-test-original', 'merge-conflict.conflict-diff']) {
      expect(isWorkspaceDocumentScheme(scheme)).toBe(false);
    }
  });
});
