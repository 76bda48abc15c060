/**
 * Facts about this tool for `--version` and for SARIF's tool description. The version
 * comes from package.json; esbuild inlines the JSON into the bundle, so the CLI needs no
 * file next to it at run time.
 */
import manifest from '../../package.json';

interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const pkg: Manifest = manifest;

/** Tool name as shown in SARIF and in help text. */
export const TOOL_NAME = 'blueprint';

/** Version of the package the CLI was built from. */
export const VERSION: string = pkg.version;

/** Where the project lives: package.json's `homepage`, else its repository, else the default home. */
export const PROJECT_URL: string = projectUrl(pkg);

function projectUrl(source: Manifest): string {
  if (source.homepage) return source.homepage.replace(/#.*$/, '').replace(/\/$/, '');
  const repository = typeof source.repository === 'string' ? source.repository : source.repository?.url;
  if (repository) {
    return repository.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  }
  return 'https://github.com/blueprints-as-code/service-blueprints';
}

/** Web address of a repository file (a rule's docs page), on the main branch. */
export function docsUrl(repositoryPath: string): string {
  return `${PROJECT_URL}/blob/main/${repositoryPath}`;
}
