import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import { AppError } from '../../server/errors';
import { createRouter, jsonBody, jsonResponse, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { listMappings, saveMapping } from './import-mappings.service';
import { ndjsonStream } from './import-stream';
import {
  ZCheckRequest,
  ZCommitRequest,
  ZImportPlan,
  ZMapping,
  ZMappingInput,
  ZMappingList,
  ZUpload,
} from './imports.schemas';
import { planImport, receiveFile, startCheck, startCommit } from './imports.service';

// 台帳の取り込み: people, households and consultations from CSV or XLSX. Mounted under
// /api/imports with the database the long steps open their own transaction on (they answer
// as NDJSON while they work, after the request's own transaction has ended).

const tags = ['台帳の取り込み'];
const route = routesOf(tags);
const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded|application\/json)/i;

const streamed = (description: string): RouteConfig['responses'] => ({
  200: {
    // refused before it starts: 400 MAPPING_INVALID, IMPORT_INVALID_ROWS, IMPORT_UNDECIDED, IMPORT_DECISION_INVALID
    description: `${description}（NDJSON：1行に1つの JSON。progress の行が続き、最後に report・done・error のいずれか。始める前に断るときは 400 の JSON）`,
    content: { 'application/x-ndjson': { schema: z.string() } },
  },
});

const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8' };

export const importRoutes = (root: Database) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/files',
        tags,
        summary:
          '取り込むファイルを送る（CSV〔UTF-8・BOM可、Shift_JIS〕か XLSX の中身をそのまま本文に。32MB・100,000行まで）。見出しと列の対応の案を返す',
        request: {
          body: {
            required: true,
            content: {
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
              'application/octet-stream': { schema: z.string() },
            },
          },
        },
        responses: { 200: jsonResponse(ZUpload, '読み取ったファイル（サーバーのメモリに2時間）') },
      }),
      async (c) => {
        const context = requestContext(c);
        if (FORM_TYPES.test(c.req.header('content-type') ?? ''))
          throw new AppError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'ファイルの中身をそのまま送ってください（text/csv または xlsx）。',
          );
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await receiveFile(c.get('deps').db, context, bytes), 200);
      },
    )
    .openapi(
      route('get', '/mappings', '保存した取り込み元（列の対応）の一覧', {}, ZMappingList),
      async (c) => {
        const mappings = await listMappings(c.get('deps').db, requestContext(c));
        return c.json({ mappings }, 200);
      },
    )
    .openapi(
      route(
        'put',
        '/mappings',
        '列の対応を取り込み元の名前で保存する（version が古いと 409）',
        { body: jsonBody(ZMappingInput) },
        ZMapping,
      ),
      async (c) => c.json(await saveMapping(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/files/{id}/check',
        tags,
        summary: '確認する（何も保存しない）：行・列・理由の一覧と、登録済みの方との名寄せの候補',
        request: { params: ZIdParam, body: jsonBody(ZCheckRequest) },
        responses: streamed('確認の進み具合と結果（report）'),
      }),
      async (c) => {
        const context = requestContext(c);
        const { id } = c.req.valid('param');
        const work = await startCheck(
          c.get('deps').db,
          root,
          context,
          id,
          c.req.valid('json'),
          c.get('entryWindow'),
        );
        return new Response(ndjsonStream('import check', work), { status: 200, headers: NDJSON });
      },
    )
    .openapi(
      route(
        'post',
        '/files/{id}/plan',
        '取り込むと作られる件数（何も保存しない。誤りのある行・決めていない名寄せがあると 400）',
        { params: ZIdParam, body: jsonBody(ZCommitRequest) },
        ZImportPlan,
      ),
      async (c) =>
        c.json(
          planImport(requestContext(c), c.req.valid('param').id, c.req.valid('json'), c.get('entryWindow')),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/files/{id}/commit',
        tags,
        summary: '取り込む（一つのトランザクションで、すべてか何もなし）',
        request: { params: ZIdParam, body: jsonBody(ZCommitRequest) },
        responses: streamed('取り込みの進み具合と結果（done）'),
      }),
      async (c) => {
        const context = requestContext(c);
        const work = startCommit(
          root,
          context,
          c.req.valid('param').id,
          c.req.valid('json'),
          c.get('entryWindow'),
        );
        return new Response(ndjsonStream('import commit', work), { status: 200, headers: NDJSON });
      },
    );
