import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => {
  // `npm run test:fuzz` (`--mode fuzz`): the unit tests with every property test's runs
  // multiplied (FC_RUNS_FACTOR, default 10; see test/fast-check.setup.ts), to find rare
  // counterexamples before a CI run's random seed does.
  const fuzz = mode === 'fuzz';
  return {
    test: {
      include: fuzz ? ['test/unit/**/*.test.ts'] : ['test/unit/**/*.test.ts', 'test/browser/**/*.test.ts'],
      // FC_SEED / FC_PATH replay a property test's failure; FC_RUNS_FACTOR scales its runs.
      setupFiles: ['test/fast-check.setup.ts'],
      ...(fuzz ? { env: { FC_RUNS_FACTOR: process.env.FC_RUNS_FACTOR ?? '10' } } : {}),
      // Browser tests start Chromium; keep the machine (2 cores) from being oversubscribed.
      maxWorkers: 2,
      testTimeout: fuzz ? 600_000 : 30_000,
      hookTimeout: 60_000,
      // A machine-readable report beside the console one, for the CI summary line.
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  };
});
