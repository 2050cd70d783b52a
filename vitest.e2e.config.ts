import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two browser files at a time, each with its own server and Chromium: a file mostly waits
    // on rendering and its database, so two keep both cores busy (measured: 376 s of tests in
    // 218 s, where one at a time took about 470 s in CI)
    maxWorkers: 2,
  },
});
