// The long run of the access oracle (src/modules/access/access-oracle.test.ts): many random
// worlds against the written access rules.
//
//   npm run test:access                          # 10,000 worlds on PGlite
//   npm run test:access -- --worlds 2000 --postgres
//   npm run test:access -- --seed 12345 --path 17:3:0   # replay one counterexample
//
// Options: --worlds N (default 10000), --seed S, --path P, --shrink-seconds N (default 300),
// --postgres (DATABASE_URL's server, or a throwaway one as in `npm test -- postgres`).
import { parseArgs } from 'node:util';
import type { RunnerTask, RunnerTestFile } from 'vitest';
import { startVitest } from 'vitest/node';
import { type TestPostgres, testPostgresServer } from './postgres';

const { values } = parseArgs({
  options: {
    worlds: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'shrink-seconds': { type: 'string', default: '300' },
    postgres: { type: 'boolean', default: false },
  },
});

const worlds = Number(values.worlds);
if (!Number.isInteger(worlds) || worlds < 1) {
  console.error('--worlds takes a positive whole number');
  process.exit(2);
}
process.env.ORACLE_WORLDS = String(worlds);
process.env.ORACLE_SHRINK_SECONDS = values['shrink-seconds'];
if (values.seed) process.env.ORACLE_SEED = values.seed;
if (values.path) process.env.ORACLE_PATH = values.path;

let postgres: TestPostgres | undefined;
let failed = 0;
let passed = 0;
try {
  delete process.env.TEST_DATABASE_URL;
  if (values.postgres) {
    const server = await testPostgresServer();
    postgres = server.started;
    process.env.TEST_DATABASE_URL = server.url;
  }
  console.log(`access oracle: ${worlds} worlds on ${values.postgres ? 'PostgreSQL' : 'PGlite'}`);
  const vitest = await startVitest('test', ['src/modules/access/access-oracle.test.ts'], {
    config: 'vitest.config.ts',
    watch: false,
    run: true,
  });
  const count = (tasks: RunnerTask[]) => {
    for (const task of tasks) {
      if ('tasks' in task && task.type === 'suite') count(task.tasks);
      else if (task.result?.state === 'pass') passed++;
      else if (task.result?.state === 'fail') failed++;
    }
  };
  const files: RunnerTestFile[] = vitest.state.getFiles();
  count(files);
  for (const file of files) if (file.result?.state === 'fail' && file.tasks.length === 0) failed++;
  await vitest.close();
} finally {
  postgres?.stop();
}
console.log(`\naccess oracle: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
