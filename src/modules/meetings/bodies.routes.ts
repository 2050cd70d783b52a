import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { addMember, createBody, listBodies, listStaff, updateBody, updateMember } from './bodies.service';
import {
  ZBody,
  ZBodyInput,
  ZBodyList,
  ZChildParam,
  ZMemberInput,
  ZMembersBulk,
  ZMemberUpdate,
} from './meetings.schemas';
import { addMembersInBulk } from './members-bulk.service';

const tags = ['会議'];
const ZDone = z.object({ ok: z.boolean() });

const ZStaff = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string() })),
});

export const bodyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/staff',
      tags,
      summary: '構成員・出席者に選べる職員（所属つき）',
      responses: { 200: jsonResponse(ZStaff, 'staff') },
    }),
    async (c) => c.json({ staff: await listStaff(c.get('deps').db, requestContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '会議体の一覧（構成員つき）',
      responses: { 200: jsonResponse(ZBodyList, 'bodies') },
    }),
    async (c) => c.json(await listBodies(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '会議体を作る（コーディネーター）',
      request: { body: jsonBody(ZBodyInput) },
      responses: { 201: jsonResponse(ZBody, 'created') },
    }),
    async (c) => c.json(await createBody(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary: '会議体の設定を変える',
      request: { params: ZIdParam, body: jsonBody(ZBodyInput) },
      responses: { 200: jsonResponse(ZDone, 'saved') },
    }),
    async (c) => {
      await updateBody(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ ok: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/members',
      tags,
      summary: '構成員を加える（職員、または外部の方）',
      request: { params: ZIdParam, body: jsonBody(ZMemberInput) },
      responses: { 201: jsonResponse(ZBody.shape.members.element, 'added') },
    }),
    async (c) =>
      c.json(
        await addMember(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/members/bulk',
      tags,
      summary: '外部の構成員をまとめて加える（氏名・所属・役職の一覧）',
      request: { params: ZIdParam, body: jsonBody(ZMembersBulk) },
      responses: {
        200: jsonResponse(
          z.object({ added: z.array(ZBody.shape.members.element), skipped: z.array(z.string()) }),
          'added',
        ),
      },
    }),
    async (c) =>
      c.json(
        await addMembersInBulk(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/members/{childId}',
      tags,
      summary: '構成員の守秘義務の説明日・退任日',
      request: { params: ZChildParam, body: jsonBody(ZMemberUpdate) },
      responses: { 200: jsonResponse(ZDone, 'saved') },
    }),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      await updateMember(c.get('deps').db, requestContext(c), id, childId, c.req.valid('json'));
      return c.json({ ok: true }, 200);
    },
  );
