import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client';

// Many rows in one statement, whatever their number of columns: each column travels as one
// array parameter (written here as a PostgreSQL array literal, which is much faster than
// letting the driver serialise thousands of values) and unnest() turns them back into rows.
// Array columns (text[]) travel as an array of array literals, cast row by row.
// A multi-row VALUES would stop at 65,535 parameters.

type Row<T extends PgTable> = T['$inferInsert'];

const SPECIAL = /["\\]/;
const quote = (value: string) =>
  SPECIAL.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
// Text that needs no quotes in an array literal: most values (uuids, dates, search grams), and
// an array of them then needs no escaping inside the outer literal (a third of the time).
const BARE = /^[^{}",\\\s]+$/;
const text = (value: string) => (BARE.test(value) && value.toUpperCase() !== 'NULL' ? value : quote(value));

function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return text(`{${value.map(element).join(',')}}`);
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return text(String(value));
}

const literal = (values: unknown[]) => `{${values.map(element).join(',')}}`;

/** Inserts the rows (each with the same keys); columns not named keep their defaults. */
export async function insertMany<T extends PgTable>(tx: Database, table: T, rows: Row<T>[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const params: SQL[] = [];
  const names: SQL[] = [];
  const selected: SQL[] = [];
  keys.forEach((key, i) => {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key} in ${getTableName(table)}`);
    const type = column.getSQLType();
    const values = rows.map((row) => (row as Record<string, unknown>)[key]);
    const isArray = type.endsWith('[]');
    params.push(sql`${literal(values)}::${sql.raw(isArray ? 'text' : type)}[]`);
    names.push(sql`${sql.identifier(column.name)}`);
    selected.push(isArray ? sql`${sql.raw(`c${i}`)}::${sql.raw(type)}` : sql.raw(`c${i}`));
  });
  const aliases = sql.raw(keys.map((_, i) => `c${i}`).join(', '));
  await tx.execute(
    sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
        select ${sql.join(selected, sql`, `)} from unnest(${sql.join(params, sql`, `)}) as u(${aliases})`,
  );
}
