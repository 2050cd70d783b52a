import type { Database, Engine } from '../db/client';
import type { Actor } from '../modules/access/access.policy';
import type { EntryWindow } from '../shared/schema-helpers';
import type { Config } from './config';
import type { WorkerPlace } from './worker-forward';

/** `worker`: this process's place among the server's workers, when there are several (cluster.ts). */
export type Deps = { db: Database; engine: Engine; config: Config; worker?: WorkerPlace };

export type SessionInfo = { tokenHash: string; csrfToken: string };

export type AppEnv = {
  Variables: {
    deps: Deps;
    clientIp: string | null;
    actor: Actor | null;
    session: SessionInfo | null;
    /** A write's window of late entry (its municipality's setting), once the session is read. */
    entryWindow: EntryWindow | null;
  };
};
