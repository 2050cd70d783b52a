import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../server/config';
import { type RunningServer, startServer } from '../server/start';
import { openTestDatabase } from './test-database';

export const DEMO_PASSWORD = 'tsunagu-demo';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    databasePoolSize: 10,
    workers: 1,
    requestsAtOnce: 8,
    demo: true,
    trustProxy: false,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    staticDir: 'dist',
    // one key for the test run, and each server's own checkpoints
    audit: {
      keyFile: join(tmpdir(), 'tsunagu-test-audit.key'),
      checkpointFile: join(
        tmpdir(),
        `tsunagu-test-checkpoints-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`,
      ),
      checkpointEvery: 50,
      checkpointMinutes: 10,
    },
    ...overrides,
  };
}

/** The real server on a free port, over a fresh database, with the demo city unless told otherwise. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = testConfig(overrides);
  return startServer(config, await openTestDatabase({ demo: config.demo }));
}
