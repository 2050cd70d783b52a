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
  const name = `tsunagu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${name}`;
  // As in production: the tables' owner migrates, the application logs in as a role that
  // owns nothing (created with the server by scripts/postgres.ts).
  const appUrl = new URL(ownerUrl);
  appUrl.username = APPLICATION_LOGIN;
  appUrl.password = '';
  const handle = await openDatabase({ databaseUrl: appUrl.toString(), migrationUrl: ownerUrl.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
