// @ts-check
/**
 * Starts code-server isolated from the machine's own VS Code state: its own
 * config, user data, extensions and XDG folders under a throw-away session
 * folder, bound to a free port on 127.0.0.1, without a marketplace. The server
 * runs in its own process group; `stop()` ends the whole group.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER_ENTRY } from './paths.mjs';
import { registerCleanup } from './cleanup.mjs';
import { delay, groupAlive, stopGroup } from './proc.mjs';

/** Settings that keep the workbench quiet and predictable for tests. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

/** @returns {Promise<number>} a port nothing listens on right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Flags shared by `--install-extension` and the server: both must agree on the
 * user-data and extensions folders.
 * @param {string} sessionDir
 * @param {string} extensionsDir
 */
function isolationFlags(sessionDir, extensionsDir) {
  return [
    '--config', path.join(sessionDir, 'config.yaml'),
    '--user-data-dir', path.join(sessionDir, 'user'),
    '--extensions-dir', extensionsDir,
  ];
}

/**
 * Environment for code-server and, through inheritance, its extension host.
 * @param {string} sessionDir
 * @param {NodeJS.ProcessEnv} extra
 */
function isolatedEnv(sessionDir, extra) {
  return {
    ...process.env,
    // Without it code-server reaches out to open-vsx.org.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(sessionDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(sessionDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(sessionDir, 'xdg', 'cache'),
    XDG_STATE_HOME: path.join(sessionDir, 'xdg', 'state'),
    ...extra,
  };
}

/**
 * Prepares a session folder (config, quiet settings plus `settings`).
 * @param {string} sessionDir
 * @param {Record<string, unknown>} [settings] more user settings
 */
async function prepareSession(sessionDir, settings = {}) {
  await fs.mkdir(path.join(sessionDir, 'user', 'User'), { recursive: true });
  await fs.writeFile(path.join(sessionDir, 'config.yaml'), 'auth: none\ncert: false\n');
  await fs.writeFile(path.join(sessionDir, 'user', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/**
 * Installs a VSIX into an extensions folder, the way a user would.
 * @param {{ sessionDir: string, extensionsDir: string, vsix: string }} options
 * @returns {Promise<string>} code-server's output
 */
export async function installExtension({ sessionDir, extensionsDir, vsix }) {
  await prepareSession(sessionDir);
  const args = [CODE_SERVER_ENTRY, ...isolationFlags(sessionDir, extensionsDir), '--install-extension', vsix];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: isolatedEnv(sessionDir, {}), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => {
      void stopGroup(/** @type {number} */ (child.pid));
      reject(new Error(`--install-extension timed out\n${output}`));
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && !/failed|error/i.test(output)) resolve(output);
      else reject(new Error(`--install-extension ${vsix} failed (${code})\n${output}`));
    });
  });
}

/**
 * @typedef {object} RunningCodeServer
 * @property {number} port
 * @property {string} origin  `http://127.0.0.1:PORT`
 * @property {string} logFile code-server's combined output
 * @property {() => Promise<void>} stop ends the whole process group (idempotent)
 */

/**
 * Starts code-server and waits until `/healthz` answers.
 * @param {{ sessionDir: string, extensionsDir: string, env?: NodeJS.ProcessEnv, settings?: Record<string, unknown>, readyTimeoutMs?: number }} options
 *   settings: user settings on top of the quiet ones (e.g. `remote.extensionKind`)
 * @returns {Promise<RunningCodeServer>}
 */
export async function startCodeServer({ sessionDir, extensionsDir, env = {}, settings = {}, readyTimeoutMs = 30_000 }) {
  await prepareSession(sessionDir, settings);
  await fs.mkdir(extensionsDir, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(sessionDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    CODE_SERVER_ENTRY,
    ...isolationFlags(sessionDir, extensionsDir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    env: isolatedEnv(sessionDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() reaches the extension host and watchers too.
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const pid = /** @type {number} */ (child.pid);
  let exited = false;
  child.on('exit', () => { exited = true; });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    await stopGroup(pid);
    log.end();
  };
  const unregister = registerCleanup(stop);

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return { port, origin, logFile, stop };
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  await stop();
  const output = await fs.readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`code-server did not become ready on ${origin} (${exited ? 'it exited' : 'timeout'})\n${output.slice(-3000)}`);
}

export { groupAlive };
