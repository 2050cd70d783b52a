import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgresql';

export type DbHandle = {
  db: Database;
  engine: Engine;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = new URL('../../drizzle', import.meta.url).pathname;

export type DbOptions = {
  /** postgres://… for a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string;
  /** Folder for PGlite data; omitted means in memory (tests). */
  dataDir?: string;
};

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    // JIT compiles the large access-scope expressions for seconds and saves nothing on
    // queries that return tens of rows; parallel workers cost more to start than the small
    // index-driven queries of this application take. Both off for its connections.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
    });
    pool.on('error', (err) => console.error('[db] idle client error:', err.message));
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, engine: 'postgresql', close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir ?? 'memory://');
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, engine: 'pglite', close: () => client.close() };
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
