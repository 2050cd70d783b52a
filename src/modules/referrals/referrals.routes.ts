import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  ZReferral,
  ZReferralBox,
  ZReferralInput,
  ZReferralList,
  ZReferralTransition,
} from './referrals.schemas';
import { createReferral, getReferral, listReferrals, transitionReferral } from './referrals.service';

const tags = ['つなぎ'];

export const referralRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '受け取ったつなぎ（inbox）・送ったつなぎ（sent）',
      request: { query: ZReferralBox },
      responses: { 200: jsonResponse(ZReferralList, 'referrals') },
    }),
    async (c) =>
      c.json(
        { referrals: await listReferrals(c.get('deps').db, requestContext(c), c.req.valid('query').box) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'つなぎの作成（共通つなぎ票）',
      request: { body: jsonBody(ZReferralInput) },
      responses: { 201: jsonResponse(ZReferral, 'created') },
    }),
    async (c) => c.json(await createReferral(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'つなぎの記録と経過',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZReferral, 'the referral') },
    }),
    async (c) => c.json(await getReferral(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transitions',
      tags,
      summary: 'つなぎの状態変更（依頼・受理・辞退・取消・対応中・完了・不調）',
      request: { params: ZIdParam, body: jsonBody(ZReferralTransition) },
      responses: { 200: jsonResponse(ZReferral, 'changed') },
    }),
    async (c) =>
      c.json(
        await transitionReferral(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
