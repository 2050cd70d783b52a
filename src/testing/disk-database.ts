import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbHandle, openDatabase } from '../db/client';
import type { Config } from '../server/config';
import { newDatabaseOn } from './test-database';

/**
 * A database on disk for a server in its own process or a test that restarts it: a PGlite
 * folder, or a new database on the PostgreSQL server at adminUrl. open() opens it from this
 * process (as the owner) once any other server on it has stopped; target names it for backups.
 */
export async function diskDatabase(adminUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-disk-'));
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
  const { ownerUrl, appUrl } = await newDatabaseOn(adminUrl, 'tsunagu_disk');
  return {
    audit,
    env: { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl, ...auditEnv(audit) },
    open: (): Promise<DbHandle> => openDatabase({ databaseUrl: appUrl, migrationUrl: ownerUrl }),
    target: {
      databaseUrl: ownerUrl,
      dataDir: join(dir, 'unused'),
      checkpointFile: audit.checkpointFile,
    },
  };
}

type AuditFiles = Pick<Config['audit'], 'keyFile' | 'checkpointFile'>;

/** The audit key and checkpoint files, as the server process reads them from its environment. */
const auditEnv = (files: AuditFiles) => ({
  AUDIT_KEY_FILE: files.keyFile,
  AUDIT_CHECKPOINT_FILE: files.checkpointFile,
  AUDIT_CHECKPOINT_EVERY: '20',
});
