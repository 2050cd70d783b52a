import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two test files at a time: a file mostly waits on its database (PGlite's WASM or the
    // PostgreSQL server), and two keep both cores of a small machine busy (measured: 392 s → 281 s)
    maxWorkers: 2,
  },
});
