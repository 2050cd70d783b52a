import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZTenantSettings, ZUpdateTenantSettings } from './tenants.schemas';
import { getTenantSettings, updateTenantSettings } from './tenants.service';

const tags = ['自治体の設定'];

export const tenantRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '自治体の設定',
      responses: { 200: jsonResponse(ZTenantSettings, 'settings') },
    }),
    async (c) => c.json(await getTenantSettings(c.get('deps').db, requestContext(c).actor), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      summary: '自治体の設定の変更（管理者）',
      request: { body: jsonBody(ZUpdateTenantSettings) },
      responses: { 200: jsonResponse(ZTenantSettings, 'updated') },
    }),
    async (c) =>
      c.json(await updateTenantSettings(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  );
