import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { importProfiles, ZProfileImportResult } from './area-profiles-import';
import {
  ZActivityInput,
  ZAreaPage,
  ZAreaSubParams,
  ZAreaYearQuery,
  ZCommunityAreaList,
  ZFiscalYear,
  ZOverview,
  ZSaveProfile,
  ZWorkerInput,
} from './areas-community.schemas';
import {
  addActivity,
  addAreaWorker,
  getAreaPage,
  listCommunityAreas,
  removeActivity,
  removeAreaWorker,
  saveAreaProfile,
} from './areas-community.service';
import { communityOverview } from './overview.service';

const tags = ['地域づくり：地区'];
const route = routesOf(tags);
const ZProfileParams = z.object({ id: ZIdParam.shape.id, fiscalYear: ZFiscalYear });
const ZImportQuery = z.object({
  fiscalYear: ZFiscalYear,
  dryRun: z.enum(['true', 'false']).default('false'),
});

/** Mounted under /api/community: the overview, areas and community work. */
export const communityAreaRoutes = createRouter()
  .openapi(
    route(
      'get',
      '/overview',
      '課題×地区の俯瞰（事例の件数、個人は特定されない）',
      { query: ZAreaYearQuery },
      ZOverview,
    ),
    async (c) =>
      c.json(
        await communityOverview(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear),
        200,
      ),
  )
  .openapi(
    route('get', '/areas', '圏域・地区の一覧（今年度の地域プロフィールと担当者）', {}, ZCommunityAreaList),
    async (c) => c.json(await listCommunityAreas(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route('get', '/areas/{id}', '圏域・地区のページ', { params: ZIdParam, query: ZAreaYearQuery }, ZAreaPage),
    async (c) =>
      c.json(
        await getAreaPage(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('query').fiscalYear,
        ),
        200,
      ),
  )
  .openapi(
    route(
      'patch',
      '/areas/{id}/profiles/{fiscalYear}',
      '年度の地域プロフィールを保存する',
      { params: ZProfileParams, body: jsonBody(ZSaveProfile) },
      ZAreaPage,
    ),
    async (c) => {
      const { id, fiscalYear } = c.req.valid('param');
      return c.json(
        await saveAreaProfile(c.get('deps').db, requestContext(c), id, fiscalYear, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    route(
      'post',
      '/areas/{id}/workers',
      '地区の担当者を加える',
      { params: ZIdParam, body: jsonBody(ZWorkerInput) },
      ZAreaPage,
    ),
    async (c) =>
      c.json(
        await addAreaWorker(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    route(
      'delete',
      '/areas/{id}/workers/{subId}',
      '地区の担当者から外す',
      { params: ZAreaSubParams },
      ZAreaPage,
    ),
    async (c) => {
      const { id, subId } = c.req.valid('param');
      return c.json(await removeAreaWorker(c.get('deps').db, requestContext(c), id, subId), 200);
    },
  )
  .openapi(
    route('post', '/activities', '地域への働きかけを記録する', { body: jsonBody(ZActivityInput) }, ZAreaPage),
    async (c) => c.json(await addActivity(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route('delete', '/activities/{id}', '地域への働きかけの記録を削除する', { params: ZIdParam }, ZAreaPage),
    async (c) =>
      c.json(await removeActivity(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/areas/profiles/import',
      tags,
      summary: '地域プロフィールをCSVから取り込む（UTF-8〔BOM可〕または Shift_JIS。dryRun=true は確認だけ）',
      request: {
        query: ZImportQuery,
        body: { required: true, content: { 'text/csv': { schema: z.string() } } },
      },
      responses: { 200: jsonResponse(ZProfileImportResult, 'checked or imported') },
    }),
    async (c) => {
      const { fiscalYear, dryRun } = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(
        await importProfiles(c.get('deps').db, requestContext(c), bytes, fiscalYear, dryRun === 'true'),
        200,
      );
    },
  );
