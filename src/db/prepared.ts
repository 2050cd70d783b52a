import { sql } from 'drizzle-orm';
import type { Database } from './client';

type Session = { client: unknown; constructor: { name: string } };
const statements = new Map<string, object>();

/**
 * A query built once per driver under a name and run on the connection of `db` (each request
 * is its own transaction, so a query kept per transaction would be rebuilt on every request:
 * Drizzle's building is most of the CPU of a case page). Keeping the statement's plan on each
 * connection is the statement cache's work (`statement-cache.ts`), for every statement.
 *
 * Drizzle's prepared queries hold the client they were built on; the one kept here is only
 * ever run through a view of it that carries this transaction's client instead.
 */
export function prepared<T extends object>(db: Database, name: string, build: (db: Database) => T): T {
  const session = (db as unknown as { _: { session: Session } })._.session;
  const key = `${session.constructor.name}:${name}`;
  let statement = statements.get(key) as T | undefined;
  if (!statement) {
    statement = build(db);
    if (!('client' in statement)) throw new Error(`prepared query ${name} holds no client`);
    statements.set(key, statement);
  }
  return Object.create(statement, { client: { value: session.client } }) as T;
}

/**
 * A named placeholder where SQL is built from strings (ids, days): the SQL is built once and
 * the value goes with each run. Only for values the building passes through unread.
 */
export const stringPlaceholder = (name: string) => sql.placeholder(name) as unknown as string;

type Queryable = { query(text: string): Promise<unknown> };

/**
 * Runs a query built per request (its shape depends on who asks) with a generic plan: the
 * statement cache keeps it per connection, so each connection plans it once. The access
 * conditions of a search take about as long to plan as to run, and a plan for the given values
 * is no better than the generic one (the candidates come from the gram indexes). The setting is
 * for this statement only. The three statements go to the driver in this order without waiting
 * (pipelined on PostgreSQL): the setting through the connection itself, since Drizzle hands a
 * plain statement to the driver only after a query issued after it.
 */
export async function runWithGenericPlan<R>(tx: Database, query: { execute(): Promise<R> }): Promise<R> {
  const client = (tx as unknown as { _: { session: { client: Queryable } } })._.session.client;
  const [, rows] = await Promise.all([
    client.query('set local plan_cache_mode = force_generic_plan'),
    query.execute(),
    client.query('set local plan_cache_mode = auto'),
  ]);
  return rows;
}
