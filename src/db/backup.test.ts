import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../modules/audit/audit.verify';
import { startServer } from '../server/start';
import { diskDatabase } from '../testing/disk-database';
import { loggedIn } from '../testing/test-client';
import { testConfig } from '../testing/test-server';
import { backup, restore } from './backup';
import { queryRows } from './client';

// The restore drill: back up, write more, restore, and the database is as it was at the backup,
// with an audit log that verifies against its own checkpoints.

describe('backup and restore', () => {
  it('restores the database as it was backed up, and its audit chain verifies', async () => {
    const database = await diskDatabase(process.env.TEST_DATABASE_URL);
    const config = testConfig({ audit: { ...testConfig().audit, ...database.audit, checkpointEvery: 5 } });
    const run = async <T>(work: (url: string) => Promise<T>) => {
      const server = await startServer(config, await database.open());
      try {
        return await work(server.url);
      } finally {
        await server.close();
      }
    };
    const consult = async (url: string, text: string) => {
      const client = await loggedIn(url, 'demo-consultant');
      const response = await client.post('/api/consultations', {
        receivedAt: new Date().toISOString(),
        channel: 'phone',
        broughtBy: 'self',
        mainComplaint: text,
        outcome: 'handled_here',
        shareConsent: 'not_asked',
      });
      expect(response.status).toBe(201);
    };
    const counts = async () => {
      const handle = await database.open();
      try {
        const [row] = await queryRows<{ consultations: number; audit: number }>(
          handle.owner,
          sql`select (select count(*)::int from consultations) as consultations, (select count(*)::int from audit_log) as audit`,
        );
        const problems = (await verifyAudit(handle.owner, database.audit)).filter((v) => !v.ok);
        return { ...row, problems };
      } finally {
        await handle.close();
      }
    };

    await run((url) => consult(url, 'バックアップ前の相談'));
    const atBackup = await counts();
    expect(atBackup.problems).toEqual([]);
    const folder = join(mkdtempSync(join(tmpdir(), 'tsunagu-backup-')), 'backup');
    await backup(database.target, folder);

    await run((url) => consult(url, 'バックアップ後の相談'));
    expect((await counts()).consultations).toBe((atBackup.consultations as number) + 1);

    await restore(database.target, folder);
    expect(await counts()).toEqual(atBackup);
    // and the restored server starts and works
    await run((url) => consult(url, '復元後の相談'));
    expect((await counts()).problems).toEqual([]);
  }, 120_000);
});
