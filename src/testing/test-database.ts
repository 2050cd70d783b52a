import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../db/client';
import { seedDemoIfEmpty } from '../modules/demo/demo.seed';

/** The application's login role on the test server (a member of tsunagu_app, owning nothing). */
export const APPLICATION_LOGIN = 'tsunagu_web';

/**
 * Each in-memory PGlite of a test process starts from the same tarball: migrated, and with the
 * demo city when asked (migrating and seeding take seconds; loading the tarball well under one).
 */
const pgliteTemplates = new Map<'empty' | 'demo', Promise<Blob>>();
function pgliteTemplate(kind: 'empty' | 'demo'): Promise<Blob> {
  let template = pgliteTemplates.get(kind);
  if (!template) {
    template = (async () => {
      const handle = await openDatabase({});
      if (kind === 'demo') await seedDemoIfEmpty(handle.owner);
      const tarball = await handle.dump?.();
      await handle.close();
      if (!tarball) throw new Error('PGlite gave no dump');
      return tarball;
    })();
    pgliteTemplates.set(kind, template);
  }
  return template;
}

/**
 * A fresh, migrated database for one test file (with the demo city when asked): in-memory
 * PGlite, or a new database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again
 * on close; the server seeds the demo itself there).
 */
export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase({ loadDataDir: await pgliteTemplate(options.demo ? 'demo' : 'empty') });
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
