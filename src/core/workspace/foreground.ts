/**
 * Work that goes first (issue 13): an opened file's first parse and check run in steps,
 * and background indexing waits while they run, so the open file's problems come first
 * instead of sharing the host with the index. Steps left unfinished for 3 s no longer
 * count (a caller that dropped them without `return`), so indexing never waits forever.
 */
export class Foreground {
  private readonly running = new Map<object, number>();

  /** True while steps wrapped by `steps` are running. */
  busy(): boolean {
    const now = Date.now();
    for (const [token, since] of this.running) if (now - since > 3000) this.running.delete(token);
    return this.running.size > 0;
  }

  /** The same steps, counted as foreground work until they finish or are returned. */
  *steps<T>(steps: Generator<void, T, void>): Generator<void, T, void> {
    const token = {};
    this.running.set(token, Date.now());
    try {
      return yield* steps;
    } finally {
      this.running.delete(token);
    }
  }
}
