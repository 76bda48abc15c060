/**
 * Which files are blueprints: a name matching the configured globs, or YAML front matter
 * with a `blueprint:` key. Checked on every editor request, so it must stay cheap: the
 * front-matter test only looks at the top of the text.
 */
import picomatch from 'picomatch/posix';

/** Builds a matcher for workspace-relative (or absolute) slash-separated paths. */
export function blueprintPathMatcher(globs: readonly string[]): (path: string) => boolean {
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path.replace(/^\/+/, ''));
}

/** True when the front matter at the top of `text` has a `blueprint:` key. */
export function hasBlueprintFrontMatter(text: string): boolean {
  const head = text.slice(0, 4096);
  const frontMatter = /^\uFEFF?---(?:\r\n?|\n)([\s\S]*?)(?:\r\n?|\n)(?:---|\.\.\.)\s*(?:[\r\n]|$)/.exec(head);
  return frontMatter !== null && /^blueprint\s*:/m.test(frontMatter[1] ?? '');
}

/** True when a file is a blueprint by its path (when it has one) or its front matter. */
export function isBlueprintFile(path: string | undefined, text: string, matchesGlob: (path: string) => boolean): boolean {
  return (path !== undefined && matchesGlob(path)) || hasBlueprintFrontMatter(text);
}

/**
 * URI schemes of documents that are the workspace's own files: on disk, unsaved, in a
 * remote or in github.dev's virtual file system. Every other scheme (`git:` for the
 * original side of a Source Control diff, `output:`, search editors, read-only content
 * providers) shows another version or no file at all: checking it would put a second
 * group of false problems in Problems and a second copy of every id in the index.
 */
export const WORKSPACE_DOCUMENT_SCHEMES: ReadonlySet<string> = new Set([
  'file',
  'untitled',
  'vscode-remote',
  'vscode-vfs',
  'vscode-test-web',
]);

/** True when a document of this URI scheme is a workspace document (allow-list, see above). */
export function isWorkspaceDocumentScheme(scheme: string): boolean {
  return WORKSPACE_DOCUMENT_SCHEMES.has(scheme.toLowerCase());
}
