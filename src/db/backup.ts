import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

// Backups of either engine, as a folder: the database (PGlite's data folder as a tarball, or
// pg_dump's custom format), the audit log's checkpoint file as it was (so that a restored log
// verifies against its own checkpoints), and a manifest. The sealing key is not in it: keep the
// key apart from the backups.

export type BackupTarget = {
  /** postgres://… of the tables' owner; otherwise the PGlite data folder. */
  databaseUrl?: string;
  dataDir: string;
  checkpointFile: string;
};
type Manifest = { engine: 'pglite' | 'postgresql'; createdAt: string; database: string };

/** PostgreSQL's client programs of the newest installed version (Debian), or those on the PATH. */
function pgProgram(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin', name);
  }
  return name;
}

/** Writes a backup into `folder` (created); the server should be stopped for PGlite. */
export async function backup(target: BackupTarget, folder: string): Promise<Manifest> {
  mkdirSync(folder, { recursive: true });
  let manifest: Manifest;
  if (target.databaseUrl) {
    execFileSync(pgProgram('pg_dump'), [
      '--format=custom',
      '--file',
      join(folder, 'database.dump'),
      target.databaseUrl,
    ]);
    manifest = { engine: 'postgresql', createdAt: new Date().toISOString(), database: 'database.dump' };
  } else {
    const pg = await PGlite.create(target.dataDir);
    try {
      const tarball = await pg.dumpDataDir('gzip');
      writeFileSync(join(folder, 'database.tar.gz'), Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await pg.close();
    }
    manifest = { engine: 'pglite', createdAt: new Date().toISOString(), database: 'database.tar.gz' };
  }
  if (existsSync(target.checkpointFile))
    copyFileSync(target.checkpointFile, join(folder, 'audit-checkpoints.jsonl'));
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup over the current database (the server stopped). What is replaced is kept
 * beside it: the PGlite folder and the checkpoint file are renamed with the time of the restore.
 */
export async function restore(target: BackupTarget, folder: string): Promise<Manifest> {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (manifest.engine === 'postgresql') {
    if (!target.databaseUrl)
      throw new Error('このバックアップは PostgreSQL のものです。DATABASE_URL を指定してください。');
    execFileSync(pgProgram('pg_restore'), [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '--dbname',
      target.databaseUrl,
      join(folder, manifest.database),
    ]);
  } else {
    if (target.databaseUrl)
      throw new Error('このバックアップは PGlite のものです。DATABASE_URL を外してください。');
    if (existsSync(target.dataDir)) renameSync(target.dataDir, `${target.dataDir}.before-restore-${stamp}`);
    const tarball = new Blob([readFileSync(join(folder, manifest.database))]);
    const pg = await PGlite.create(target.dataDir, { loadDataDir: tarball });
    await pg.close();
  }
  const checkpoints = join(folder, 'audit-checkpoints.jsonl');
  if (existsSync(target.checkpointFile)) {
    renameSync(target.checkpointFile, `${target.checkpointFile}.before-restore-${stamp}`);
  }
  if (existsSync(checkpoints)) copyFileSync(checkpoints, target.checkpointFile);
  return manifest;
}
