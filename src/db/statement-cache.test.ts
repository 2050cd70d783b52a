import { Socket } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../modules/audit/audit.service';
import { bootstrapTenant } from '../modules/tenants/tenants.service';
import { tenants } from '../modules/tenants/tenants.tables';
import { keptStatements } from '../testing/kept-statements';
import { openTestDatabase } from '../testing/test-database';
import { type Database, type DbHandle, enterTenant, queryRows } from './client';
import { StatementCachingClient } from './statement-cache';

// The statement cache of the application's PostgreSQL connections (PGlite has no pool).
describe.skipIf(!process.env.TEST_DATABASE_URL)('named statements on the application connections', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  it('parses a statement once per connection and answers each run with its own values', async () => {
    await handle.db.transaction(async (tx) => {
      const square = (n: number) =>
        queryRows<{ v: number }>(tx, sql`select ${n}::int * ${n}::int as v /* sq */`);
      expect(await square(3)).toEqual([{ v: 9 }]);
      expect(await square(7)).toEqual([{ v: 49 }]);
      expect(await Promise.all([square(2), square(5), square(11)])).toEqual([
        [{ v: 4 }],
        [{ v: 25 }],
        [{ v: 121 }],
      ]);
      expect(await keptStatements(tx, '/* sq */')).toHaveLength(1);
    });
  });

  /** What leaves for PostgreSQL, one string per write to a socket, while `work` runs. */
  async function writesDuring(work: () => Promise<void>): Promise<string[]> {
    const writes: string[] = [];
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (...args: never[]) => unknown>;
    const { _write, _writev } = proto;
    const sent = (chunks: Buffer[]) => writes.push(Buffer.concat(chunks).toString('latin1'));
    proto._write = function (this: Socket, ...args: never[]) {
      sent([args[0] as unknown as Buffer]);
      return _write.apply(this, args);
    };
    proto._writev = function (this: Socket, ...args: never[]) {
      sent((args[0] as unknown as { chunk: Buffer }[]).map((c) => c.chunk));
      return _writev.apply(this, args);
    };
    try {
      await work();
    } finally {
      Object.assign(proto, { _write, _writev });
    }
    return writes;
  }
  const marked = (writes: string[], marks: string[]) =>
    writes.map((w) => marks.filter((mark) => w.includes(mark)));

  it('sends the queries started together in one write, each answered with its own rows', async () => {
    const cube = (tx: Database, n: number) =>
      queryRows<{ v: number }>(
        tx,
        sql`select ${n}::int * ${n}::int * ${n}::int as v /* cube ${sql.raw(String(n))} */`,
      );
    const writes = await writesDuring(() =>
      handle.db.transaction(async (tx) => {
        await queryRows(tx, sql`select 1 /* ready */`);
        expect(await Promise.all([cube(tx, 1), cube(tx, 2), cube(tx, 3), cube(tx, 4)])).toEqual([
          [{ v: 1 }],
          [{ v: 8 }],
          [{ v: 27 }],
          [{ v: 64 }],
        ]);
        await cube(tx, 5);
        await cube(tx, 6);
      }),
    );
    const cubes = marked(writes, ['cube 1', 'cube 2', 'cube 3', 'cube 4', 'cube 5', 'cube 6']).filter(
      (w) => w.length > 0,
    );
    expect(cubes).toEqual([['cube 1', 'cube 2', 'cube 3', 'cube 4'], ['cube 5'], ['cube 6']]);
  });

  it("asks for a statement's columns on its first run only, and reads each answer with its own", async () => {
    const DESCRIBE_PORTAL = 'D\0\0\0\x06P\0';
    const pair = (tx: Database, n: number) =>
      Promise.all([
        queryRows<{ v: number; t: string }>(
          tx,
          sql`select ${n}::int as v, ${`#${n}`}::text as t /* pair a */`,
        ),
        queryRows<{ d: string }>(tx, sql`select (${'2026-11-30'}::date + ${n}::int)::text as d /* pair b */`),
        // a statement Drizzle names itself
        tx
          .select({ name: tenants.name })
          .from(tenants)
          .where(eq(tenants.id, sql.placeholder('id')))
          .prepare('pair_c')
          .execute({ id: '00000000-0000-0000-0000-000000000000' }),
      ]);
    let answers: unknown[] = [];
    const writes = await writesDuring(() =>
      handle.db.transaction(async (tx) => {
        answers = [await pair(tx, 1), await pair(tx, 2), await pair(tx, 3)];
      }),
    );
    expect(answers).toEqual([
      [[{ v: 1, t: '#1' }], [{ d: '2026-12-01' }], []],
      [[{ v: 2, t: '#2' }], [{ d: '2026-12-02' }], []],
      [[{ v: 3, t: '#3' }], [{ d: '2026-12-03' }], []],
    ]);
    const runs = writes.filter((w) => w.includes('pair a') || w.includes('\0c_'));
    const describes = runs.map((w) => w.split(DESCRIBE_PORTAL).length - 1);
    expect(describes).toEqual([3, 0, 0]);
  });

  it("reads a statement's answer with the parsers of whoever runs it (Drizzle's or pg's own)", async () => {
    const text = 'select $1::timestamptz as at /* both ways */';
    const at = '2026-11-30T00:00:00Z';
    const answers = await handle.db.transaction(async (tx) => {
      const client = (tx as unknown as { _: { session: { client: pg.ClientBase } } })._.session.client;
      const drizzle = () =>
        queryRows<{ at: unknown }>(tx, sql`select ${at}::timestamptz as at /* both ways */`);
      const own = async () => (await client.query<{ at: unknown }>(text, [at])).rows;
      return [await drizzle(), await own(), await drizzle(), await own()];
    });
    expect(answers.map(([row]) => (row?.at instanceof Date ? 'Date' : typeof row?.at))).toEqual([
      'string',
      'Date',
      'string',
      'Date',
    ]);
    expect(answers[1]?.[0]?.at).toEqual(new Date(at));
  });

  it("sends a transaction's begin and the release of a savepoint with the statement after them", async () => {
    let answer: unknown;
    const writes = await writesDuring(async () => {
      answer = await handle.db.transaction(async (tx) => {
        const [first] = await queryRows<{ v: number }>(tx, sql`select ${1}::int as v /* first */`);
        const inner = await tx.transaction((sp) =>
          queryRows<{ v: number }>(sp, sql`select ${2}::int as v /* inner */`),
        );
        const [after] = await queryRows<{ v: number }>(tx, sql`select ${3}::int as v /* after */`);
        return [first?.v, inner[0]?.v, after?.v];
      });
    });
    expect(answer).toEqual([1, 2, 3]);
    expect(
      marked(writes, [
        'begin',
        'savepoint sp1',
        'release savepoint sp1',
        '/* first */',
        '/* inner */',
        '/* after */',
        'commit',
      ]),
    ).toEqual([
      ['begin', '/* first */'],
      ['savepoint sp1'],
      ['/* inner */'],
      ['savepoint sp1', 'release savepoint sp1', '/* after */'],
      ['commit'],
    ]);
    // a failure of a statement sent without waiting is the next statement's
    const failure = await handle.db
      .transaction(async (tx) => {
        await tx.transaction(async (sp) => {
          await queryRows(sp, sql`select ${4}::int as v`);
          await queryRows(tx, sql`select 1/0`).catch(() => undefined);
        });
        await queryRows(tx, sql`select ${5}::int as v`);
      })
      .then(
        () => 'no error',
        (error: { cause?: { message?: string } }) => error.cause?.message ?? String(error),
      );
    expect(failure).toMatch(/aborted/);
  });

  it("sends a request's audit entry with the commit, whose answer waits for the entry's", async () => {
    const context = { actor: null, tenantId: null, clientIp: null };
    const writes = await writesDuring(() =>
      handle.owner.transaction(async (tx) => {
        await queryRows(tx, sql`select 1 /* read */`);
        await recordAudit(tx, context, { action: 'audit.search', detail: { mark: 'pipelined' } });
      }),
    );
    expect(marked(writes, ['/* read */', '"audit_log"', 'commit'])).toEqual([
      ['/* read */'],
      ['"audit_log"', 'commit'],
    ]);
    const [entry] = await queryRows<{ n: number }>(
      handle.owner,
      sql`select count(*)::int as n from audit_log where detail->>'mark' = 'pipelined'`,
    );
    expect(entry?.n).toBe(1);
    // an entry that fails fails the commit: nothing answered leaves without its entry
    const broken = sql`insert into "audit_log" ("chain") values (null)`;
    const failed = await handle.owner
      .transaction(async (tx) => {
        await queryRows(tx, broken);
      })
      .then(
        () => 'committed',
        (error: { cause?: { message?: string } }) => error.cause?.message ?? String(error),
      );
    expect(failed).toMatch(/null value/);
    // outside a transaction nothing is sure to follow: the entry waits for its own answer
    await expect(queryRows(handle.owner, broken)).rejects.toThrow();
  });

  it("does not charge a transaction with what the connection's previous holder left unanswered", async () => {
    const pool = new pg.Pool({
      Client: StatementCachingClient,
      connectionString: process.env.TEST_DATABASE_URL,
      max: 1,
      pipeline: true,
    } as pg.PoolConfig);
    try {
      const first = await pool.connect();
      await first.query('begin');
      await first.query('commit');
      // sent after its transaction ended (say by a branch of a request left running): it fails
      await first.query('release savepoint sp9');
      first.release();
      const next = await pool.connect();
      expect(next).toBe(first);
      await next.query('begin');
      expect((await next.query('select $1::int as v', [2])).rows).toEqual([{ v: 2 }]);
      await next.query('commit');
      next.release();
    } finally {
      await pool.end();
    }
  });

  it('does not keep statements without values or with thousands of them', async () => {
    await handle.db.transaction(async (tx) => {
      await queryRows(tx, sql`select 1 as one /* no values */`);
      const many = Array.from({ length: 600 }, (_, i) => i);
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select cardinality(array[${sql.join(
          many.map((n) => sql`${n}::int`),
          sql`, `,
        )}]) as n /* bulk */`,
      );
      expect(row?.n).toBe(600);
      expect(await keptStatements(tx, '/* no values */')).toEqual([]);
      expect(await keptStatements(tx, '/* bulk */')).toEqual([]);
    });
  });

  it('answers each municipality with its own rows when a kept plan is reused (row-level security at run time)', async () => {
    const city = (code: string) =>
      bootstrapTenant(handle.owner, {
        tenantCode: code,
        tenantName: `市${code}`,
        organisationName: `市${code} 福祉課`,
        loginId: `admin-${code}`,
        displayName: '管理者',
        password: 'a-long-enough-password',
      });
    const first = (await city('011002')).tenantId;
    const second = (await city('012025')).tenantId;
    const names = (tx: Database) =>
      queryRows<{ name: string }>(
        tx,
        sql`select name from organisations where name like ${'%福祉課'} /* rls */`,
      );
    await handle.db.transaction(async (tx) => {
      // the plan kept for every run, as PostgreSQL may choose after five
      await queryRows(tx, sql`set local plan_cache_mode = force_generic_plan`);
      for (let i = 0; i < 8; i++) {
        await enterTenant(tx, { tenantId: first });
        expect(await names(tx)).toEqual([{ name: '市011002 福祉課' }]);
        await enterTenant(tx, { tenantId: second });
        expect(await names(tx)).toEqual([{ name: '市012025 福祉課' }]);
      }
      const [statement] = await queryRows<{ generic_plans: number }>(
        tx,
        sql`select generic_plans::int from pg_prepared_statements where statement like '%/* rls */%' and statement not like '%pg_prepared%'`,
      );
      expect(statement?.generic_plans).toBe(16);
    });
  });

  it('keeps at most 400 statements a connection and runs the rest unnamed, correctly', async () => {
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < 420; i++) {
        const statement = sql`select ${i}::int + 1 as v `.append(sql.raw(`/* cap ${i} */`));
        const [row] = await queryRows<{ v: number }>(tx, statement);
        expect(row?.v).toBe(1 + i);
      }
      const count = (await keptStatements(tx, '/* cap ')).length;
      expect(count).toBeLessThanOrEqual(400);
      expect(count).toBeGreaterThan(300);
    });
  });

  it('parses again a statement whose values could not be sent, and gives no place to statements that failed', async () => {
    const client = new StatementCachingClient({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const doc = (value: unknown) => client.query('select $1::jsonb as doc /* doc */', [value]);
      expect((await doc({ a: 1 })).rows).toEqual([{ doc: { a: 1 } }]);
      await expect(doc({ a: 1n })).rejects.toThrow(/BigInt/);
      expect((await doc({ a: 2 })).rows).toEqual([{ doc: { a: 2 } }]);
      // 420 statements refused in an aborted transaction, then one that parses: it is kept
      await client.query('begin');
      await client.query('select 1/0').catch(() => undefined);
      for (let i = 0; i < 420; i++) await client.query(`select $1::int + ${i}`, [i]).catch(() => undefined);
      await client.query('rollback');
      expect((await client.query('select $1::int as n /* after the refused */', [5])).rows).toEqual([
        { n: 5 },
      ]);
      const found = await client.query(
        `select count(*)::int as n from pg_prepared_statements where statement like '%after the refused%'`,
      );
      expect(found.rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('recovers from a failed statement and an aborted transaction on the same connection', async () => {
    const reason = (work: (tx: Database) => Promise<unknown>) =>
      handle.db.transaction(work).then(
        () => 'no error',
        (error: { cause?: { message?: string } }) => error.cause?.message ?? String(error),
      );
    expect(await reason((tx) => queryRows(tx, sql`select ${1}::int / 0 as boom /* fails */`))).toMatch(
      /division by zero/,
    );
    expect(
      await reason(async (tx) => {
        await queryRows(tx, sql`select 1/0`).catch(() => undefined);
        return queryRows(tx, sql`select ${2}::int as two /* after abort */`);
      }),
    ).toMatch(/aborted/);
    const rows = await handle.db.transaction((tx) =>
      queryRows<{ two: number }>(tx, sql`select ${2}::int as two /* after abort */`),
    );
    expect(rows).toEqual([{ two: 2 }]);
  });
});
