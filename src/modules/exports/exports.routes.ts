import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { now } from '../../server/clock';
import type { AppEnv } from '../../server/env';
import { createRouter, requestContext } from '../../server/router';
import { formatWestern } from '../../shared/dates';
import { recordAudit } from '../audit/audit.service';
import {
  CONTENT_TYPES,
  contentDisposition,
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  toCsv,
  toXlsx,
} from './export-formats';
import type { ExportList } from './export-list';
import { EXPORT_LISTS } from './export-registry';

// GET /api/exports/{list}: a list or report as CSV or XLSX, with the list's own filters. The
// list's service decides what may be seen (a user who may not see the list gets the list's own
// 403/404); the download is audited in the request's transaction with the ids it holds.

const ZExportOptions = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv').openapi({ description: 'csv（既定）または xlsx' }),
  encoding: z
    .enum(EXPORT_ENCODINGS)
    .default('utf-8')
    .openapi({ description: 'CSV の文字コード：utf-8（BOM付き、既定）または shift_jis' }),
});

const fileResponse = {
  200: {
    description: 'the file (content-disposition: attachment)',
    content: {
      [CONTENT_TYPES.csv]: { schema: z.string() },
      [CONTENT_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
};

const routeOf = (list: ExportList) =>
  createRoute({
    method: 'get',
    path: `/${list.key}`,
    tags: ['データの書き出し'],
    summary: `${list.title}を CSV・Excel で書き出す（${list.source} と同じ絞り込み・同じ権限${list.personal ? '、個人情報を含む' : ''}、監査ログに記録）`,
    request: { query: list.query.extend(ZExportOptions.shape) },
    responses: fileResponse,
  });

async function download(c: Context<AppEnv>, list: ExportList) {
  const { format, encoding } = ZExportOptions.parse(c.req.query());
  const filters = Object.fromEntries(
    Object.entries(c.req.query()).filter(([key]) => key !== 'format' && key !== 'encoding'),
  );
  const { db } = c.get('deps');
  const context = requestContext(c);
  // The list is read and the file made in a savepoint: a list refused as too long or a file
  // refused in Shift_JIS takes back the list's own entry with it, so the audit log holds no read
  // the user never received, and no export.
  const { content, bytes } = await db.transaction(async (tx) => {
    const content = await list.load(tx, context, filters);
    const table = { title: list.title, columns: content.columns, rows: content.rows };
    const bytes = format === 'xlsx' ? await toXlsx(table) : toCsv(table, encoding);
    return { content, bytes };
  });
  await recordAudit(db, context, {
    action: 'export.download',
    detail: {
      list: list.key,
      format,
      ...(format === 'csv' ? { encoding } : {}),
      rows: content.rows.length,
      ids: content.ids,
      ...content.alsoNamed,
    },
  });
  const contentType =
    format === 'xlsx'
      ? CONTENT_TYPES.xlsx
      : `${CONTENT_TYPES.csv}; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`;
  return c.body(bytes, 200, {
    'content-type': contentType,
    'content-disposition': contentDisposition(list.title, list.key, formatWestern(now()), format),
  });
}

export function exportRoutes() {
  const router = createRouter();
  for (const list of EXPORT_LISTS) router.openapi(routeOf(list), (c) => download(c, list));
  return router;
}
