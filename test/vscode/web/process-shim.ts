/**
 * The little of `process` that the `assert` package (through `util`) reads. It is given
 * only to those packages (see scripts/e2e/build-web-tests.mjs), so the worker has no
 * global `process` and the suite can assert that.
 */
export const env: Record<string, string | undefined> = {};
export const noDeprecation = false;
export const throwDeprecation = false;
export const traceDeprecation = false;
export const browser = true;
export const platform = 'browser';
export const version = '';
export const versions: Record<string, string> = {};
export function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
  queueMicrotask(() => callback(...args));
}
export function emitWarning(warning: unknown): void {
  console.warn(warning);
}
export const pid = 0;
