import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, MIGRATIONS_FOLDER, openDatabase } from '../db/client';
import { seedDemoIfEmpty } from '../modules/demo/demo.seed';
import { now } from '../server/clock';
import { projectFile } from '../server/project-files';
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
  const demoFolder = projectFile('src/modules/demo');
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
  await saveTarball(path, tarball);
  return tarball;
}

/** A PGlite tarball written to a temporary name, then renamed: a reader never sees half of one. */
export async function saveTarball(path: string, tarball: Blob) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await tarball.arrayBuffer()));
  renameSync(partial, path);
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
 * PGlite from the tarball, or on the PostgreSQL server named by TEST_DATABASE_URL a copy of a
 * template database migrated and seeded once per run (dropped again on close).
 */
export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const kind = options.demo ? 'demo' : 'empty';
  if (!adminUrl) return openDatabase({ loadDataDir: await pgliteTemplate(kind) });
  const template = await postgresTemplate(adminUrl, kind);
  const created = await newDatabaseOn(adminUrl, 'tsunagu_test', { template });
  const handle = await openDatabase({ databaseUrl: created.appUrl, migrationUrl: created.ownerUrl });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

async function adminQuery(adminUrl: string, statement: string, values: unknown[] = []) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query(statement, values);
  } finally {
    await admin.end();
  }
}

/**
 * The PostgreSQL counterpart of the tarball: a database migrated (and seeded) once, named by
 * what goes into it, that every test database of the run is copied from (CREATE DATABASE …
 * TEMPLATE: a file copy, where migrating and seeding take seconds). An advisory lock lets one
 * test process build it while the others wait.
 */
async function postgresTemplate(adminUrl: string, kind: 'empty' | 'demo'): Promise<string> {
  const name = `tsunagu_template_${kind}_${templateKey(kind)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      const created = await newDatabaseOn(adminUrl, building, { exactName: building });
      const handle = await openDatabase({ databaseUrl: created.appUrl, migrationUrl: created.ownerUrl });
      if (kind === 'demo') await seedDemoIfEmpty(handle.owner);
      await handle.close();
      await admin.query(`alter database ${building} rename to ${name}`);
    }
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
  } finally {
    await admin.end();
  }
  return name;
}

export type NewDatabaseOptions = {
  template?: string;
  /** The name itself, not a prefix with a random ending. */
  exactName?: string;
  /**
   * Copy the template's files and flush them before answering (`strategy file_copy`), instead of
   * PostgreSQL 15's default of writing each page through the buffer cache and the WAL: for a
   * database of gigabytes whose copy must not go on being written out while it is measured.
   */
  copyFiles?: boolean;
};

/**
 * A new database on the PostgreSQL server at adminUrl. As in production, the tables' owner
 * migrates and the application logs in as a role that owns nothing (created with the server by
 * scripts/postgres.ts).
 */
export async function newDatabaseOn(adminUrl: string, prefix: string, options: NewDatabaseOptions = {}) {
  const { template, exactName, copyFiles } = options;
  const name = exactName ?? `${prefix}_${randomBytes(6).toString('hex')}`;
  const create = template
    ? `create database ${name} template ${template}${copyFiles ? ' strategy file_copy' : ''}`
    : `create database ${name}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, create);
      break;
    } catch (error) {
      // another process copying the same template at this instant: try again shortly
      if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const owner = new URL(adminUrl);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = APPLICATION_LOGIN;
  app.password = '';
  return {
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
