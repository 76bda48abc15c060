// @ts-check
/**
 * Small process helpers. Every long-lived child is started in its own process
 * group (`detached`) so that stopping it also stops whatever it spawned
 * (code-server forks its extension host and file watchers).
 */
import { spawn } from 'node:child_process';
import { registerCleanup } from './cleanup.mjs';

/**
 * Runs a command to completion; rejects with its output tail when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} [options]
 * @returns {Promise<string>} combined stdout and stderr
 */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const unregister = registerCleanup(async () => { child.kill('SIGTERM'); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      unregister();
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})\n${output.slice(-4000)}`));
    });
  });
}

/**
 * Sends a signal to a whole process group, ignoring "no such process".
 * @param {number} pid leader of the group
 * @param {NodeJS.Signals} signal
 */
export function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

/**
 * True while any process of the group is alive.
 * @param {number} pid leader of the group
 */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process group: SIGTERM, then SIGKILL after a grace period.
 * @param {number} pid leader of the group
 * @param {number} [graceMs]
 */
export async function stopGroup(pid, graceMs = 3000) {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  const killDeadline = Date.now() + 2000;
  while (groupAlive(pid) && Date.now() < killDeadline) await delay(50);
}

/** @param {number} ms */
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
