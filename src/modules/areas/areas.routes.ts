import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { ZArea, ZAreaList, ZCreateAreaRequest, ZUpdateAreaRequest } from './areas.schemas';
import { createArea, listAreas, updateArea } from './areas.service';

const tags = ['地区'];

export const areaRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '地区（市・日常生活圏域・地区）の一覧',
      responses: { 200: jsonResponse(ZAreaList, 'areas of the municipality') },
    }),
    async (c) => c.json({ areas: await listAreas(c.get('deps').db, requestContext(c).actor) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '地区の登録（管理者）',
      request: { body: jsonBody(ZCreateAreaRequest) },
      responses: { 201: jsonResponse(ZArea, 'created') },
    }),
    async (c) => c.json(await createArea(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: '地区の変更（管理者）',
      request: { params: ZIdParam, body: jsonBody(ZUpdateAreaRequest) },
      responses: { 200: jsonResponse(ZArea, 'updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await updateArea(c.get('deps').db, requestContext(c), id, c.req.valid('json')), 200);
    },
  );
