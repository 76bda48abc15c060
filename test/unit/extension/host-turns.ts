import { vi } from 'vitest';

/**
 * Counts the host's turns (timer callbacks) while `work` runs: work done in steps gives
 * some, work done in one go none.
 *
 * While it runs, `Date.now()` moves on by a millisecond each time it is read, on top of the
 * real time. Work in steps gives the host a turn once its slice of time (12 ms) has passed;
 * on a fast machine a whole stepped parse can fit in one real slice, and a test would then
 * see no turn although the steps are right. With this clock a slice ends after a dozen
 * steps on any machine, and work in one go still gives none.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  const realNow = Date.now.bind(Date);
  let reads = 0;
  const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + ++reads);
  let turns = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    running = false;
    clock.mockRestore();
  }
}
