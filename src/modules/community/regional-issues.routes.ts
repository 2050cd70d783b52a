import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  ZIssueCaseParams,
  ZIssueFilter,
  ZIssueList,
  ZLinkCase,
  ZMoveIssue,
  ZRaiseIssue,
  ZRegionalIssue,
  ZUpdateIssue,
} from './regional-issues.schemas';
import {
  getIssue,
  linkCase,
  moveIssue,
  raiseIssue,
  unlinkCase,
  updateIssue,
} from './regional-issues.service';
import { listIssues } from './regional-issues-list';

const route = routesOf(['地域づくり：地域課題']);

export const regionalIssueRoutes = createRouter()
  .openapi(route('get', '/', '地域課題の一覧', { query: ZIssueFilter }, ZIssueList), async (c) =>
    c.json(await listIssues(c.get('deps').db, requestContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    route('post', '/', '地域課題を提起する', { body: jsonBody(ZRaiseIssue) }, ZRegionalIssue),
    async (c) => c.json(await raiseIssue(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route(
      'get',
      '/{id}',
      '地域課題（根拠の件数は個人が特定されない形で）',
      { params: ZIdParam },
      ZRegionalIssue,
    ),
    async (c) => c.json(await getIssue(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      '地域課題の変更',
      { params: ZIdParam, body: jsonBody(ZUpdateIssue) },
      ZRegionalIssue,
    ),
    async (c) =>
      c.json(
        await updateIssue(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/{id}/moves',
      '地域課題の状況を進める',
      { params: ZIdParam, body: jsonBody(ZMoveIssue) },
      ZRegionalIssue,
    ),
    async (c) =>
      c.json(
        await moveIssue(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/{id}/cases',
      '事例を地域課題に結びつける',
      { params: ZIdParam, body: jsonBody(ZLinkCase) },
      ZRegionalIssue,
    ),
    async (c) =>
      c.json(
        await linkCase(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').caseId,
        ),
        200,
      ),
  )
  .openapi(
    route(
      'delete',
      '/{id}/cases/{caseId}',
      '事例と地域課題の結びつきを外す',
      { params: ZIssueCaseParams },
      ZRegionalIssue,
    ),
    async (c) => {
      const { id, caseId } = c.req.valid('param');
      return c.json(await unlinkCase(c.get('deps').db, requestContext(c), id, caseId), 200);
    },
  );
