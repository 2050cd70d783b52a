import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client';

/** The named statements of the connection `db` runs on whose text holds `fragment`. */
export async function keptStatements(db: Database, fragment: string): Promise<string[]> {
  const rows = await queryRows<{ statement: string }>(
    db,
    sql`select statement from pg_prepared_statements
         where statement like ${`%${fragment}%`} and statement not like '%pg_prepared_statements%'`,
  );
  return rows.map((r) => r.statement);
}
