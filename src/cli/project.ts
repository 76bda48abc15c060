/**
 * Facts about this tool for `--version` and for SARIF's tool description. The version
 * comes from package.json; esbuild inlines the JSON into the bundle, so the CLI needs no
 * file next to it at run time.
 */
import { version } from '../../package.json';

export { docsUrl, PROJECT_URL } from '../shared/project-url';

/** Tool name as shown in SARIF and in help text. */
export const TOOL_NAME = 'blueprint';

/** Version of the package the CLI was built from. */
export const VERSION: string = version;
