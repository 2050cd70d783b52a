import { join, resolve } from 'node:path';
import type { AuditSettings } from '../modules/audit/audit.keys';

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** The tables' owner for migrations, when DATABASE_URL is a login role that owns nothing. */
  migrationDatabaseUrl?: string;
  /** Connections of each server process to PostgreSQL: a request holds one from its start to its commit. */
  databasePoolSize: number;
  /** Server processes (PostgreSQL only): each is an event loop of its own, with its own pool. */
  workers: number;
  /**
   * Requests a server process answers at once; the connections beyond wait unread, in the kernel
   * (socket-gate.ts).
   */
  requestsAtOnce: number;
  dataDir: string;
  demo: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  staticDir: string;
  /** The audit log's sealing key and signed checkpoints: files outside the database. */
  audit: AuditSettings;
};

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number of 1 or more (got "${value}")`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const workers = positiveInteger(env.TSUNAGU_WORKERS, 1, 'TSUNAGU_WORKERS');
  const databasePoolSize = positiveInteger(
    env.DATABASE_POOL_SIZE,
    // each worker has a pool of its own: unset, the ten connections are shared among them
    Math.max(2, Math.round(10 / workers)),
    'DATABASE_POOL_SIZE',
  );
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    databasePoolSize,
    workers,
    // twice the connections keeps them busy while others' answers are made; PGlite has one
    requestsAtOnce: positiveInteger(
      env.REQUESTS_AT_ONCE,
      env.DATABASE_URL ? 2 * databasePoolSize : 8,
      'REQUESTS_AT_ONCE',
    ),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    demo: !argv.includes('--no-demo') && flag(env.TSUNAGU_DEMO, true),
    trustProxy: flag(env.TRUST_PROXY, false),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    audit: {
      keyFile: resolve(env.AUDIT_KEY_FILE ?? join(env.DATA_DIR ?? 'data', 'audit.key')),
      key: env.AUDIT_KEY || undefined,
      checkpointFile: resolve(
        env.AUDIT_CHECKPOINT_FILE ?? join(env.DATA_DIR ?? 'data', 'audit-checkpoints.jsonl'),
      ),
      checkpointEvery: Number(env.AUDIT_CHECKPOINT_EVERY ?? 1000),
      checkpointMinutes: Number(env.AUDIT_CHECKPOINT_MINUTES ?? 10),
    },
  };
}
