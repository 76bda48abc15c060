// @ts-check
/**
 * Cleanup registry: everything the harness starts registers how to stop it,
 * so a failure, a timeout or Ctrl+C still ends every process it started.
 */

/** @type {Set<() => Promise<void>>} */
const cleanups = new Set();

/**
 * @param {() => Promise<void>} cleanup
 * @returns {() => void} unregisters it (call after a normal stop)
 */
export function registerCleanup(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup (newest first), once. */
export async function runCleanups() {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) await cleanup().catch(() => undefined);
}
