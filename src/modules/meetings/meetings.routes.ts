import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Database } from '../../db/client';
import type { AppEnv } from '../../server/env';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import type { ActorContext } from '../audit/audit.service';
import { addActionItem, completeActionItem, myActionItems } from './action-items.service';
import { addItem, decide, removeItem, updateItem } from './agenda.service';
import { addAttendee, recordConfidentialityNotice, removeAttendee } from './attendees.service';
import { ZMeetingCounts } from './meeting-counts.schemas';
import { meetingCounts } from './meeting-counts.service';
import {
  ZActionItemInput,
  ZActionItemList,
  ZAttendeeInput,
  ZAttendeeUpdate,
  ZChildParam,
  ZHeldInput,
  ZItemDecisionInput,
  ZItemInput,
  ZItemParam,
  ZItemUpdate,
  ZOutreachPacket,
  ZPacket,
  ZPacketParam,
  ZSession,
  ZSessionInput,
  ZSessionList,
  ZSessionListQuery,
  ZSessionUpdate,
} from './meetings.schemas';
import { getOutreachPacket } from './outreach-packet.service';
import { getPacket } from './packet.service';
import {
  createSession,
  getSession,
  listSessions,
  markHeld,
  prepareSession,
  updateSession,
} from './sessions.service';

const tags = ['会議'];

/** A change to one session: runs it, then answers with the session as it now stands. */
const sessionStep = <S extends z.ZodType, P extends z.ZodObject = typeof ZIdParam>(
  method: 'post' | 'patch',
  path: string,
  summary: string,
  body: S,
  params: P = ZIdParam as unknown as P,
) =>
  createRoute({
    method,
    path,
    tags,
    summary,
    request: { params, body: jsonBody(body) },
    responses: { 200: jsonResponse(ZSession, 'the session after the change') },
  });

/** The same, for a change that needs nothing but the path. */
const sessionAction = <P extends z.ZodObject>(
  method: 'post' | 'delete',
  path: string,
  summary: string,
  params: P,
) =>
  createRoute({
    method,
    path,
    tags,
    summary,
    request: { params },
    responses: { 200: jsonResponse(ZSession, 'the session after the change') },
  });

async function stepThenSession(
  c: Context<AppEnv>,
  id: string,
  run: (db: Database, context: ActorContext) => Promise<unknown>,
) {
  const { db } = c.get('deps');
  await run(db, requestContext(c));
  return c.json(await getSession(db, requestContext(c), id), 200);
}

const ZCreated = z.object({ id: z.string() });
const ZCountsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });

export const meetingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      tags,
      summary: '会議の一覧（これから・開催済み）',
      request: { query: ZSessionListQuery },
      responses: { 200: jsonResponse(ZSessionList, 'sessions') },
    }),
    async (c) => c.json(await listSessions(c.get('deps').db, requestContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions',
      tags,
      summary: '会議を予定する（構成員が出席者になる）',
      request: { body: jsonBody(ZSessionInput) },
      responses: { 201: jsonResponse(ZCreated, 'created') },
    }),
    async (c) =>
      c.json({ id: await createSession(c.get('deps').db, requestContext(c), c.req.valid('json')) }, 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}',
      tags,
      summary: '会議（出席者・議題・決定・宿題）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZSession, 'the session') },
    }),
    async (c) => c.json(await getSession(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(sessionStep('patch', '/sessions/{id}', '日時・場所・会議録', ZSessionUpdate), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenSession(c, id, (db, ctx) => updateSession(db, ctx, id, c.req.valid('json')));
  })
  .openapi(
    sessionAction('post', '/sessions/{id}/prepare', '資料を配付する（資料の閲覧が始まる）', ZIdParam),
    async (c) => {
      const id = c.req.valid('param').id;
      return stepThenSession(c, id, (db, ctx) => prepareSession(db, ctx, id));
    },
  )
  .openapi(sessionStep('post', '/sessions/{id}/held', '開催したことを記録する', ZHeldInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenSession(c, id, (db, ctx) => markHeld(db, ctx, id, c.req.valid('json').heldOn));
  })
  .openapi(
    sessionStep('post', '/sessions/{id}/attendees', '出席者（構成員・ゲスト）を加える', ZAttendeeInput),
    async (c) => {
      const id = c.req.valid('param').id;
      return stepThenSession(c, id, (db, ctx) => addAttendee(db, ctx, id, c.req.valid('json')));
    },
  )
  .openapi(
    sessionStep(
      'patch',
      '/sessions/{id}/attendees/{childId}',
      '守秘義務を説明した日',
      ZAttendeeUpdate,
      ZChildParam,
    ),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return stepThenSession(c, id, (db, ctx) =>
        recordConfidentialityNotice(db, ctx, id, childId, c.req.valid('json').confidentialityNotifiedOn),
      );
    },
  )
  .openapi(
    sessionAction('delete', '/sessions/{id}/attendees/{childId}', '出席者を外す', ZChildParam),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return stepThenSession(c, id, (db, ctx) => removeAttendee(db, ctx, id, childId));
    },
  )
  .openapi(
    sessionStep('post', '/sessions/{id}/items', '議題を加える（事例は同意の確認あり）', ZItemInput),
    async (c) => {
      const id = c.req.valid('param').id;
      return stepThenSession(c, id, (db, ctx) => addItem(db, ctx, id, c.req.valid('json')));
    },
  )
  .openapi(
    sessionStep(
      'patch',
      '/sessions/{id}/items/{itemId}',
      '議題の記録・これから関わる機関',
      ZItemUpdate,
      ZItemParam,
    ),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return stepThenSession(c, id, (db, ctx) => updateItem(db, ctx, id, itemId, c.req.valid('json')));
    },
  )
  .openapi(
    sessionAction('delete', '/sessions/{id}/items/{itemId}', '議題から外す', ZItemParam),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return stepThenSession(c, id, (db, ctx) => removeItem(db, ctx, id, itemId));
    },
  )
  .openapi(
    sessionStep(
      'post',
      '/sessions/{id}/items/{itemId}/decisions',
      '決定を記録する（事例の段階が進むことあり）',
      ZItemDecisionInput,
      ZItemParam,
    ),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return stepThenSession(c, id, (db, ctx) => decide(db, ctx, id, itemId, c.req.valid('json')));
    },
  )
  .openapi(
    sessionStep('post', '/sessions/{id}/action-items', '宿題（担当・期限）を記録する', ZActionItemInput),
    async (c) => {
      const id = c.req.valid('param').id;
      return stepThenSession(c, id, (db, ctx) => addActionItem(db, ctx, id, c.req.valid('json')));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/packets/{caseId}',
      tags,
      summary: '議題の事例の会議資料（出席者、閲覧期間内のみ）',
      request: { params: ZPacketParam },
      responses: { 200: jsonResponse(ZPacket, 'the packet') },
    }),
    async (c) => {
      const { id, caseId } = c.req.valid('param');
      return c.json(await getPacket(c.get('deps').db, requestContext(c), id, caseId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/outreach/{childId}',
      tags,
      summary: '議題のアウトリーチの記録の会議資料（支援会議の出席者、閲覧期間内のみ）',
      request: { params: ZChildParam },
      responses: { 200: jsonResponse(ZOutreachPacket, 'the packet') },
    }),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(await getOutreachPacket(c.get('deps').db, requestContext(c), id, childId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/action-items',
      tags,
      summary: '自分の機関の未完了の宿題',
      responses: { 200: jsonResponse(ZActionItemList, 'items') },
    }),
    async (c) => c.json(await myActionItems(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/action-items/{id}/done',
      tags,
      summary: '宿題を完了にする',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), 'done') },
    }),
    async (c) => {
      await completeActionItem(c.get('deps').db, requestContext(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/counts',
      tags,
      summary: '会議体ごとの開催回数・検討事例数・決定の種類別件数（事業担当課向け）',
      request: { query: ZCountsQuery },
      responses: { 200: jsonResponse(ZMeetingCounts, 'counts') },
    }),
    async (c) =>
      c.json(await meetingCounts(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear), 200),
  );
