import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { prepared } from '../db/prepared';
import { tenants } from '../modules/tenants/tenants.tables';
import { addDays, formatWestern } from '../shared/dates';
import type { EntryWindow } from '../shared/schema-helpers';
import { now } from './clock';

// How far back a record may be dated is a municipal setting (tenants.backdate_limit_days); the
// entry dates of a write's body (ZEntryDate) are held to it (router.ts).

/**
 * The municipality's days of late entry, read for the tenant the request's connection has
 * entered (app_current_tenant, set from the session token): sent beside the session's own read,
 * so that a write spends no round trip of its own on it. Nothing when no tenant was entered.
 */
export function entryWindowDays(db: Database): Promise<number | undefined> {
  return prepared(db, 'entry_window_days', (d) =>
    d
      .select({ days: tenants.backdateLimitDays })
      .from(tenants)
      .where(sql`${tenants.id} = app_current_tenant()`)
      .prepare('entry_window_days'),
  )
    .execute()
    .then(([tenant]) => tenant?.days);
}

/** The window of late entry of a municipality allowing so many days: its earliest day is today's less them. */
export const entryWindowOf = (days: number): EntryWindow => ({
  earliest: addDays(formatWestern(now()), -days),
  days,
});
