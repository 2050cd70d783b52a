import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer, type ServerType, serve } from '@hono/node-server';
import { openDatabase } from '../db/client';
import { createApp } from './app';
import type { Config } from './config';
import { gateSockets, releaseBeforeClose } from './socket-gate';
import { prepareDatabase } from './start';
import { type WorkerPlace, workerSocket } from './worker-forward';

// Several server processes on one port (TSUNAGU_WORKERS, PostgreSQL only). One node process runs
// its JavaScript on one core: under load on two cores its event loop waited for the CPU while
// PostgreSQL's connections waited for it, and a core stood partly idle (README: Under load).
// The primary migrates, seeds the demo, seals the audit log and keeps the workers running; the
// workers answer requests (node's cluster hands each new connection to one of them in turn).

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 10_000;

type Stoppable = { url: string; close: () => Promise<void> };

export async function startPrimary(config: Config): Promise<Stoppable> {
  if (!config.databaseUrl)
    throw new Error('TSUNAGU_WORKERS above 1 needs PostgreSQL (DATABASE_URL): PGlite lives in one process');
  // the primary answers no request: one connection for the sealer, unless the owner has its own
  const { db, sealer } = await prepareDatabase(config, 1);
  // mkdtemp makes the folder for this user alone: no one else reaches the workers' sockets
  const socketDir = mkdtempSync(join(tmpdir(), 'tsunagu-workers-'));
  let stopping = false;
  // ready: the first start of this worker's place has answered; a copy started again after a
  // crash during boot answers for it (the primary waits for every place before it says it is up)
  const start = (index: number, ready: () => void) => {
    const worker = cluster.fork({ TSUNAGU_WORKER_INDEX: String(index), TSUNAGU_WORKER_SOCKETS: socketDir });
    worker.on('message', (message: unknown) => {
      if (message === 'ready') ready();
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(
        `tsunagu: 処理プロセス ${index + 1} が終了しました（${signal ?? code}）。起動し直します。`,
      );
      setTimeout(() => {
        if (!stopping) start(index, ready);
      }, RESTART_DELAY_MS);
    });
  };
  await Promise.all(
    Array.from({ length: config.workers }, (_, index) => new Promise<void>((ready) => start(index, ready))),
  );
  return {
    url: `http://${config.host}:${config.port}`,
    close: async () => {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((exited) => {
              if (!worker || worker.isDead()) return exited();
              const kill = setTimeout(() => worker.kill('SIGKILL'), STOP_TIMEOUT_MS);
              worker.once('exit', () => {
                clearTimeout(kill);
                exited();
              });
              worker.kill('SIGTERM');
            }),
        ),
      );
      await sealer.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** A worker: the app on the shared port, and on its private socket for the other workers' forwarding. */
export async function startWorker(config: Config, place: WorkerPlace): Promise<Stoppable> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    migrate: false,
  });
  const app = createApp({ db: db.db, engine: db.engine, config, worker: place });
  // what comes in on the private socket was forwarded by a worker, with the client's address
  const forwarded = createApp({ db: db.db, engine: db.engine, config: { ...config, trustProxy: true } });
  // a worker started again after a crash finds the socket of the one before it
  rmSync(workerSocket(place.socketDir, place.index), { force: true });
  const listening = (server: ServerType) =>
    new Promise<ServerType>((resolve) => server.once('listening', () => resolve(server)));
  const front = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  const gate = gateSockets(front as Server, config.requestsAtOnce);
  const open = await Promise.all([
    listening(front),
    listening(
      createAdaptorServer({ fetch: forwarded.fetch }).listen({
        path: workerSocket(place.socketDir, place.index),
        exclusive: true,
      }),
    ),
  ]);
  process.send?.('ready');
  return {
    url: `http://${config.host}:${config.port}`,
    close: async () => {
      await releaseBeforeClose(gate);
      await Promise.all(open.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      await db.close();
    },
  };
}

/** This process's place when it is a worker (the primary names it in the environment). */
export function workerPlace(config: Config): WorkerPlace | null {
  if (!cluster.isWorker) return null;
  return {
    index: Number(process.env.TSUNAGU_WORKER_INDEX),
    count: config.workers,
    socketDir: process.env.TSUNAGU_WORKER_SOCKETS ?? '',
  };
}
