import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type DbHandle, MIGRATIONS_FOLDER, openDatabase } from '../db/client';
import { seedDemoIfEmpty } from '../modules/demo/demo.seed';
import { now } from '../server/clock';
import { formatWestern } from '../shared/dates';

/** The application's login role on the test server (a member of tsunagu_app, owning nothing). */
export const APPLICATION_LOGIN = 'tsunagu_web';

/**
 * Every in-memory PGlite of a test run starts from the same tarball, migrated and (when asked)
 * seeded with the demo city: loading it takes about a second where creating, migrating and
 * seeding take several. Vitest runs each file in its own process, so the tarball is kept in the
 * temp folder, named by what goes into it (the migrations, the demo seed, today's date); the
 * first process to need it writes it (to a temporary name, then renamed, so a reader never sees
 * half of one).
 */
const pgliteTemplates = new Map<'empty' | 'demo', Promise<Blob>>();

function templateKey(kind: 'empty' | 'demo'): string {
  const hash = createHash('sha256').update(kind).update(formatWestern(now()));
  const demoFolder = fileURLToPath(new URL('../modules/demo', import.meta.url));
  for (const file of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  if (kind === 'demo')
    for (const file of readdirSync(demoFolder).sort()) hash.update(readFileSync(join(demoFolder, file)));
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(kind: 'empty' | 'demo'): Promise<Blob> {
  const path = join(tmpdir(), `tsunagu-pglite-${kind}-${templateKey(kind)}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const handle = await openDatabase({});
  if (kind === 'demo') await seedDemoIfEmpty(handle.owner);
  const tarball = await handle.dump?.();
  await handle.close();
  if (!tarball) throw new Error('PGlite gave no dump');
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await tarball.arrayBuffer()));
  renameSync(partial, path);
  return tarball;
}

function pgliteTemplate(kind: 'empty' | 'demo'): Promise<Blob> {
  let template = pgliteTemplates.get(kind);
  if (!template) {
    template = buildTemplate(kind);
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
