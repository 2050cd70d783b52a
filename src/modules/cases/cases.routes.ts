import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Database } from '../../db/client';
import type { AppEnv } from '../../server/env';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import type { ActorContext } from '../audit/audit.service';
import { ZAssessmentInput } from './case-content';
import {
  createAssessment,
  createEvaluation,
  createPlan,
  listAssessments,
  listPlans,
  recordPlanConsent,
} from './case-documents.service';
import { getCase } from './case-page.service';
import { completeAction, createRecord } from './case-records.service';
import { recordScreening, transitionCase } from './case-steps.service';
import { addTeamMember, changeLead, leaveTeam } from './case-team.service';
import {
  ZActionKeyParam,
  ZAssessmentList,
  ZCase,
  ZCaseCounts,
  ZCaseList,
  ZCaseListQuery,
  ZCaseTransition,
  ZEvaluationInput,
  ZLeadInput,
  ZLeaveTeam,
  ZMemberParam,
  ZOpenCase,
  ZPlanConsent,
  ZPlanInput,
  ZPlanList,
  ZPlanParam,
  ZRecordInput,
  ZScreeningInput,
  ZTeamMemberInput,
  ZWorkQueue,
} from './cases.schemas';
import { caseCounts, listCases, openCase } from './cases.service';
import { caseWorkQueue } from './work-queue.service';

const tags = ['多機関協働'];

/** Runs a step on the case, then answers with the case page as it now stands. */
async function stepThenCase(
  c: Context<AppEnv>,
  id: string,
  run: (db: Database, context: ActorContext) => Promise<unknown>,
) {
  const { db } = c.get('deps');
  await run(db, requestContext(c));
  return c.json(await getCase(db, requestContext(c), id), 200);
}
const ZOpened = z.object({ id: z.string() });

/** A step on one case: runs it, then answers with the case page as it now stands. */
const caseStep = <S extends z.ZodType, P extends z.ZodObject = typeof ZIdParam>(
  path: string,
  summary: string,
  body: S,
  params: P = ZIdParam as unknown as P,
) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params, body: jsonBody(body) },
    responses: { 200: jsonResponse(ZCase, 'the case after the step') },
  });

export const caseRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '見られる事例の一覧（チームの機関・コーディネーター）',
      request: { query: ZCaseListQuery },
      responses: { 200: jsonResponse(ZCaseList, 'cases') },
    }),
    async (c) =>
      c.json({ cases: await listCases(c.get('deps').db, requestContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '多機関協働事例を開く（つなぎから、またはコーディネーターが）',
      request: { body: jsonBody(ZOpenCase) },
      responses: { 201: jsonResponse(ZOpened, 'opened') },
    }),
    async (c) => c.json(await openCase(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/work-queue',
      tags,
      summary: '対応が必要な事例（モニタリング時期・期限を過ぎた支援内容・記録のない事例・つながり継続）',
      responses: { 200: jsonResponse(ZWorkQueue, 'items') },
    }),
    async (c) => c.json(await caseWorkQueue(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/counts',
      tags,
      summary: '段階別の件数（事業担当課向け、個人は特定されない）',
      responses: { 200: jsonResponse(ZCaseCounts, 'counts') },
    }),
    async (c) => c.json(await caseCounts(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: '事例のページ（世帯・チーム・アセスメント・プラン・経過）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZCase, 'the case') },
    }),
    async (c) => c.json(await getCase(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assessments',
      tags,
      summary: 'アセスメントシートの全版（前の版との違いつき）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZAssessmentList, 'versions') },
    }),
    async (c) =>
      c.json(
        { versions: await listAssessments(c.get('deps').db, requestContext(c), c.req.valid('param').id) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/plans',
      tags,
      summary: '支援プランの全版（前の版との違いつき）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZPlanList, 'versions') },
    }),
    async (c) =>
      c.json(
        { versions: await listPlans(c.get('deps').db, requestContext(c), c.req.valid('param').id) },
        200,
      ),
  )
  .openapi(
    caseStep('/{id}/transitions', '段階の変更（決定の記録が要る段階あり）', ZCaseTransition),
    async (c) => {
      const id = c.req.valid('param').id;
      return stepThenCase(c, id, (db, context) => transitionCase(db, context, id, c.req.valid('json')));
    },
  )
  .openapi(caseStep('/{id}/screening', 'スクリーニングの判断と理由', ZScreeningInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => recordScreening(db, context, id, c.req.valid('json')));
  })
  .openapi(caseStep('/{id}/team', 'チームに機関を加える', ZTeamMemberInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => addTeamMember(db, context, id, c.req.valid('json')));
  })
  .openapi(
    caseStep('/{id}/team/{memberId}/leave', 'チームから機関が外れる', ZLeaveTeam, ZMemberParam),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return stepThenCase(c, id, (db, context) =>
        leaveTeam(db, context, id, memberId, c.req.valid('json').note),
      );
    },
  )
  .openapi(caseStep('/{id}/lead', '主担当の機関・職員を決める', ZLeadInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => changeLead(db, context, id, c.req.valid('json')));
  })
  .openapi(caseStep('/{id}/assessments', 'アセスメントシートの新しい版', ZAssessmentInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => createAssessment(db, context, id, c.req.valid('json')));
  })
  .openapi(caseStep('/{id}/plans', '支援プランの新しい版', ZPlanInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => createPlan(db, context, id, c.req.valid('json')));
  })
  .openapi(
    caseStep('/{id}/plans/{planId}/consent', 'プランへの本人・世帯の同意', ZPlanConsent, ZPlanParam),
    async (c) => {
      const { id, planId } = c.req.valid('param');
      return stepThenCase(c, id, (db, context) =>
        recordPlanConsent(db, context, id, planId, c.req.valid('json')),
      );
    },
  )
  .openapi(caseStep('/{id}/records', '支援経過の記録', ZRecordInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => createRecord(db, context, id, c.req.valid('json')));
  })
  .openapi(caseStep('/{id}/evaluations', '評価（目標ごと・総合・次の方針）', ZEvaluationInput), async (c) => {
    const id = c.req.valid('param').id;
    return stepThenCase(c, id, (db, context) => createEvaluation(db, context, id, c.req.valid('json')));
  })
  .openapi(
    caseStep('/{id}/actions/{key}/complete', '支援内容を完了にする', z.object({}), ZActionKeyParam),
    async (c) => {
      const { id, key } = c.req.valid('param');
      return stepThenCase(c, id, (db, context) => completeAction(db, context, id, key));
    },
  );
