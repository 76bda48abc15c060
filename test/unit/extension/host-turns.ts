/** Counts the host's turns (timer callbacks) while `work` runs: work done in steps gives some, work done in one go none. */
export async function turnsDuring<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await work;
  running = false;
  return { value, turns };
}
