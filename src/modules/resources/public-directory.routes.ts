import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonResponse } from '../../server/router';
import {
  ZHsdsPage,
  ZHsdsService,
  ZHsdsServiceParam,
  ZHsdsServicesQuery,
  ZPublicDirectory,
  ZPublicDirectoryQuery,
  ZTenantCodeParam,
} from './public-directory.schemas';
import { publicDirectory, publicHsdsService, publicHsdsServices } from './public-directory.service';

// Without login, and only when the municipality publishes its directory (自治体の設定):
// otherwise every answer is 404. Mounted under /api/public.

const tags = ['公開（ログイン不要）'];
const security: [] = [];

export const publicDirectoryRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{tenantCode}/resources',
      tags,
      security,
      summary: '公開されている社会資源の一覧（地区・種別・曜日・対象・年齢で絞り込み）',
      request: { params: ZTenantCodeParam, query: ZPublicDirectoryQuery },
      responses: { 200: jsonResponse(ZPublicDirectory, '活動中の社会資源') },
    }),
    async (c) =>
      c.json(
        await publicDirectory(c.get('deps').db, c.req.valid('param').tenantCode, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{tenantCode}/hsds/services',
      tags,
      security,
      summary: 'HSDS 3.0 API: サービスの一覧（page, per_page）',
      request: { params: ZTenantCodeParam, query: ZHsdsServicesQuery },
      responses: { 200: jsonResponse(ZHsdsPage, 'HSDS のページ') },
    }),
    async (c) =>
      c.json(
        await publicHsdsServices(c.get('deps').db, c.req.valid('param').tenantCode, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{tenantCode}/hsds/services/{id}',
      tags,
      security,
      summary: 'HSDS 3.0 API: サービス（運営団体を含む）',
      request: { params: ZHsdsServiceParam },
      responses: { 200: jsonResponse(ZHsdsService, 'HSDS のサービス') },
    }),
    async (c) => {
      const { tenantCode, id } = c.req.valid('param');
      return c.json(await publicHsdsService(c.get('deps').db, tenantCode, id), 200);
    },
  );
