import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  createPlan,
  createPlanItem,
  deletePlanItem,
  getPlan,
  savePlanYear,
  setPlanItemIssues,
  updatePlan,
  updatePlanItem,
} from './plan.service';
import {
  ZPlanInput,
  ZPlanIssues,
  ZPlanItemInput,
  ZPlanItemUpdate,
  ZPlanUpdate,
  ZPlanView,
  ZPlanYearInput,
  ZPlanYearParams,
} from './program.schemas';

const route = routesOf(['事業管理：年度計画']);

export const planRoutes = createRouter()
  .openapi(route('get', '/', '年度計画（取組×年度）', {}, ZPlanView), async (c) =>
    c.json(await getPlan(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route('post', '/', '年度計画を作る（名前と期間）', { body: jsonBody(ZPlanInput) }, ZPlanView),
    async (c) => c.json(await createPlan(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      '年度計画の名前・期間を変更する',
      { params: ZIdParam, body: jsonBody(ZPlanUpdate) },
      ZPlanView,
    ),
    async (c) =>
      c.json(
        await updatePlan(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route('post', '/items', '取組を追加する', { body: jsonBody(ZPlanItemInput) }, ZPlanView),
    async (c) => c.json(await createPlanItem(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'patch',
      '/items/{id}',
      '取組を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZPlanItemUpdate) },
      ZPlanView,
    ),
    async (c) =>
      c.json(
        await updatePlanItem(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    route(
      'delete',
      '/items/{id}',
      '取組を削除する（年度ごとの記入も消えます）',
      { params: ZIdParam },
      ZPlanView,
    ),
    async (c) =>
      c.json(await deletePlanItem(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'put',
      '/items/{id}/years/{fiscalYear}',
      '取組のある年度の計画・進捗・評価を保存する',
      { params: ZPlanYearParams, body: jsonBody(ZPlanYearInput) },
      ZPlanView,
    ),
    async (c) => {
      const { id, fiscalYear } = c.req.valid('param');
      return c.json(
        await savePlanYear(c.get('deps').db, requestContext(c), id, fiscalYear, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    route(
      'put',
      '/items/{id}/issues',
      '取組の進み具合を示す地域課題を結びつける',
      { params: ZIdParam, body: jsonBody(ZPlanIssues) },
      ZPlanView,
    ),
    async (c) =>
      c.json(
        await setPlanItemIssues(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').issueIds,
        ),
        200,
      ),
  );
