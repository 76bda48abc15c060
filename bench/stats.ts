/** Small statistics and timing helpers for the benchmark. */
import { readFileSync } from 'node:fs';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** CPU time of this process spent in `fn`, in ms: unlike wall time, not stretched by other processes on a loaded machine. */
export function cpuTime(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

/** A deterministic pseudo-random generator, so runs pick the same edit places. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The peak resident memory of this process itself, in KB: VmHWM from /proc/self/status.
 * Not `process.resourceUsage().maxRSS`: Linux carries a peak over fork and exec, so a
 * child's maxRSS is at least the RSS of the bench process that spawned it (see scale.ts).
 */
export function ownPeakKb(): number {
  try {
    const match = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall back to maxRSS (a child's figure may then include its parent's).
  }
  return process.resourceUsage().maxRSS;
}

/**
 * A clock of the CPU time this process's main thread has run, in ms: the first field of
 * /proc/<pid>/task/<pid>/schedstat (nanoseconds on a CPU). Not `process.cpuUsage()`, which
 * adds every thread: V8's collector marks and sweeps concurrently on helper threads, and
 * that time blocks no task (the main thread's own collector pauses are counted). The figure
 * is as fresh as the last scheduler tick (4 ms with CONFIG_HZ=250): fine for 50 ms tasks.
 * Falls back to `process.cpuUsage()` where the file is missing (not Linux).
 */
export function mainThreadCpuClock(): { clock: () => number; mainThreadOnly: boolean } {
  const file = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  try {
    if (Number(readFileSync(file, 'utf8').split(' ')[0]) > 0) {
      return { clock: () => Number(readFileSync(file, 'utf8').split(' ')[0]) / 1e6, mainThreadOnly: true };
    }
  } catch {
    // Not Linux.
  }
  return {
    clock: () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    },
    mainThreadOnly: false,
  };
}
