import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  ZDeleted,
  ZTraining,
  ZTrainingFilter,
  ZTrainingInput,
  ZTrainingList,
  ZTrainingUpdate,
} from './trainings.schemas';
import {
  createTraining,
  deleteTraining,
  getTraining,
  listTrainings,
  updateTraining,
} from './trainings.service';

const tags = ['地域づくり：研修'];
const route = routesOf(tags);

export const trainingRoutes = createRouter()
  .openapi(
    route('get', '/', '研修の一覧と年度の集計（庁内・庁外）', { query: ZTrainingFilter }, ZTrainingList),
    async (c) => c.json(await listTrainings(c.get('deps').db, requestContext(c), c.req.valid('query')), 200),
  )
  .openapi(route('post', '/', '研修を記録する', { body: jsonBody(ZTrainingInput) }, ZTraining), async (c) =>
    c.json(await createTraining(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(route('get', '/{id}', '研修', { params: ZIdParam }, ZTraining), async (c) =>
    c.json(await getTraining(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      '研修の記録を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZTrainingUpdate) },
      ZTraining,
    ),
    async (c) =>
      c.json(
        await updateTraining(
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
      method: 'delete',
      path: '/{id}',
      tags,
      summary: '研修の記録を削除する',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZDeleted, 'deleted') },
    }),
    async (c) =>
      c.json(await deleteTraining(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  );
