import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { announcedUrl } from './announced-url';
import { loggedIn, type TestClient } from './test-client';

// No lost writes: the real server in its own process takes acknowledged writes (consultations,
// each with its audit entry in the same transaction) until it is killed with SIGKILL at a
// random moment; after every restart each acknowledged write must be there. The caller then
// verifies the audit log with the server stopped.

export type CrashStats = {
  kills: number;
  acknowledged: number;
  lost: number;
  restarts: number;
  /** Each acknowledged write not found after a restart: its id and the answer to reading it. */
  missing: string[];
};

function startProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', TSUNAGU_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const consultation = (n: number) => ({
  receivedAt: new Date().toISOString(),
  channel: 'phone',
  broughtBy: 'self',
  mainComplaint: `クラッシュ試験の相談 ${n}`,
  outcome: 'handled_here',
  shareConsent: 'not_asked',
});

async function missing(client: TestClient, ids: string[]): Promise<string[]> {
  const lost: string[] = [];
  for (const id of ids) {
    const response = await client.get(`/api/consultations/${id}`);
    if (response.status !== 200) lost.push(`${id} ${response.status} ${JSON.stringify(response.body)}`);
  }
  return lost;
}

/** Writes until the process is killed; answers the ids the server acknowledged. */
async function writeUntilKilled(client: TestClient, child: ChildProcess, killAfterMs: number) {
  const acknowledged: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killer = sleep(killAfterMs).then(() => child.kill('SIGKILL'));
  let n = 0;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const response = await client
      .post<{ id: string }>('/api/consultations', consultation(n++))
      .catch(() => null);
    if (response?.status === 201) acknowledged.push(response.body.id);
    else if (response === null) break;
  }
  await killer;
  await exited;
  return acknowledged;
}

/**
 * Kills the server `kills` times while it writes; env names its database (DATA_DIR, or
 * DATABASE_URL and MIGRATION_DATABASE_URL) and its audit files. Ends with the server stopped.
 */
export async function crashLoop(
  env: Record<string, string>,
  kills: number,
  progress: (line: string) => void = () => undefined,
): Promise<CrashStats> {
  const acknowledged: string[] = [];
  const stats: CrashStats = { kills: 0, acknowledged: 0, lost: 0, restarts: 0, missing: [] };
  for (let round = 0; round <= kills; round++) {
    const child = startProcess(env);
    try {
      const url = await announcedUrl(child);
      if (round > 0) stats.restarts++;
      const client = await loggedIn(url, 'demo-consultant');
      stats.missing = await missing(client, acknowledged);
      stats.lost = stats.missing.length;
      if (stats.lost > 0 || round === kills) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
        break;
      }
      const written = await writeUntilKilled(client, child, 300 + Math.floor(Math.random() * 1200));
      acknowledged.push(...written);
      stats.kills++;
      stats.acknowledged = acknowledged.length;
      progress(
        `kill ${stats.kills}/${kills}: ${written.length} acknowledged (${acknowledged.length} in all)`,
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }
  return stats;
}
