import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  ZCreateUserRequest,
  ZMembershipInput,
  ZMembershipParams,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserList,
} from './users.schemas';
import {
  addMembership,
  createUser,
  listUsers,
  removeMembership,
  resetPassword,
  updateUser,
} from './users.service';

const tags = ['利用者（職員）'];

export const userRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '利用者の一覧（管理者）',
      responses: { 200: jsonResponse(ZUserList, 'users of the municipality') },
    }),
    async (c) => c.json({ users: await listUsers(c.get('deps').db, requestContext(c).actor) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '利用者の登録（管理者）',
      request: { body: jsonBody(ZCreateUserRequest) },
      responses: { 201: jsonResponse(ZUser, 'created') },
    }),
    async (c) => c.json(await createUser(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: '利用者の変更・停止（管理者）',
      request: { params: ZIdParam, body: jsonBody(ZUpdateUserRequest) },
      responses: { 200: jsonResponse(ZUser, 'updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await updateUser(c.get('deps').db, requestContext(c), id, c.req.valid('json'));
      return c.json(user, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/password',
      tags,
      summary: 'パスワードの再設定（管理者）',
      request: { params: ZIdParam, body: jsonBody(ZResetPasswordRequest) },
      responses: {
        200: jsonResponse(z.object({ ok: z.literal(true) }), 'password replaced; sessions ended'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await resetPassword(c.get('deps').db, requestContext(c), id, c.req.valid('json').password);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/memberships',
      tags,
      summary: '所属の追加（管理者）',
      request: { params: ZIdParam, body: jsonBody(ZMembershipInput) },
      responses: { 201: jsonResponse(ZUser, 'membership added') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await addMembership(c.get('deps').db, requestContext(c), id, c.req.valid('json'));
      return c.json(user, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/memberships/{membershipId}',
      tags,
      summary: '所属の削除（管理者）',
      request: { params: ZMembershipParams },
      responses: { 200: jsonResponse(ZUser, 'membership removed') },
    }),
    async (c) => {
      const { id, membershipId } = c.req.valid('param');
      const user = await removeMembership(c.get('deps').db, requestContext(c), id, membershipId);
      return c.json(user, 200);
    },
  );
