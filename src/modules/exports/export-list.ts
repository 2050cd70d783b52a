import type { z } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
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
