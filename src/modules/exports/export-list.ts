import type { z } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import { badRequest } from '../../server/errors';
import { EXPORT_TITLES, type ExportKey, isPersonalExport } from '../../shared/export-lists';
import type { ActorContext } from '../audit/audit.service';
import type { ExportContent } from './export-table';

/**
 * One exportable list or report. Its loader calls the list's own service function with the
 * caller's context and the list's own filters, so the export sees exactly what the screen sees
 * (the same access rules, scopes, suppression and audit), and only maps the rows to columns.
 */
export type ExportList = {
  /** The path segment: /api/exports/{key} */
  key: ExportKey;
  /** The Japanese title: the file name and the sheet's name. */
  title: string;
  /** Residents' personal data: the screen warns before downloading, and the audit names every id. */
  personal: boolean;
  /** The list's own API, for the OpenAPI summary. */
  source: string;
  /** The list's own filters (its query schema). */
  query: z.ZodObject;
  load: (db: Database, context: ActorContext, filters: Record<string, unknown>) => Promise<ExportContent>;
};

export function exportList<Q extends z.ZodObject>(
  list: Omit<ExportList, 'query' | 'load' | 'personal' | 'title'> & {
    query: Q;
    load: (db: Database, context: ActorContext, filters: z.output<Q>) => Promise<ExportContent>;
  },
): ExportList {
  return {
    ...list,
    title: EXPORT_TITLES[list.key],
    personal: isPersonalExport(list.key),
    load: (db, context, filters) => list.load(db, context, list.query.parse(filters)),
  };
}

/**
 * A list is written out whole, never cut short without a word: the screens show the first
 * hundreds, an export takes up to this many rows of the same list and refuses a longer one.
 */
export const MAX_EXPORT_ROWS = 10_000;

/** The refusal of a list longer than an export takes: how long it is when known, how to narrow it. */
export const tooLongToExport = (total: number | null, limit: number, narrow: string) =>
  badRequest(
    'EXPORT_TOO_LARGE',
    `${total === null ? '該当が多く' : `該当が${total.toLocaleString('ja-JP')}件あり`}、一度に書き出せる${limit.toLocaleString('ja-JP')}件を超えています。${narrow}`,
  );

/** Loads the list with one row more than an export takes, so that a longer list is refused. */
export async function wholeList<T>(load: (limit: number) => Promise<T[]>, narrow: string): Promise<T[]> {
  const rows = await load(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw tooLongToExport(null, MAX_EXPORT_ROWS, narrow);
  return rows;
}
