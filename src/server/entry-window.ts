import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { prepared } from '../db/prepared';
import { tenants } from '../modules/tenants/tenants.tables';
import { addDays, formatWestern } from '../shared/dates';
import { provideEntryWindow } from '../shared/schema-helpers';
import { now } from './clock';

// How far back a record may be dated is a municipal setting (tenants.backdate_limit_days); the
// date schemas (ZDoneDate) check it against the window of the request they validate.

type EntryWindow = { earliest: string; days: number };
const current = new AsyncLocalStorage<EntryWindow>();
provideEntryWindow(() => current.getStore() ?? null);

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

/** Runs a write of this municipality's user with its entry window in force. */
export function withEntryWindow<T>(days: number | undefined, run: () => Promise<T>): Promise<T> {
  if (days === undefined) return run();
  const earliest = addDays(formatWestern(now()), -days);
  return current.run({ earliest, days }, run);
}
