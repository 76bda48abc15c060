// @ts-check
/**
 * One `test:e2e` run at a time per checkout: runs share `dist/`, the VSIX and
 * `out/test/vscode/`, which each run rebuilds. A second run waits for the
 * first; a lock left by a dead process is taken over.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { registerCleanup } from './cleanup.mjs';
import { E2E_DIR } from './paths.mjs';
import { delay } from './proc.mjs';

const LOCK_FILE = path.join(E2E_DIR, 'run.lock');

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Waits until this process holds the lock; it is released by the cleanups.
 * @param {number} timeoutMs
 */
export async function acquireRunLock(timeoutMs) {
  await fs.mkdir(E2E_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      await fs.writeFile(LOCK_FILE, String(process.pid), { flag: 'wx' });
      registerCleanup(async () => {
        const holder = await fs.readFile(LOCK_FILE, 'utf8').catch(() => '');
        if (holder === String(process.pid)) await fs.rm(LOCK_FILE, { force: true });
      });
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const holder = Number(await fs.readFile(LOCK_FILE, 'utf8').catch(() => '0'));
    if (!holder || !alive(holder)) {
      await fs.rm(LOCK_FILE, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another test:e2e run (pid ${holder}) still holds ${LOCK_FILE}`);
    if (!announced) {
      console.log(`[e2e] waiting for another test:e2e run (pid ${holder}) to finish`);
      announced = true;
    }
    await delay(1000);
  }
}
