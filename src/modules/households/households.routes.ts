import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { setHouseholdArea } from './household-area.service';
import {
  ZHouseholdAreaInput,
  ZHouseholdInput,
  ZHouseholdView,
  ZMemberInput,
  ZRelationshipInput,
} from './households.schemas';
import { addMember, addRelationship, createHousehold, getHousehold } from './households.service';

const tags = ['世帯'];

export const householdRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '世帯の登録',
      request: { body: jsonBody(ZHouseholdInput) },
      responses: { 201: jsonResponse(ZHouseholdView, 'created') },
    }),
    async (c) => c.json(await createHousehold(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: '世帯の記録（世帯員・関係・相談とつなぎの経過）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZHouseholdView, 'the household') },
    }),
    async (c) =>
      c.json(await getHousehold(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/area',
      tags,
      summary: '世帯の地区（地域づくりの件数に使う）',
      request: { params: ZIdParam, body: jsonBody(ZHouseholdAreaInput) },
      responses: { 200: jsonResponse(ZHouseholdView, 'updated') },
    }),
    async (c) =>
      c.json(
        await setHouseholdArea(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').areaId,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/members',
      tags,
      summary: '世帯員の追加',
      request: { params: ZIdParam, body: jsonBody(ZMemberInput) },
      responses: { 200: jsonResponse(ZHouseholdView, 'updated') },
    }),
    async (c) =>
      c.json(
        await addMember(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/relationships',
      tags,
      summary: '世帯員どうしの関係（ジェノグラム用）',
      request: { params: ZIdParam, body: jsonBody(ZRelationshipInput) },
      responses: { 200: jsonResponse(ZHouseholdView, 'updated') },
    }),
    async (c) =>
      c.json(
        await addRelationship(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
