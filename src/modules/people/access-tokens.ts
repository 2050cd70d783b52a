import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/**
 * Runs a bulk load in one transaction with the access-token triggers deferred (migration 0011),
 * then refreshes the tokens of every person of these municipalities once: a load that touches
 * many tables in one go would otherwise refresh the same people table by table.
 */
export async function loadWithDeferredAccessTokens(
  owner: Database,
  tenantIds: string[],
  load: (tx: Database) => Promise<void>,
): Promise<void> {
  await owner.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.defer_access_tokens', 'on', true)`);
    await load(tx);
    await tx.execute(sql`select set_config('app.defer_access_tokens', 'off', true)`);
    await tx.execute(sql`select app_refresh_access_tokens(array(select id from persons
      where tenant_id = any(${sql.param(tenantIds)}::uuid[])))`);
  });
}
