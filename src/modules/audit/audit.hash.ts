import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = {
  chain: string;
  seq: number;
  tenantId: string | null;
  at: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  clientIp: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
};

// jsonb does not keep key order, so the detail is hashed with its keys sorted.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function payload(entry: HashedFields): string {
  return JSON.stringify([
    entry.chain,
    entry.seq,
    entry.tenantId,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.actorOrganisationId,
    entry.action,
    entry.outcome,
    entry.targetType,
    entry.targetId,
    entry.clientIp,
    canonical(entry.detail),
    entry.prevHash,
  ]);
}

/** Entries written before sealing (migration 0010): a plain SHA-256 chain, still verified. */
export function hashEntry(entry: HashedFields): string {
  return createHash('sha256').update(payload(entry)).digest('hex');
}

/** A sealed entry's MAC: nobody without the key can re-chain entries after removing one. */
export function macEntry(key: Buffer, entry: HashedFields): string {
  return createHmac('sha256', key).update(payload(entry)).digest('hex');
}

/** A checkpoint's MAC over the chain head it records. */
export function macCheckpoint(key: Buffer, head: { chain: string; seq: number; hash: string; at: string }) {
  return createHmac('sha256', key)
    .update(JSON.stringify([head.chain, head.seq, head.hash, head.at]))
    .digest('hex');
}
