/**
 * Caches keyed by object identity, kept beside the objects the parser reuses.
 *
 * The parser hands back the same object (segment, item, field list, reference list,
 * document) for text that did not change, so what the engine derives from such an object
 * can be remembered beside it and is dropped with it (a `WeakMap` keeps no key alive).
 * This is what keeps a one-line edit on a 1000-step blueprint inside the 16 ms budget.
 *
 * A cache like this is correct only while its value depends on nothing but its key
 * object (or carries a check of what else it depends on, as `stepUses` does with the ids
 * version). That is easy to break unseen, so every such cache of the core is made here,
 * with a name and what it holds: `identityCaches()` lists them, docs/performance.md
 * lists them (a test keeps the two equal), and ESLint refuses a `new WeakMap` anywhere
 * else in `src/core`. The property tests (incremental equals fresh, compact equals full)
 * are what show each one correct.
 */

export interface IdentityCacheInfo {
  /** The variable's name, as docs/performance.md lists it. */
  name: string;
  /** The module that owns it, relative to src/core. */
  module: string;
  /** The object it is keyed by, and what it holds for it. */
  holds: string;
}

const caches: IdentityCacheInfo[] = [];

/** A new identity cache, registered under `info`. Call it once, at module level. */
export function identityCache<Key extends object, Value>(info: IdentityCacheInfo): WeakMap<Key, Value> {
  caches.push(info);
  return new WeakMap<Key, Value>();
}

/** Every identity cache of the modules loaded so far (all of them once `src/core/index.ts` is). */
export function identityCaches(): readonly IdentityCacheInfo[] {
  return caches;
}
