// @ts-check
/**
 * Installs code-server (pinned) into the git-ignored `.e2e/` folder when it is
 * missing, with the prerequisites its install needs offline:
 *  - Debian packages `libkrb5-dev` (a native module needs the gssapi headers)
 *    and `ripgrep`; installed with apt-get when missing and running as root;
 *  - a seeded `@vscode/ripgrep` download cache holding Debian's `rg`, because
 *    the package otherwise downloads ripgrep from GitHub, which is unreachable;
 *  - npm flags so the nested installs (`npx node-gyp`, lib/vscode's postinstall)
 *    run unattended and as root.
 * Run directly (`node scripts/e2e/install-code-server.mjs`) or import
 * `ensureCodeServer()`.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_ENTRY, CODE_SERVER_MARKER, CODE_SERVER_PREFIX, CODE_SERVER_VERSION } from './paths.mjs';
import { runCommand } from './proc.mjs';

/** The @vscode/ripgrep version code-server 4.100.3 depends on, and its binary release. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';

/** @returns {string | undefined} absolute path of an executable on PATH */
function which(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Installs missing Debian packages, or explains what to install. */
async function ensureDebianPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!which('rg')) missing.push('ripgrep');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(`code-server needs these Debian packages: ${missing.join(' ')}. Install them (sudo apt-get install -y ${missing.join(' ')}) and rerun.`);
  }
  console.error(`[e2e] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update', '-q'], { env, quiet: true });
  await runCommand('apt-get', ['install', '-y', '-q', ...missing], { env, quiet: true });
}

/** The target triple @vscode/ripgrep downloads for this machine. */
function ripgrepTarget() {
  switch (process.arch) {
    case 'x64': return 'x86_64-unknown-linux-musl';
    case 'arm64': return 'aarch64-unknown-linux-musl';
    default: throw new Error(`no seeded ripgrep for ${process.platform}/${process.arch}`);
  }
}

/**
 * Puts Debian's `rg` where @vscode/ripgrep's postinstall looks before it
 * downloads: `<tmpdir>/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz`.
 */
async function seedRipgrepCache() {
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${ripgrepTarget()}.tar.gz`);
  if (existsSync(archive)) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not on PATH');
  await fs.mkdir(cacheDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'rg-seed-'));
  try {
    await fs.copyFile(rg, path.join(staging, 'rg'));
    await fs.chmod(path.join(staging, 'rg'), 0o755);
    await runCommand('tar', ['-czf', archive, '-C', staging, 'rg'], { quiet: true });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Makes sure code-server is installed; returns its entry script.
 * @returns {Promise<string>}
 */
export async function ensureCodeServer() {
  if (existsSync(CODE_SERVER_MARKER) && existsSync(CODE_SERVER_ENTRY)) return CODE_SERVER_ENTRY;
  const started = Date.now();
  console.error(`[e2e] installing code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), CODE_SERVER_PREFIX) || CODE_SERVER_PREFIX} (one time, about a minute)`);
  await ensureDebianPrerequisites();
  await seedRipgrepCache();
  // A half-finished install would confuse npm; start clean.
  await fs.rm(CODE_SERVER_PREFIX, { recursive: true, force: true });
  await fs.mkdir(CODE_SERVER_PREFIX, { recursive: true });
  await fs.writeFile(path.join(CODE_SERVER_PREFIX, 'package.json'), JSON.stringify({ private: true, name: 'e2e-code-server' }, null, 2));
  const env = {
    ...process.env,
    // One native module's install runs `npx node-gyp`, which would prompt.
    npm_config_yes: 'true',
    // As root npm drops privileges for scripts unless told not to.
    npm_config_unsafe_perm: 'true',
    // npm 11 skips dependency install scripts unless approved; code-server's
    // postinstall runs further npm installs (lib/vscode) that also need their
    // scripts, and an env setting reaches those nested installs too. This is a
    // pinned, isolated tool install, not a project dependency.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const args = ['install', '--no-save', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`];
  try {
    await runCommand('npm', args, { cwd: CODE_SERVER_PREFIX, env, quiet: true });
  } catch (error) {
    throw new Error(`code-server install failed (see above); folder ${CODE_SERVER_PREFIX}\n${/** @type {Error} */ (error).message}`);
  }
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed but ${CODE_SERVER_ENTRY} is missing`);
  await fs.writeFile(CODE_SERVER_MARKER, `${CODE_SERVER_VERSION}\n`);
  console.error(`[e2e] code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return CODE_SERVER_ENTRY;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureCodeServer().then(
    (entry) => console.log(entry),
    (error) => {
      console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
