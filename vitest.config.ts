import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/content/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // QuickJS runs are CPU-bound; two cores -> two workers.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    // Names any test that holds a worker's event loop for long (see the file).
    setupFiles: ['./test/support/loop-stall-warning.ts'],
  },
});
