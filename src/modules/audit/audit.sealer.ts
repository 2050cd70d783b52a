import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { GENESIS_HASH, macCheckpoint, macEntry } from './audit.hash';
import { type AuditKeys, type AuditSettings, loadAuditKeys } from './audit.keys';

// The sealer: one at a time (an advisory lock), it takes the committed entries not yet sealed,
// in the order they were appended, and gives each the next place in its municipality's chain
// and an HMAC over the previous entry's. An entry whose transaction commits late is simply
// sealed in a later batch: no entry is ever passed over. It resumes where it stopped, since
// "not yet sealed" is in the rows themselves. After a batch it writes a signed checkpoint of a
// chain's head to a file outside the database every N entries or M minutes.

const SEALER_LOCK = 727402;
const BATCH = 2000;

type Unsealed = {
  id: number;
  chain: string;
  tenant_id: string | null;
  at: Date | string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  client_ip: string | null;
  detail: Record<string, unknown>;
};
export type ChainHead = { chain: string; seq: number; hash: string };

/** Seals what has committed so far; answers the new head of every chain it extended. */
export async function sealPending(owner: Database, keys: AuditKeys): Promise<ChainHead[]> {
  return owner.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK})`);
    const rows = await queryRows<Unsealed>(
      tx,
      sql`select id, chain, tenant_id, at, actor_user_id, actor_organisation_id, action, outcome,
                 target_type, target_id, client_ip, detail
          from audit_log where hash is null order by id limit ${BATCH}`,
    );
    if (rows.length === 0) return [];
    const chains = [...new Set(rows.map((r) => r.chain))];
    const heads = await queryRows<{ chain: string; seq: number; hash: string }>(
      tx,
      // One backward step of the (chain, seq) index per chain: the log grows without bound.
      sql`select c.chain, h.seq::int as seq, h.hash
          from unnest(${sql.param(chains)}::text[]) as c(chain)
          cross join lateral (select a.seq, a.hash from audit_log a
                              where a.chain = c.chain and a.seq is not null
                              order by a.seq desc limit 1) h`,
    );
    const head = new Map<string, ChainHead>(chains.map((c) => [c, { chain: c, seq: 0, hash: GENESIS_HASH }]));
    for (const h of heads) head.set(h.chain, { chain: h.chain, seq: Number(h.seq), hash: h.hash });
    const sealed = {
      ids: [] as number[],
      seqs: [] as number[],
      prevs: [] as string[],
      hashes: [] as string[],
    };
    for (const row of rows) {
      const previous = head.get(row.chain) as ChainHead;
      const seq = previous.seq + 1;
      const hash = macEntry(keys.current.key, {
        chain: row.chain,
        seq,
        tenantId: row.tenant_id,
        at: new Date(row.at),
        actorUserId: row.actor_user_id,
        actorOrganisationId: row.actor_organisation_id,
        action: row.action,
        outcome: row.outcome,
        targetType: row.target_type,
        targetId: row.target_id,
        clientIp: row.client_ip,
        detail: row.detail,
        prevHash: previous.hash,
      });
      sealed.ids.push(Number(row.id));
      sealed.seqs.push(seq);
      sealed.prevs.push(previous.hash);
      sealed.hashes.push(hash);
      head.set(row.chain, { chain: row.chain, seq, hash });
    }
    await tx.execute(
      sql`update audit_log a set seq = v.seq, prev_hash = v.prev, hash = v.hash,
                 key_id = ${keys.current.id}, sealed_at = now()
          from unnest(${sql.param(sealed.ids)}::bigint[], ${sql.param(sealed.seqs)}::bigint[],
                      ${sql.param(sealed.prevs)}::text[], ${sql.param(sealed.hashes)}::text[]) as v(id, seq, prev, hash)
          where a.id = v.id`,
    );
    return [...head.values()].filter((h) => h.seq > 0 && chains.includes(h.chain));
  });
}

export type Checkpoint = { chain: string; seq: number; hash: string; at: string; keyId: string; mac: string };

export function readCheckpoints(file: string): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Checkpoint);
}

/** Appends signed checkpoints and makes them durable before answering. */
function appendCheckpoints(file: string, checkpoints: Checkpoint[]) {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type Sealer = { sealNow: () => Promise<void>; stop: () => Promise<void> };

/** Seals every `intervalMs` while the server runs, once at start (resuming) and once at stop. */
export function startSealer(owner: Database, settings: AuditSettings, intervalMs = 1000): Sealer {
  const keys = loadAuditKeys(settings);
  const last = new Map<string, { seq: number; at: number }>();
  for (const c of readCheckpoints(settings.checkpointFile))
    last.set(c.chain, { seq: c.seq, at: Date.parse(c.at) });
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const checkpoint = (heads: ChainHead[]) => {
    const due = heads.filter((h) => {
      const previous = last.get(h.chain);
      return (
        !previous ||
        h.seq - previous.seq >= settings.checkpointEvery ||
        Date.now() - previous.at >= settings.checkpointMinutes * 60_000
      );
    });
    if (due.length === 0) return;
    const at = new Date().toISOString();
    const lines = due.map((h) => ({
      ...h,
      at,
      keyId: keys.current.id,
      mac: macCheckpoint(keys.current.key, { ...h, at }),
    }));
    appendCheckpoints(settings.checkpointFile, lines);
    for (const line of lines) last.set(line.chain, { seq: line.seq, at: Date.parse(at) });
  };

  const sealNow = () => {
    running = running.then(async () => {
      for (;;) {
        const heads = await sealPending(owner, keys);
        checkpoint(heads);
        if (heads.length === 0) break;
      }
    });
    return running;
  };
  const tick = () => {
    sealNow().catch((error: Error) =>
      // the driver's own message (Drizzle's repeats the statement with every id of the batch)
      console.error(
        '[audit] sealing failed, retried next time:',
        (error.cause as Error | undefined)?.message ?? error.message,
      ),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    sealNow,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await sealNow().catch(() => undefined);
    },
  };
}
