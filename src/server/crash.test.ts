import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../modules/audit/audit.verify';
import { crashLoop } from '../testing/crash-loop';
import { diskDatabase } from '../testing/disk-database';

// The short version of `npm run test:crash` (50 kills on each engine): the server process is
// killed with SIGKILL while it writes, twice, on this suite's engine.

describe('no lost writes on a crash', () => {
  it('keeps every acknowledged write through SIGKILLs, starts again, and the audit chain verifies', async () => {
    const database = await diskDatabase(process.env.TEST_DATABASE_URL);
    const stats = await crashLoop(database.env, 2);
    expect(stats.missing).toEqual([]);
    expect(stats.kills).toBe(2);
    expect(stats.acknowledged).toBeGreaterThan(0);
    expect(stats.lost).toBe(0);
    const handle = await database.open();
    try {
      const problems = (await verifyAudit(handle.owner, database.audit)).filter((v) => !v.ok);
      expect(problems).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
