import type { Database, Engine } from '../db/client';
import type { Actor } from '../modules/access/access.policy';
import type { Config } from './config';

export type Deps = { db: Database; engine: Engine; config: Config };

export type SessionInfo = { tokenHash: string; csrfToken: string };

export type AppEnv = {
  Variables: {
    deps: Deps;
    clientIp: string | null;
    actor: Actor | null;
    session: SessionInfo | null;
  };
};
