/**
 * The only globals the core may use beyond ECMAScript: timers, which the extension host,
 * Node and browser workers all provide. Included by `src/core/tsconfig.json` alone, so a
 * core module reaching for anything else (DOM, Node) fails to type-check there.
 */
interface CoreTimerHandle {
  readonly __coreTimerHandle?: never;
}
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number): CoreTimerHandle;
declare function clearTimeout(handle: CoreTimerHandle | undefined): void;
