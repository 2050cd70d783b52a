import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { type Database, type DbHandle, enterTenant, queryRows } from './client';

// A transaction's connection goes back to the pool when it ends and serves other work: a
// statement still sent through the ended transaction must not run there. On PostgreSQL the
// pool's lease refuses it; PGlite's own transaction objects refuse it by themselves.
const REFUSED = /already ended|Transaction is closed/;

describe('statements after their transaction ended', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  const reason = (work: Promise<unknown>) =>
    work.then(
      () => 'ran',
      (error: { cause?: { message?: string }; message?: string }) => error.cause?.message ?? error.message,
    );

  it('are refused, and the next transaction on the connection runs as its own', async () => {
    let ended: Database | undefined;
    await handle.db.transaction(async (tx) => {
      ended = tx;
      await queryRows(tx, sql`select 1`);
    });
    if (!ended) throw new Error('no transaction');
    expect(await reason(queryRows(ended, sql`select 1 as late`))).toMatch(REFUSED);
    const rows = await handle.db.transaction((tx) =>
      queryRows<{ v: number }>(tx, sql`select ${7}::int as v`),
    );
    expect(rows).toEqual([{ v: 7 }]);
  });

  it("are refused when a branch of the work outlives another branch's failure", async () => {
    let late: Promise<string | undefined> | undefined;
    const failed = await reason(
      handle.db.transaction(async (tx) => {
        await enterTenant(tx, { tenantId: '00000000-0000-0000-0000-000000000001' });
        const slow = async () => {
          for (let i = 0; i < 5; i++) await queryRows(tx, sql`select ${i}::int as step`);
          return queryRows<{ tenant: string }>(
            tx,
            sql`select current_setting('app.tenant_id', true) as tenant`,
          );
        };
        late = reason(slow());
        await Promise.all([late, Promise.reject(new Error('the other branch failed'))]);
      }),
    );
    expect(failed).toBe('the other branch failed');
    expect(await late).toMatch(REFUSED);
  });
});
