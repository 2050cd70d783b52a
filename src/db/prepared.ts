import type { Database } from './client';

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * A query prepared once per database under a name: PostgreSQL then keeps its plan on each
 * connection instead of planning it on every request (the hot reads of the case page are
 * planned for longer than they run).
 */
export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
