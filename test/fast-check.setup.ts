/**
 * fast-check settings from the environment, for every property test (vitest setupFiles).
 * Without these variables nothing changes: each run draws a fresh random seed, and a
 * failure prints it with the path of the shrunk counterexample.
 *
 * - `FC_SEED=<seed> FC_PATH=<path>` replays a reported failure exactly (give the test's
 *   name with `-t` so that only its `fc.assert` runs):
 *   `FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/parse/parser.properties.test.ts -t "chunked"`.
 * - `FC_RUNS_FACTOR=<n>` multiplies every property's own `numRuns` (tests set it per call,
 *   which outranks `fc.configureGlobal`, hence the wrapper): `npm run test:fuzz` uses it to
 *   look for rare counterexamples before a random CI run does. Tests with their own
 *   timeout can time out at large factors; a counterexample is still printed.
 */
import fc from 'fast-check';
import { vi } from 'vitest';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;
if (seed !== undefined && seed !== '') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed), ...(path ? { path } : {}) });

vi.mock('fast-check', async (importOriginal) => {
  const original = await importOriginal<typeof import('fast-check')>();
  const factor = Number(process.env.FC_RUNS_FACTOR ?? '1');
  if (!(factor > 0) || factor === 1) return original;
  const assert = ((property: unknown, params?: { numRuns?: number }) =>
    original.assert(property as never, { ...params, numRuns: Math.ceil((params?.numRuns ?? 100) * factor) })) as typeof original.assert;
  const scaled = { ...original, assert };
  return { ...scaled, default: scaled };
});
