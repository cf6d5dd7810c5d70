import { defineConfig } from 'vitest/config';

// The long variants of the engine's proofs (excluded from the default run by the root config).
export default defineConfig({
  test: {
    include: ['test/engine/**/*.long.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
