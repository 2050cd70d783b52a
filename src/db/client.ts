import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectFile } from '../server/project-files';
import { isPool, LeasingPool } from './leasing-pool';
import { keepStatements } from './pglite-statements';
import { StatementCachingClient } from './statement-cache';

// Drizzle is given no schema: its relational queries are not used, and with a schema every
// transaction would build a query builder for each of the eighty tables (a few per cent of
// node's CPU on a case page)
export type Database = PgDatabase<PgQueryResultHKT>;
export type Engine = 'pglite' | 'postgresql';

/**
 * PGlite's buffer cache lives in the server's own memory (its WebAssembly heap), where
 * PostgreSQL's default of 128 MB made the embedded server 100 MB larger at rest; the operating
 * system's file cache still holds the data folder behind it (README, "Embedded").
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export type DbHandle = {
  /** The application's connection: its work runs through `asApplication`, under row-level security. */
  db: Database;
  /** The tables' owner: migrations and start-up maintenance (never a request's work). */
  owner: Database;
  engine: Engine;
  close: () => Promise<void>;
  /** PGlite only: the whole database as a tarball, to start others from (tests). */
  dump?: () => Promise<Blob>;
};

/** The role the application works as: it owns no table, so row-level security applies to it. */
export const APPLICATION_ROLE = 'tsunagu_app';

export const MIGRATIONS_FOLDER = projectFile('drizzle');

export type DbOptions = {
  /** postgres://… for a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string;
  /** Folder for PGlite data; omitted means in memory (tests). */
  dataDir?: string;
  /** postgres://… of the tables' owner, when databaseUrl names a login role that owns nothing. */
  migrationUrl?: string;
  /** PostgreSQL only: the application's connections (10 when left out). */
  poolSize?: number;
  /** PostgreSQL only: false where another process has migrated (a server's workers). */
  migrate?: boolean;
  /** PGlite only: start from a tarball made by `dump` instead of an empty database. */
  loadDataDir?: Blob;
};

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = newPool(options.databaseUrl, options.poolSize ?? 10);
    const ownerPool = options.migrationUrl ? newPool(options.migrationUrl, 2) : pool;
    if (options.migrate !== false)
      await migratePg(drizzlePg(ownerPool), { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: drizzlePg(new LeasingPool(pool) as unknown as pg.Pool) as unknown as Database,
      owner: drizzlePg(new LeasingPool(ownerPool) as unknown as pg.Pool) as unknown as Database,
      engine: 'postgresql',
      close: async () => {
        await pool.end();
        if (ownerPool !== pool) await ownerPool.end();
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir ?? 'memory://', {
    loadDataDir: options.loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite(client) as unknown as Database;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  keepStatements(client);
  // One connection in process: it stays the owner, and each unit of the application's work
  // switches to the application role for its transaction (asApplication).
  return {
    db,
    owner: db,
    engine: 'pglite',
    close: () => client.close(),
    dump: async () => client.dumpDataDir('none'),
  };
}

function newPool(connectionString: string, max: number) {
  // JIT compiles the large access-scope expressions for seconds and saves nothing on
  // queries that return tens of rows; parallel workers cost more to start than the small
  // index-driven queries of this application take. Both off for its connections.
  // Pipelining: a request's reads that are independent of each other (Promise.all) go to the
  // server together on its transaction's connection instead of one round trip after another.
  const pool = new pg.Pool({
    Client: StatementCachingClient,
    connectionString,
    max,
    pipeline: true,
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
  });
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  // A connection lost while a request holds it (the server stopped, a failover) fails that
  // request; without a listener its 'error' event would end the whole process (found by the
  // failover drill). The pool drops the connection when it is released with the error.
  pool.on('connect', (client) =>
    client.on('error', (err) => console.error('[db] connection lost:', err.message)),
  );
  return pool;
}

/** Who the work is for: a municipality, or one named by a session cookie or a login ID. */
export type TenantSource = { tenantId: string } | { sessionTokenHash: string } | { loginId: string } | null;

/** The statement that enters the municipality named by the source ($1 is the role, $2 the name). */
function entering(source: TenantSource): { text: string; values: string[] } {
  const set = (tenant: string, user = `''`) => `select set_config('role', $1, true),
            set_config('app.tenant_id', ${tenant}, true) as tenant,
            set_config('app.user_id', ${user}, true)`;
  if (!source) return { text: set(`''`), values: [APPLICATION_ROLE] };
  if ('tenantId' in source) return { text: set('$2::text'), values: [APPLICATION_ROLE, source.tenantId] };
  if ('loginId' in source)
    return {
      text: set(`coalesce(app_login_tenant($2)::text, '')`),
      values: [APPLICATION_ROLE, source.loginId],
    };
  // the session's user, for the record of who changed what (trigger app_bump_version)
  return {
    text: set(`coalesce(app_session_tenant($2)::text, '')`, `coalesce(app_session_user($2)::text, '')`),
    values: [APPLICATION_ROLE, source.sessionTokenHash],
  };
}

type RawClient = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Sets, for the rest of the transaction, the application role and the municipality whose rows
 * are visible (row-level security); answers the municipality, or null when none is set.
 * The statement leaves for the connection within this call, so a query started after the call
 * (before its answer) runs behind it, under the municipality it sets: a request reads its
 * session in the same round trip.
 */
export async function enterTenant(tx: Database, source: TenantSource): Promise<string | null> {
  const client = (tx as unknown as { _: { session: { client: RawClient } } })._.session.client;
  if (isPool(client)) throw new Error('enterTenant runs inside a transaction');
  const { text, values } = entering(source);
  const result = await client.query(text, values);
  const [row] = result.rows as { tenant: string }[];
  return row?.tenant ? row.tenant : null;
}

/** The application's work for one municipality: one transaction under its row-level security. */
export function asApplication<T>(db: Database, source: TenantSource, work: (tx: Database) => Promise<T>) {
  return db.transaction(async (tx) => {
    await enterTenant(tx, source);
    return work(tx);
  });
}

export async function migrationVersion(db: Database): Promise<{ applied: number; latest: string | null }> {
  const [row] = await queryRows<{ applied: number; latest: string | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  return { applied: row?.applied ?? 0, latest: row?.latest ?? null };
}

/** Raw SQL rows; both drivers answer with { rows }. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * For reads: their work and its audit entry in one transaction. Inside a request, which is
 * already one, no savepoint is needed (it would cost two round trips and protect nothing).
 */
export function readTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? work(db as unknown as Database) : db.transaction(work);
}
