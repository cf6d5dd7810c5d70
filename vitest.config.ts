import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests in parallel, and end-to-end tests (headless Chromium,
// child processes, real servers) one file at a time: this machine has two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: ['node_modules/**', 'dist/**', 'test/e2e/**', '**/*.e2e.test.ts', '**/*.long.test.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts', '**/*.e2e.test.ts'],
          exclude: ['node_modules/**', 'dist/**'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
