import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client';

// Many rows in one statement, whatever their number of columns: the rows travel as one JSON
// parameter that json_populate_recordset turns into the table's row type (text[] from JSON
// arrays, dates and times from ISO text). A multi-row VALUES would stop at 65,535 parameters.

type Row<T extends PgTable> = T['$inferInsert'];

/** Inserts the rows (each with the same keys); columns not named keep their defaults. */
export async function insertMany<T extends PgTable>(tx: Database, table: T, rows: Row<T>[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key} in ${getTableName(table)}`);
    return column.name;
  });
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const value = (row as Record<string, unknown>)[key];
      record[names[i] as string] = value instanceof Date ? value.toISOString() : (value ?? null);
    });
    return record;
  });
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const tableName = sql.identifier(getTableName(table));
  await tx.execute(
    sql`insert into ${tableName} (${list}) select ${list} from json_populate_recordset(null::${tableName}, ${JSON.stringify(records)}::json)`,
  );
}
