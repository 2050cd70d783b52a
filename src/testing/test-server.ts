import type { Config } from '../server/config';
import { type RunningServer, startServer } from '../server/start';
import { openTestDatabase } from './test-database';

export const DEMO_PASSWORD = 'tsunagu-demo';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    demo: true,
    trustProxy: false,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    staticDir: 'dist',
    ...overrides,
  };
}

/** The real server on a free port, over a fresh database, with the demo city unless told otherwise. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides), await openTestDatabase());
}
