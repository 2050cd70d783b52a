import { and, asc, eq, gt, isNotNull, isNull, min, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { GENESIS_HASH, hashEntry, macCheckpoint, macEntry } from './audit.hash';
import { type AuditSettings, loadAuditKeys } from './audit.keys';
import { readCheckpoints } from './audit.sealer';
import { auditLog } from './audit.tables';

// npm run audit:verify: every chain's sealed entries (place, link to the previous entry, MAC with
// the key named on the entry), the entries not yet sealed (the sealer seals within seconds while
// the server runs: an old unsealed entry means it stopped, or rows were put there by hand), and
// every signed checkpoint outside the database (a chain cut short, deleted, or re-chained).

export type Verdict = { subject: string; ok: boolean; entries?: number; problem?: string };

/** How long an entry may stay unsealed before verification calls it a problem. */
const UNSEALED_GRACE_MS = 60 * 60_000;

async function verifyChain(db: Database, chain: string, keys: Map<string, Buffer>): Promise<Verdict> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let keyed = false;
  const batch = 1000;
  const broken = (problem: string): Verdict => ({
    subject: chain,
    ok: false,
    entries: expected - 1,
    problem,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), isNotNull(auditLog.hash), gt(auditLog.seq, expected - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const row of rows) {
      const seq = row.seq as number;
      if (seq !== expected) return broken(`${expected}番の記録がありません（削除された可能性があります）`);
      if (row.prevHash !== prevHash) return broken(`${seq}番の記録が前の記録とつながっていません`);
      const fields = { ...row, seq, prevHash };
      const key = row.keyId ? keys.get(row.keyId) : undefined;
      if (row.keyId && !key) return broken(`${seq}番の記録の鍵（${row.keyId}）がありません`);
      // Entries from before sealing (no key) can only come first: a keyless entry after a sealed
      // one is an attempt to re-chain without the key.
      if (!row.keyId && keyed) return broken(`${seq}番の記録に封印の鍵がありません（作り直されています）`);
      keyed ||= Boolean(row.keyId);
      const expectedHash = key ? macEntry(key, fields) : hashEntry(fields);
      if (expectedHash !== row.hash) return broken(`${seq}番の記録が書き換えられています`);
      prevHash = row.hash;
      expected += 1;
    }
    if (rows.length < batch) return { subject: chain, ok: true, entries: expected - 1 };
  }
}

export async function verifyAudit(
  db: Database,
  settings: Pick<AuditSettings, 'keyFile' | 'key' | 'checkpointFile'>,
  now = new Date(),
): Promise<Verdict[]> {
  const keys = loadAuditKeys(settings).byId;
  const chains = await db.selectDistinct({ chain: auditLog.chain }).from(auditLog).orderBy(auditLog.chain);
  const verdicts: Verdict[] = [];
  for (const { chain } of chains) verdicts.push(await verifyChain(db, chain, keys));

  const [unsealed] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: min(auditLog.at) })
    .from(auditLog)
    .where(isNull(auditLog.hash));
  const stale = unsealed?.oldest && now.getTime() - new Date(unsealed.oldest).getTime() > UNSEALED_GRACE_MS;
  verdicts.push(
    stale
      ? {
          subject: '未封印の記録',
          ok: false,
          entries: unsealed?.n,
          problem:
            '1時間以上封印されていない記録があります（サーバーを起動すると封印されます。起動中なら調査が必要です）',
        }
      : { subject: '未封印の記録', ok: true, entries: unsealed?.n ?? 0 },
  );

  const checkpoints = readCheckpoints(settings.checkpointFile);
  let checked = 0;
  for (const checkpoint of checkpoints) {
    const key = keys.get(checkpoint.keyId);
    const subject = `チェックポイント ${checkpoint.chain} ${checkpoint.seq}番（${checkpoint.at}）`;
    if (!key || macCheckpoint(key, checkpoint) !== checkpoint.mac) {
      verdicts.push({
        subject,
        ok: false,
        problem: 'チェックポイントの署名が一致しません（書き換えられています）',
      });
      continue;
    }
    const [row] = await queryRows<{ hash: string }>(
      db,
      sql`select hash from audit_log where chain = ${checkpoint.chain} and seq = ${checkpoint.seq}`,
    );
    if (!row) {
      verdicts.push({
        subject,
        ok: false,
        problem:
          'この時点までに封印された記録が、データベースにありません（末尾の削除、または自治体の記録ごとの削除）',
      });
    } else if (row.hash !== checkpoint.hash) {
      verdicts.push({
        subject,
        ok: false,
        problem: 'この時点の記録が、署名された内容と異なります（作り直されています）',
      });
    } else checked += 1;
  }
  verdicts.push({ subject: 'チェックポイント', ok: true, entries: checked });
  return verdicts;
}
