import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asApplication, type Database, queryRows } from '../../db/client';
import type { RunningServer } from '../../server/start';
import { loggedIn } from '../../testing/test-client';
import { startTestServer, testConfig } from '../../testing/test-server';
import { hashEntry } from './audit.hash';
import { recordAudit } from './audit.service';
import { auditLog } from './audit.tables';
import { type Verdict, verifyAudit } from './audit.verify';

// The audit log against someone with the database in their hands: each tampering is done to the
// real log inside a transaction that is then rolled back (a copy of the log for that case), and
// `verifyAudit` (npm run audit:verify) must catch it. Rows are appended without a lock and sealed
// afterwards, in the order they commit, without passing over one that commits late.

let server: RunningServer;
const settings = { ...testConfig().audit, checkpointEvery: 1 };
let tenantChain = '';

beforeAll(async () => {
  server = await startTestServer({ audit: settings });
  for (const who of ['demo-admin', 'demo-consultant', 'demo-coordinator']) await loggedIn(server.url, who);
  await server.sealAudit();
  const [row] = await server.handle.owner
    .select({ chain: auditLog.chain })
    .from(auditLog)
    .where(sql`chain <> 'system'`)
    .limit(1);
  tenantChain = row?.chain ?? '';
});
afterAll(() => server.close());

const problems = (verdicts: Verdict[]) => verdicts.filter((v) => !v.ok).map((v) => v.problem);

/** Tampers inside a transaction, verifies what it sees, and rolls everything back. */
async function tamperedCopy(tamper: (tx: Database) => Promise<unknown>, now?: Date): Promise<Verdict[]> {
  let verdicts: Verdict[] = [];
  await server.handle.owner
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tamper(tx);
      verdicts = await verifyAudit(tx, settings, now);
      tx.rollback();
    })
    .catch(() => undefined);
  return verdicts;
}

describe('audit:verify catches', () => {
  it('nothing in an untouched log, sealed entries and checkpoints alike', async () => {
    const verdicts = await verifyAudit(server.handle.owner, settings);
    expect(problems(verdicts)).toEqual([]);
    expect(verdicts.find((v) => v.subject === tenantChain)?.entries).toBeGreaterThan(3);
    expect(verdicts.find((v) => v.subject === 'チェックポイント')?.entries).toBeGreaterThan(0);
  });

  it('an altered entry', async () => {
    const verdicts = await tamperedCopy((tx) =>
      tx.execute(sql`update audit_log set client_ip = '10.0.0.99' where chain = ${tenantChain} and seq = 2`),
    );
    expect(problems(verdicts)).toContain('2番の記録が書き換えられています');
  });

  it('the last entries deleted (the chain cut short)', async () => {
    const verdicts = await tamperedCopy((tx) =>
      tx.execute(
        sql`delete from audit_log where chain = ${tenantChain}
            and seq > (select max(seq) - 2 from audit_log where chain = ${tenantChain})`,
      ),
    );
    expect(problems(verdicts).join()).toContain('末尾の削除');
  });

  it('a whole municipality’s chain deleted', async () => {
    const verdicts = await tamperedCopy((tx) =>
      tx.execute(sql`delete from audit_log where chain = ${tenantChain}`),
    );
    expect(verdicts.find((v) => v.subject === tenantChain)).toBeUndefined();
    expect(problems(verdicts).join()).toContain('自治体の記録ごとの削除');
  });

  it('an entry removed and every later one re-chained without the key', async () => {
    const verdicts = await tamperedCopy(async (tx) => {
      await tx.execute(sql`delete from audit_log where chain = ${tenantChain} and seq = 2`);
      const later = await tx
        .select()
        .from(auditLog)
        .where(sql`chain = ${tenantChain} and seq > 2`)
        .orderBy(auditLog.seq);
      let prevHash = (
        await tx.select({ hash: auditLog.hash }).from(auditLog).where(sql`chain = ${tenantChain} and seq = 1`)
      )[0]?.hash as string;
      for (const row of later) {
        const seq = (row.seq as number) - 1;
        const hash = hashEntry({ ...row, seq, prevHash });
        await tx.execute(
          sql`update audit_log set seq = ${seq}, prev_hash = ${prevHash}, hash = ${hash}, key_id = null where id = ${row.id}`,
        );
        prevHash = hash;
      }
    });
    expect(problems(verdicts).join()).toMatch(/封印の鍵がありません|作り直されています/);
  });

  it('entries left unsealed for over an hour (the sealer stopped, or rows put in by hand)', async () => {
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000);
    const verdicts = await tamperedCopy(
      (tx) =>
        tx.execute(
          sql`insert into audit_log (chain, tenant_id, at, action, outcome) values (${tenantChain}, ${tenantChain}::uuid, now(), 'auth.login', 'success')`,
        ),
      inTwoHours,
    );
    expect(problems(verdicts).join()).toContain('1時間以上封印されていない記録があります');
  });
});

describe('appending and sealing', () => {
  it.runIf(process.env.TEST_DATABASE_URL)(
    'appends without waiting for another request of the same municipality, and seals a late commit after the others',
    async () => {
      const context = { actor: null, tenantId: tenantChain, clientIp: '127.0.0.1' };
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let lateId = 0;
      const late = asApplication(server.handle.db, { tenantId: tenantChain }, async (tx) => {
        await recordAudit(tx, context, { action: 'auth.login', detail: { note: 'late' } });
        lateId = Number(
          (await queryRows<{ id: string }>(tx, sql`select max(id) as id from audit_log`))[0]?.id,
        );
        await held; // this request's transaction stays open
      });
      while (!lateId) await new Promise((resolve) => setTimeout(resolve, 10));
      // another request appends and commits meanwhile: no lock makes it wait
      await asApplication(server.handle.db, { tenantId: tenantChain }, (tx) =>
        recordAudit(tx, context, { action: 'auth.login', detail: { note: 'early' } }),
      );
      await server.sealAudit();
      // the early row is sealed; the late one, not committed, is not visible to the sealer yet
      const sealedEarly = await server.handle.owner
        .select({ hash: auditLog.hash })
        .from(auditLog)
        .where(sql`detail->>'note' = 'early'`);
      expect(sealedEarly[0]?.hash).toBeTruthy();
      expect(await server.handle.owner.select().from(auditLog).where(sql`id = ${lateId}`)).toEqual([]);
      release();
      await late;
      await server.sealAudit();
      const rows = await server.handle.owner
        .select({ id: auditLog.id, seq: auditLog.seq, note: sql<string>`detail->>'note'` })
        .from(auditLog)
        .where(sql`detail->>'note' in ('late', 'early')`);
      const early = rows.find((r) => r.note === 'early');
      const sealedLate = rows.find((r) => r.note === 'late');
      expect(sealedLate?.id).toBeLessThan(early?.id as number); // appended first…
      expect(sealedLate?.seq).toBeGreaterThan(early?.seq as number); // …committed later, sealed after
      expect(problems(await verifyAudit(server.handle.owner, settings))).toEqual([]);
    },
  );
});
