import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tenants } from '../modules/tenants/tenants.tables';
import { addDays, formatWestern } from '../shared/dates';
import { provideEntryWindow } from '../shared/schema-helpers';
import { now } from './clock';

// How far back a record may be dated is a municipal setting (tenants.backdate_limit_days); the
// date schemas (ZDoneDate) check it against the window of the request they validate.

type EntryWindow = { earliest: string; days: number };
const current = new AsyncLocalStorage<EntryWindow>();
provideEntryWindow(() => current.getStore() ?? null);

/** Runs a write of this municipality's user with its entry window in force. */
export async function withEntryWindow<T>(db: Database, tenantId: string, run: () => Promise<T>): Promise<T> {
  const [tenant] = await db
    .select({ days: tenants.backdateLimitDays })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) return run();
  const earliest = addDays(formatWestern(now()), -tenant.days);
  return current.run({ earliest, days: tenant.days }, run);
}
