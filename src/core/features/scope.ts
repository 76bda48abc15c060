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
  const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(head);
  return frontMatter !== null && /^blueprint\s*:/m.test(frontMatter[1] ?? '');
}

/** True when a file is a blueprint by its path (when it has one) or its front matter. */
export function isBlueprintFile(path: string | undefined, text: string, matchesGlob: (path: string) => boolean): boolean {
  return (path !== undefined && matchesGlob(path)) || hasBlueprintFrontMatter(text);
}
