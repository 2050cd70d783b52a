import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../db/client';
import { type AuditFiles, auditEnv } from './crash-loop';
import { APPLICATION_LOGIN } from './test-database';

/**
 * A database on disk for a server in its own process or a test that restarts it: a PGlite
 * folder, or a new database on the PostgreSQL server at adminUrl. open() opens it from this
 * process (as the owner) once any other server on it has stopped; target names it for backups.
 */
export async function diskDatabase(adminUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-crash-'));
  const audit: AuditFiles = {
    keyFile: join(dir, 'audit.key'),
    checkpointFile: join(dir, 'audit-checkpoints.jsonl'),
  };
  if (!adminUrl) {
    const dataDir = join(dir, 'db');
    return {
      audit,
      env: { DATA_DIR: dataDir, ...auditEnv(audit) },
      open: (): Promise<DbHandle> => openDatabase({ dataDir }),
      target: { dataDir, checkpointFile: audit.checkpointFile },
    };
  }
  const name = `tsunagu_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const owner = new URL(adminUrl);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = APPLICATION_LOGIN;
  app.password = '';
  return {
    audit,
    env: { DATABASE_URL: app.toString(), MIGRATION_DATABASE_URL: owner.toString(), ...auditEnv(audit) },
    open: (): Promise<DbHandle> =>
      openDatabase({ databaseUrl: app.toString(), migrationUrl: owner.toString() }),
    target: {
      databaseUrl: owner.toString(),
      dataDir: join(dir, 'unused'),
      checkpointFile: audit.checkpointFile,
    },
  };
}
