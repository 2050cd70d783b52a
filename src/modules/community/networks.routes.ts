import { createRoute, type z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  addEvent,
  addMember,
  addSubgroup,
  changeEvent,
  changeMember,
  linkBody,
  removeEvent,
  removeMember,
  removeSubgroup,
  renameSubgroup,
  unlinkBody,
} from './network-parts.service';
import {
  ZBodyLinkInput,
  ZChildParam,
  ZEventInput,
  ZFiscalYearQuery,
  ZMemberChange,
  ZMemberInput,
  ZNetwork,
  ZNetworkInput,
  ZNetworkList,
  ZNetworkUpdate,
  ZSubgroupInput,
} from './networks.schemas';
import { createNetwork, getNetwork, listNetworks, updateNetwork } from './networks.service';

const tags = ['地域づくり：ネットワーク'];
const route = routesOf(tags);

/** A removal of a part of the network (only the path); answers with the network. */
const removal = (path: string, summary: string) =>
  createRoute({
    method: 'delete',
    path,
    tags,
    summary,
    request: { params: ZChildParam },
    responses: { 200: jsonResponse(ZNetwork, 'the network after the change') },
  });

/** A part added to the network. */
const partAdd = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  route('post', path, summary, { params: ZIdParam, body: jsonBody(body) }, ZNetwork);

/** A part of the network, named by the path, changed. */
const partEdit = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  route('put', path, summary, { params: ZChildParam, body: jsonBody(body) }, ZNetwork);

export const networkRoutes = createRouter()
  .openapi(
    route('get', '/', 'ネットワークの一覧（年度の開催数つき）', { query: ZFiscalYearQuery }, ZNetworkList),
    async (c) =>
      c.json(await listNetworks(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear), 200),
  )
  .openapi(
    route('post', '/', 'ネットワークを登録する', { body: jsonBody(ZNetworkInput) }, ZNetwork),
    async (c) => c.json(await createNetwork(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'get',
      '/{id}',
      'ネットワーク（部会・会員・会議・イベント）',
      { params: ZIdParam, query: ZFiscalYearQuery },
      ZNetwork,
    ),
    async (c) =>
      c.json(
        await getNetwork(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('query').fiscalYear,
        ),
        200,
      ),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      'ネットワークの名称・説明を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZNetworkUpdate) },
      ZNetwork,
    ),
    async (c) =>
      c.json(
        await updateNetwork(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(partAdd('/{id}/subgroups', '部会を加える', ZSubgroupInput), async (c) =>
    c.json(
      await addSubgroup(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(partEdit('/{id}/subgroups/{childId}', '部会の名前を変える', ZSubgroupInput), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(
      await renameSubgroup(c.get('deps').db, requestContext(c), id, childId, c.req.valid('json')),
      200,
    );
  })
  .openapi(removal('/{id}/subgroups/{childId}', '部会を削除する（使われていないときだけ）'), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await removeSubgroup(c.get('deps').db, requestContext(c), id, childId), 200);
  })
  .openapi(partAdd('/{id}/members', '会員（運営団体）を加える', ZMemberInput), async (c) =>
    c.json(
      await addMember(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(
    partEdit('/{id}/members/{childId}', '会員の部会・参加した日を変える', ZMemberChange),
    async (c) => {
      const { id, childId } = c.req.valid('param');
      return c.json(
        await changeMember(c.get('deps').db, requestContext(c), id, childId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(removal('/{id}/members/{childId}', '会員を外す'), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await removeMember(c.get('deps').db, requestContext(c), id, childId), 200);
  })
  .openapi(partAdd('/{id}/bodies', '会議体を結びつける（議題は話題のみ表示）', ZBodyLinkInput), async (c) =>
    c.json(
      await linkBody(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(removal('/{id}/bodies/{childId}', '会議体の結びつきを外す'), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await unlinkBody(c.get('deps').db, requestContext(c), id, childId), 200);
  })
  .openapi(partAdd('/{id}/events', 'イベント・活動を記録する', ZEventInput), async (c) =>
    c.json(
      await addEvent(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(partEdit('/{id}/events/{childId}', 'イベント・活動を直す', ZEventInput), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(
      await changeEvent(c.get('deps').db, requestContext(c), id, childId, c.req.valid('json')),
      200,
    );
  })
  .openapi(removal('/{id}/events/{childId}', 'イベント・活動の記録を削除する'), async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await removeEvent(c.get('deps').db, requestContext(c), id, childId), 200);
  });
