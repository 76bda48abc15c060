/**
 * Work written as steps: a generator that pauses between pieces, so a host can give the
 * editor a turn (issue 13). The parser and the rule runner both offer their work this way
 * and run it in one go through `runToEnd` when nobody needs the pauses.
 */

/** Runs a stepped computation to its end in one go. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs steps for a host that gives the editor turns between them (the extension's slices);
 * `undefined` when the host stopped them (disposed) before the end.
 */
export type StepRunner = <T>(steps: Generator<void, T, void>) => Promise<{ value: T } | undefined>;
