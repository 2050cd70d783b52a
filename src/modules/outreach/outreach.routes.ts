import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZId, ZIdParam } from '../../shared/schema-helpers';
import {
  ZActivityInput,
  ZHistory,
  ZMyReports,
  ZOutreachCounts,
  ZOutreachQueue,
  ZPartnerInput,
  ZPartnerList,
  ZRecord,
  ZRecordFilter,
  ZRecordList,
  ZRecordUpdate,
  ZReportInput,
  ZStageInput,
} from './outreach.schemas';
import { outreachCounts } from './outreach-counts.service';
import { outreachWorkQueue } from './outreach-queue.service';
import { listPartners, savePartner } from './partners.service';
import {
  fileReport,
  getRecord,
  listRecords,
  myReports,
  outreachStaff,
  updateRecord,
} from './records.service';
import { addActivity, changeStage, historyForHousehold } from './relationship.service';

const tags = ['アウトリーチ'];
const ZFiled = z.object({ reportId: z.string(), recordId: z.string().nullable() });
const ZCountsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
const ZStaff = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string() })),
});
const ZHistoryQuery = z.object({ householdId: ZId });

const get = <R extends { query?: z.ZodObject; params?: z.ZodObject }>(
  path: string,
  summary: string,
  schema: z.ZodType,
  request: R = {} as R,
) =>
  createRoute({
    method: 'get',
    path,
    tags,
    summary,
    request,
    responses: { 200: jsonResponse(schema, 'ok') },
  });
const change = <B extends z.ZodType>(
  method: 'post' | 'put' | 'patch',
  path: string,
  summary: string,
  body: B,
  schema: z.ZodType,
) =>
  createRoute({
    method,
    path,
    tags,
    summary,
    request: { params: ZIdParam, body: jsonBody(body) },
    responses: { 200: jsonResponse(schema, 'saved') },
  });

export const outreachRoutes = createRouter()
  .openapi(get('/partners', '見守り協定先の一覧', ZPartnerList), async (c) =>
    c.json(await listPartners(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/partners',
      tags,
      summary: '見守り協定先を登録する（アウトリーチの担当）',
      request: { body: jsonBody(ZPartnerInput) },
      responses: { 201: jsonResponse(ZPartnerList, 'created') },
    }),
    async (c) =>
      c.json(await savePartner(c.get('deps').db, requestContext(c), null, c.req.valid('json')), 201),
  )
  .openapi(
    change('put', '/partners/{id}', '見守り協定先を変更する', ZPartnerInput, ZPartnerList),
    async (c) =>
      c.json(
        await savePartner(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reports',
      tags,
      summary: '気になる人・世帯の報告を受ける（どの職員でも）',
      request: { body: jsonBody(ZReportInput) },
      responses: { 201: jsonResponse(ZFiled, 'filed') },
    }),
    async (c) => c.json(await fileReport(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(get('/my-reports', '自分が受けた報告の対応状況（内容は含まない）', ZMyReports), async (c) =>
    c.json(await myReports(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    get('/records', 'アウトリーチの記録の一覧（アウトリーチの担当）', ZRecordList, { query: ZRecordFilter }),
    async (c) =>
      c.json(await listRecords(c.get('deps').db, requestContext(c), c.req.valid('query').view), 200),
  )
  .openapi(get('/records/{id}', 'アウトリーチの記録', ZRecord, { params: ZIdParam }), async (c) =>
    c.json(await getRecord(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    change('patch', '/records/{id}', '呼び名・場所・危険の程度・担当を変える', ZRecordUpdate, ZRecord),
    async (c) =>
      c.json(
        await updateRecord(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    change(
      'post',
      '/records/{id}/activities',
      '接触・情報収集・ネットワークづくりを記録する',
      ZActivityInput,
      ZRecord,
    ),
    async (c) =>
      c.json(
        await addActivity(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    change('post', '/records/{id}/stage', '関係の段階を変える・終了する', ZStageInput, ZRecord),
    async (c) =>
      c.json(
        await changeStage(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    get('/history', '同意に至ったアウトリーチの経過（世帯を見られる職員）', ZHistory, {
      query: ZHistoryQuery,
    }),
    async (c) =>
      c.json(
        await historyForHousehold(c.get('deps').db, requestContext(c), c.req.valid('query').householdId),
        200,
      ),
  )
  .openapi(get('/staff', '担当にできる職員（アウトリーチ支援員・コーディネーター）', ZStaff), async (c) =>
    c.json(await outreachStaff(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(get('/work-queue', 'アウトリーチで対応が必要なこと', ZOutreachQueue), async (c) =>
    c.json(await outreachWorkQueue(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    get('/counts', 'アウトリーチの件数（事業担当課向け、個人は特定されない）', ZOutreachCounts, {
      query: ZCountsQuery,
    }),
    async (c) =>
      c.json(await outreachCounts(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear), 200),
  );
