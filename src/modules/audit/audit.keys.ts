import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// The keys that seal the audit log live outside the database: a file (AUDIT_KEY_FILE, one key per
// line as "<id> <base64>", the last line sealing new entries, earlier ones kept to verify old
// entries) or AUDIT_KEY (base64, id "env"). Rotation: append a line with a new id and restart.

export type AuditKeys = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

export type AuditSettings = {
  keyFile: string;
  /** base64; takes precedence over the file. */
  key?: string;
  checkpointFile: string;
  /** A checkpoint after so many entries of a chain, or so many minutes, whichever comes first. */
  checkpointEvery: number;
  checkpointMinutes: number;
};

export function loadAuditKeys(settings: Pick<AuditSettings, 'keyFile' | 'key'>): AuditKeys {
  const byId = new Map<string, Buffer>();
  if (existsSync(settings.keyFile)) {
    for (const line of readFileSync(settings.keyFile, 'utf8').split('\n')) {
      const [id, encoded] = line.trim().split(/\s+/);
      if (id && encoded) byId.set(id, Buffer.from(encoded, 'base64'));
    }
  }
  if (settings.key) byId.set('env', Buffer.from(settings.key, 'base64'));
  if (byId.size === 0) {
    const key = randomBytes(32);
    mkdirSync(dirname(settings.keyFile), { recursive: true });
    writeFileSync(settings.keyFile, `k1 ${key.toString('base64')}\n`, { mode: 0o600 });
    chmodSync(settings.keyFile, 0o600);
    console.warn(
      `[audit] created the audit sealing key ${settings.keyFile}: keep a copy apart from the database backups`,
    );
    byId.set('k1', key);
  }
  const currentId = settings.key ? 'env' : ([...byId.keys()].at(-1) as string);
  return { current: { id: currentId, key: byId.get(currentId) as Buffer }, byId };
}
