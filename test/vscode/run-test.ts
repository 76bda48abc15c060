/**
 * Runs the in-editor suite in desktop VS Code through `@vscode/test-electron`
 * (`npm run test:vscode`). VS Code comes from `VSCODE_EXECUTABLE` when set,
 * otherwise test-electron downloads it. Where neither works (offline machines
 * such as this project's CI), this says so and exits non-zero: use
 * `npm run test:e2e`, which runs the same suite in code-server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/** Repository root: this file is compiled to out/test/vscode/run-test.js. */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A throw-away copy of test/vscode/workspace with the examples, so tests may edit files. */
function prepareWorkspace(): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-vscode-ws-'));
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  return workspace;
}

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
    console.error(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist.`);
    return 1;
  }
  const workspace = prepareWorkspace();
  try {
    await runTests({
      vscodeExecutablePath,
      // Same lower bound as engines.vscode, so a newer API cannot sneak in.
      version: vscodeExecutablePath ? undefined : '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!vscodeExecutablePath && /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|socket/i.test(message)) {
      console.error(
        [
          'test:vscode could not download VS Code and VSCODE_EXECUTABLE is not set.',
          `  cause: ${message}`,
          '  Either set VSCODE_EXECUTABLE=/path/to/code (a VS Code 1.100 or newer),',
          '  or run the same suite in code-server, offline: npm run test:e2e',
        ].join('\n'),
      );
    } else {
      console.error(`test:vscode failed: ${message}`);
    }
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
