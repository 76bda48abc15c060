/**
 * Where the project lives on the web, for rule documentation links (editor, SARIF,
 * Markdown report). The one setting is `repository.url` in package.json; the
 * marketplace derives its homepage and issue links from it too. esbuild inlines only
 * this field of the manifest into each bundle.
 */
import { repository } from '../../package.json';

/** The repository's web address, without `git+` or `.git`. */
export const PROJECT_URL: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');

/** Web address of a repository file (a rule's docs page), on the main branch. */
export function docsUrl(repositoryPath: string): string {
  return `${PROJECT_URL}/blob/main/${repositoryPath}`;
}
