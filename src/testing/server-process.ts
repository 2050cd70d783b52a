// The server as it runs in production, in its own process: the bundle of npm start
// (scripts/build-server.ts, built here first) run by node, against a PostgreSQL server or, with
// no database given, PGlite in a folder of its own. The load bench and the failover drill use it
// so that the load generator and the server each have their own CPU and memory figures; a test
// starts the bundle as npm start would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../scripts/build-server';
import { announcedUrl, portFor } from './announced-url';

export type ServerProcess = { url: string; pid: number; stop: () => Promise<void> };

export async function startServerProcess(
  database?: { appUrl: string; ownerUrl: string },
  /**
   * Another bundle than the one built here (bench:ab), the name its connections give, its workers,
   * the folder of its files (PGlite's database among them; kept at stop when given).
   */
  options: { bundle?: string; applicationName?: string; workers?: number; dataDir?: string } = {},
): Promise<ServerProcess> {
  if (!options.bundle) await buildServer();
  const port = await portFor(options.workers);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tsunagu-load-'));
  // BENCH_PROFILE=DIR: the server writes a CPU profile there when it stops
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
    : [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...profile, options.bundle ?? SERVER_BUNDLE], {
    env: {
      ...process.env,
      ...(options.applicationName ? { PGAPPNAME: options.applicationName } : {}),
      ...(options.workers ? { TSUNAGU_WORKERS: String(options.workers) } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database?.appUrl ?? '',
      MIGRATION_DATABASE_URL: database?.ownerUrl ?? '',
      TSUNAGU_DEMO: '1',
      DATA_DIR: dataDir,
      SESSION_IDLE_MINUTES: '600',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await announcedUrl(child).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
