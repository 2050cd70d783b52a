import { createHash } from 'node:crypto';

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

export function hashEntry(entry: HashedFields): string {
  const payload = JSON.stringify([
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
  return createHash('sha256').update(payload).digest('hex');
}
