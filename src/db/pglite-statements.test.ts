import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptStatements } from '../testing/kept-statements';
import { openTestDatabase } from '../testing/test-database';
import { type Database, type DbHandle, queryRows } from './client';

// PGlite's named statements (pglite-statements.ts) and its settings (client.ts): the embedded
// database of `npm start`.
describe.skipIf(process.env.TEST_DATABASE_URL)('named statements on PGlite', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  // its buffer cache is part of the embedded server's own memory
  it('keeps a buffer cache of 32 MB, and its own settings beside it', async () => {
    const settings = await queryRows<{ name: string; setting: string }>(
      handle.db,
      sql`select name, current_setting(name) as setting from unnest(array['shared_buffers', 'search_path', 'TimeZone']) name`,
    );
    expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toEqual({
      shared_buffers: '32MB',
      search_path: 'public',
      TimeZone: 'UTC',
    });
  });

  it('parses a statement once and answers each run with its own values, in and out of transactions', async () => {
    const square = (db: Database, n: number) =>
      queryRows<{ v: number }>(db, sql`select ${n}::int * ${n}::int as v /* sq */`);
    expect(await square(handle.db, 3)).toEqual([{ v: 9 }]);
    await handle.db.transaction(async (tx) => {
      expect(await square(tx, 7)).toEqual([{ v: 49 }]);
      expect(await Promise.all([square(tx, 2), square(tx, 11)])).toEqual([[{ v: 4 }], [{ v: 121 }]]);
    });
    expect(await keptStatements(handle.db, '/* sq */')).toHaveLength(1);
  });

  it('runs a statement from outside only after the open transaction ends, never inside it', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const open = handle.db.transaction(async (tx) => {
      await queryRows(tx, sql`select set_config('app.tenant_id', ${'held-tenant'}, true)`);
      entered();
      await held;
    });
    await inside;
    const outside = queryRows<{ tenant: string | null }>(
      handle.db,
      sql`select current_setting('app.tenant_id', true) as tenant, ${1}::int as one /* outside */`,
    );
    const early = await Promise.race([
      outside.then(() => 'ran'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 200)),
    ]);
    expect(early).toBe('waiting');
    release();
    await open;
    const [row] = await outside;
    expect(row?.tenant ?? '').not.toBe('held-tenant');
  });

  it('passes values of every kind through and back', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      handle.db,
      sql`select ${'𠮷田 葛\u{E0100}'}::text as name, ${null}::text as nothing, ${'2026-11-30'}::date as day,
                 ${sql.param(['a', 'b,c', '"q"'])}::text[] as list, ${JSON.stringify({ k: ['v'] })}::jsonb as doc,
                 ${true}::boolean as yes, ${12.5}::numeric as amount /* kinds */`,
    );
    expect(row).toEqual({
      name: '𠮷田 葛\u{E0100}',
      nothing: null,
      day: '2026-11-30',
      list: ['a', 'b,c', '"q"'],
      doc: { k: ['v'] },
      yes: true,
      amount: '12.5',
    });
  });

  it('keeps the database error, and the next statements run after a failed one and an aborted transaction', async () => {
    const reason = (work: (tx: Database) => Promise<unknown>) =>
      handle.db.transaction(work).then(
        () => 'no error',
        (error: { cause?: { message?: string; code?: string } }) =>
          `${error.cause?.code}: ${error.cause?.message}`,
      );
    expect(await reason((tx) => queryRows(tx, sql`select ${1}::int / 0 as boom /* fails */`))).toBe(
      '22012: division by zero',
    );
    expect(await reason((tx) => queryRows(tx, sql`select ${1}::int / 0 as boom /* fails */`))).toBe(
      '22012: division by zero',
    );
    expect(
      await reason(async (tx) => {
        await queryRows(tx, sql`select 1/0`).catch(() => undefined);
        return queryRows(tx, sql`select ${2}::int as two /* after abort */`);
      }),
    ).toMatch(/^25P02: current transaction is aborted/);
    expect(await queryRows(handle.db, sql`select ${2}::int as two /* after abort */`)).toEqual([{ two: 2 }]);
  });

  it('undoes a rolled-back transaction and keeps a committed one', async () => {
    await queryRows(handle.db, sql`create table if not exists kept_test (v int)`);
    await handle.db
      .transaction(async (tx) => {
        await queryRows(tx, sql`insert into kept_test values (${1})`);
        throw new Error('undo');
      })
      .catch(() => undefined);
    await handle.db.transaction((tx) => queryRows(tx, sql`insert into kept_test values (${2})`));
    expect(await queryRows(handle.db, sql`select v from kept_test where v > ${0}`)).toEqual([{ v: 2 }]);
  });
});
