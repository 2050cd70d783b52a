import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../db/client';

/** The application's login role on the test server (a member of tsunagu_app, owning nothing). */
export const APPLICATION_LOGIN = 'tsunagu_web';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase({});
  const created = await newDatabaseOn(adminUrl, 'tsunagu_test');
  const handle = await openDatabase({ databaseUrl: created.appUrl, migrationUrl: created.ownerUrl });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

/**
 * A new database on the PostgreSQL server at adminUrl. As in production, the tables' owner
 * migrates and the application logs in as a role that owns nothing (created with the server by
 * scripts/postgres.ts).
 */
export async function newDatabaseOn(adminUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(statement);
    await admin.end();
  };
  await run(`create database ${name}`);
  const owner = new URL(adminUrl);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = APPLICATION_LOGIN;
  app.password = '';
  return {
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}
