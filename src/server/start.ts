import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { type DbHandle, openDatabase } from '../db/client';
import { startSealer } from '../modules/audit/audit.sealer';
import { purgeExpired } from '../modules/auth/auth.service';
import { seedDemoIfEmpty } from '../modules/demo/demo.seed';
import { createApp } from './app';
import type { Config } from './config';
import { gateSockets, releaseBeforeClose } from './socket-gate';

export type RunningServer = {
  url: string;
  handle: DbHandle;
  /** Seals the audit entries committed so far (the sealer also does so every second). */
  sealAudit: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * What a server does once before it answers anyone: opens the database (migrating it), seeds the
 * demo city when asked, forgets expired sessions and starts sealing the audit log. A server of
 * several workers does it in its primary (cluster.ts).
 */
export async function prepareDatabase(config: Config, poolSize: number, handle?: DbHandle) {
  const db =
    handle ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      migrationUrl: config.migrationDatabaseUrl,
      dataDir: config.dataDir,
      poolSize,
    }));
  if (config.demo) await seedDemoIfEmpty(db.owner);
  await purgeExpired(db.owner);
  return { db, sealer: startSealer(db.owner, config.audit) };
}

/** Prepares the database (prepareDatabase) and listens. */
export async function startServer(config: Config, handle?: DbHandle): Promise<RunningServer> {
  const { db, sealer } = await prepareDatabase(config, config.databasePoolSize, handle);
  const app = createApp({ db: db.db, engine: db.engine, config });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const gate = gateSockets(server as Server, config.requestsAtOnce);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://localhost:${port}`,
    handle: db,
    sealAudit: sealer.sealNow,
    close: async () => {
      await releaseBeforeClose(gate);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sealer.stop();
      await db.close();
    },
  };
}
