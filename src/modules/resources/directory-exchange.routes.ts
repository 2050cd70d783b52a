import { createRoute, z } from '@hono/zod-openapi';
import { now } from '../../server/clock';
import { AppError } from '../../server/errors';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { formatWestern } from '../../shared/dates';
import { csvTemplate } from './csv-file';
import { importCsv } from './csv-import.service';
import { ZImportQuery, ZImportResult } from './directory-import.schemas';
import { exportHsds, importHsds } from './hsds.service';

// The directory in and out: HSDS 3.0 (Open Referral) for other systems and municipalities,
// CSV from spreadsheets. Mounted under /api/resources.

const tags = ['社会資源の取り込み・書き出し'];

/** An HSDS document as JSON (its shape is checked against HSDS 3.0, not here). */
export const ZHsdsDocument = z.looseObject({
  organizations: z.array(z.looseObject({})).optional(),
  services: z.array(z.looseObject({})).optional(),
  contents: z.array(z.looseObject({})).optional(),
});

const importResponses = {
  200: jsonResponse(ZImportResult, '確認の結果（dryRun=false なら取り込んだ結果）'),
  400: jsonResponse(
    z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) }),
    'IMPORT_INVALID: 誤りの一覧（行・列・内容）。何も取り込んでいません',
  ),
};

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

export const directoryExchangeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/export/hsds',
      tags,
      summary: '社会資源の一覧を HSDS 3.0 の JSON で書き出す',
      responses: {
        200: jsonResponse(ZHsdsDocument, 'HSDS 3.0 の文書（organizations, services, taxonomies…）'),
      },
    }),
    async (c) => {
      const document = await exportHsds(c.get('deps').db, requestContext(c));
      c.header('content-disposition', `attachment; filename="tsunagu-hsds-${formatWestern(now())}.json"`);
      return c.json(document, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import/hsds',
      tags,
      summary: 'HSDS 3.0 の JSON を取り込む（同じ id は更新、新しい id は追加。dryRun=true は確認だけ）',
      request: { query: ZImportQuery, body: jsonBody(ZHsdsDocument, 'HSDS 3.0 の文書') },
      responses: importResponses,
    }),
    async (c) => {
      const dryRun = c.req.valid('query').dryRun === 'true';
      const result = await importHsds(c.get('deps').db, requestContext(c), c.req.valid('json'), dryRun);
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import/csv',
      tags,
      summary:
        'CSV を取り込む（ファイルの中身をそのまま本文に。UTF-8〔BOM可〕または Shift_JIS、2MB・2,000行まで。dryRun=true は確認だけ）',
      request: {
        query: ZImportQuery,
        body: {
          required: true,
          content: {
            'text/csv': { schema: z.string() },
            'application/octet-stream': { schema: z.string() },
          },
        },
      },
      responses: importResponses,
    }),
    async (c) => {
      const context = requestContext(c);
      if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
        throw new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'CSVファイルの中身をそのまま送ってください（Content-Type: text/csv）。',
        );
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const dryRun = c.req.valid('query').dryRun === 'true';
      return c.json(await importCsv(c.get('deps').db, context, bytes, dryRun), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/import/csv-template',
      tags,
      summary: '取り込み用CSVのテンプレート（UTF-8・BOM付き）',
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      requestContext(c);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="tsunagu-resources-template.csv"');
      return c.body(csvTemplate(), 200);
    },
  );
