// The whole test suite: unit and API tests on PGlite, the same on a real PostgreSQL server,
// then browser tests. Prints one closing line: "tests: N passed, N failed, N skipped".
import { execFileSync } from 'node:child_process';
import type { RunnerTask, RunnerTestFile } from 'vitest';
import { startVitest } from 'vitest/node';
import { type TestPostgres, testPostgresServer } from './postgres';

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };

function tally(tasks: RunnerTask[]) {
  for (const task of tasks) {
    if ('tasks' in task && task.type === 'suite') {
      tally(task.tasks);
      continue;
    }
    const state = task.result?.state;
    if (state === 'pass') total.passed++;
    else if (state === 'fail') total.failed++;
    else total.skipped++;
  }
}

async function runSuite(label: string, config: string, env: Record<string, string | undefined>) {
  console.log(`\n=== ${label} ===`);
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const vitest = await startVitest('test', [], { config, watch: false, run: true });
  const files: RunnerTestFile[] = vitest.state.getFiles();
  const before = total.failed;
  tally(files);
  // A file that failed to load has no tests but an error: count it as a failure.
  for (const file of files) if (file.result?.state === 'fail' && file.tasks.length === 0) total.failed++;
  await vitest.close();
  return total.failed === before;
}

const only = process.argv[2];
let postgres: TestPostgres | undefined;
try {
  if (!only || only === 'pglite') {
    await runSuite('API and unit tests on PGlite', 'vitest.config.ts', { TEST_DATABASE_URL: undefined });
  }
  if (!only || only === 'postgres') {
    const server = await testPostgresServer();
    postgres = server.started;
    await runSuite('API tests on PostgreSQL', 'vitest.config.ts', { TEST_DATABASE_URL: server.url });
  }
  if (!only || only === 'e2e') {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    await runSuite('Browser tests (Chromium)', 'vitest.e2e.config.ts', { TEST_DATABASE_URL: undefined });
  }
} finally {
  postgres?.stop();
}

console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
