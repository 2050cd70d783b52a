import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';

// Bulk loads (the oracle's worlds, the benchmark city) write many tables at once: refreshing the
// same people's access tokens (migration 0011) table by table would cost more than the load.

/** Turns the access-token triggers off for the rest of this transaction. */
export async function deferAccessTokens(tx: Database): Promise<void> {
  await tx.execute(sql`select set_config('app.defer_access_tokens', 'on', true)`);
}

/** Recomputes the access tokens of every person of these municipalities, a chunk at a time. */
export async function refreshAccessTokens(
  owner: Database,
  tenantIds: string[],
  onProgress?: (done: number) => void,
): Promise<void> {
  const chunk = 5000;
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const ids = await queryRows<{ id: string }>(
      owner,
      sql`select id from persons where tenant_id = any(${sql.param(tenantIds)}::uuid[]) and id > ${after}
          order by id limit ${chunk}`,
    );
    if (ids.length === 0) return;
    await owner.execute(sql`select app_refresh_access_tokens(${sql.param(ids.map((r) => r.id))}::uuid[])`);
    after = ids[ids.length - 1]?.id ?? after;
    done += ids.length;
    onProgress?.(done);
  }
}

/** Runs a bulk load in one transaction with the triggers deferred, then refreshes once. */
export async function loadWithDeferredAccessTokens(
  owner: Database,
  tenantIds: string[],
  load: (tx: Database) => Promise<void>,
): Promise<void> {
  await owner.transaction(async (tx) => {
    await deferAccessTokens(tx);
    await load(tx);
    await tx.execute(sql`select set_config('app.defer_access_tokens', 'off', true)`);
    await refreshAccessTokens(tx, tenantIds);
  });
}
