import { z } from '@hono/zod-openapi';
import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import { addSupportLog, listOperators, listSupportLog, saveOperator } from './operators.service';
import {
  ZOperatorInput,
  ZOperatorList,
  ZResource,
  ZResourceFilter,
  ZResourceInput,
  ZResourceList,
  ZResourceUpdate,
  ZSupportLogInput,
  ZSupportLogList,
  ZVerifyInput,
} from './resources.schemas';
import {
  createResource,
  getResource,
  listResources,
  updateResource,
  verifyResource,
} from './resources.service';

const tags = ['社会資源'];
const ZSavedOperators = ZOperatorList.extend({ savedId: z.string() });

const route = routesOf(tags);

export const resourceRoutes = createRouter()
  .openapi(
    route('get', '/', '社会資源の一覧（誰でも）', { query: ZResourceFilter }, ZResourceList),
    async (c) => c.json(await listResources(c.get('deps').db, requestContext(c), c.req.valid('query')), 200),
  )
  .openapi(route('get', '/operators', '運営団体の一覧', {}, ZOperatorList), async (c) =>
    c.json(await listOperators(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route('post', '/operators', '運営団体を登録する', { body: jsonBody(ZOperatorInput) }, ZSavedOperators),
    async (c) =>
      c.json(await saveOperator(c.get('deps').db, requestContext(c), null, c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'put',
      '/operators/{id}',
      '運営団体を変更する',
      { params: ZIdParam, body: jsonBody(ZOperatorInput) },
      ZSavedOperators,
    ),
    async (c) =>
      c.json(
        await saveOperator(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route('post', '/', '社会資源を登録する', { body: jsonBody(ZResourceInput) }, ZResource),
    async (c) => c.json(await createResource(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(route('get', '/{id}', '社会資源', { params: ZIdParam }, ZResource), async (c) =>
    c.json(await getResource(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      '社会資源を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZResourceUpdate) },
      ZResource,
    ),
    async (c) =>
      c.json(
        await updateResource(
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
      'post',
      '/{id}/verify',
      '情報を確認した（最終確認日）',
      { params: ZIdParam, body: jsonBody(ZVerifyInput) },
      ZResource,
    ),
    async (c) =>
      c.json(
        await verifyResource(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    route('get', '/{id}/support-log', '受け入れ先へのサポートの記録', { params: ZIdParam }, ZSupportLogList),
    async (c) =>
      c.json(await listSupportLog(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'post',
      '/{id}/support-log',
      '受け入れ先へのサポートを記録する',
      { params: ZIdParam, body: jsonBody(ZSupportLogInput) },
      ZSupportLogList,
    ),
    async (c) =>
      c.json(
        await addSupportLog(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
