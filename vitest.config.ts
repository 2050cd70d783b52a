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
    // the files of a worker share its loaded modules: loading the server's modules once per
    // worker instead of once per file (measured: PGlite 418 s → 178 s, PostgreSQL 208 s → 104 s).
    // Each file starts its own server and database; state a module keeps in memory (files being
    // imported, the test clock) is reset by the tests that use it.
    isolate: false,
  },
});
