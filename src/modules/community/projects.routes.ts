import { z } from '@hono/zod-openapi';
import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { ZId, ZIdParam } from '../../shared/schema-helpers';
import {
  ZCreateProject,
  ZProject,
  ZProjectActivityInput,
  ZProjectList,
  ZProjectMemberInput,
  ZProjectResourceInput,
  ZProjectSubParams,
  ZUpdateProject,
} from './projects.schemas';
import {
  addProjectActivity,
  addProjectMember,
  createProject,
  getProject,
  linkProjectIssue,
  linkProjectResource,
  listProjects,
  removeProjectActivity,
  removeProjectMember,
  unlinkProjectResource,
  updateProject,
} from './projects.service';

const route = routesOf(['地域づくり：プロジェクト']);
const ZIssueLink = z.strictObject({ issueId: ZId });

export const projectRoutes = createRouter()
  .openapi(route('get', '/', 'プロジェクトの一覧', {}, ZProjectList), async (c) =>
    c.json(await listProjects(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route('post', '/', '地域課題からプロジェクトを立ち上げる', { body: jsonBody(ZCreateProject) }, ZProject),
    async (c) => c.json(await createProject(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(route('get', '/{id}', 'プロジェクト', { params: ZIdParam }, ZProject), async (c) =>
    c.json(await getProject(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      'プロジェクトの変更',
      { params: ZIdParam, body: jsonBody(ZUpdateProject) },
      ZProject,
    ),
    async (c) =>
      c.json(
        await updateProject(
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
      '/{id}/members',
      '構成団体を加える',
      { params: ZIdParam, body: jsonBody(ZProjectMemberInput) },
      ZProject,
    ),
    async (c) => {
      const { operatorId, role } = c.req.valid('json');
      return c.json(
        await addProjectMember(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          operatorId,
          role,
        ),
        200,
      );
    },
  )
  .openapi(
    route('delete', '/{id}/members/{subId}', '構成団体から外す', { params: ZProjectSubParams }, ZProject),
    async (c) => {
      const { id, subId } = c.req.valid('param');
      return c.json(await removeProjectMember(c.get('deps').db, requestContext(c), id, subId), 200);
    },
  )
  .openapi(
    route(
      'post',
      '/{id}/activities',
      '活動・会議を記録する',
      { params: ZIdParam, body: jsonBody(ZProjectActivityInput) },
      ZProject,
    ),
    async (c) =>
      c.json(
        await addProjectActivity(
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
      '/{id}/activities/{subId}',
      '活動・会議の記録を削除する',
      { params: ZProjectSubParams },
      ZProject,
    ),
    async (c) => {
      const { id, subId } = c.req.valid('param');
      return c.json(await removeProjectActivity(c.get('deps').db, requestContext(c), id, subId), 200);
    },
  )
  .openapi(
    route(
      'post',
      '/{id}/resources',
      '生まれた社会資源を結びつける（資源創出）',
      { params: ZIdParam, body: jsonBody(ZProjectResourceInput) },
      ZProject,
    ),
    async (c) => {
      const { resourceId } = c.req.valid('json');
      return c.json(
        await linkProjectResource(c.get('deps').db, requestContext(c), c.req.valid('param').id, resourceId),
        200,
      );
    },
  )
  .openapi(
    route(
      'delete',
      '/{id}/resources/{subId}',
      '社会資源との結びつきを外す',
      { params: ZProjectSubParams },
      ZProject,
    ),
    async (c) => {
      const { id, subId } = c.req.valid('param');
      return c.json(await unlinkProjectResource(c.get('deps').db, requestContext(c), id, subId), 200);
    },
  )
  .openapi(
    route(
      'post',
      '/{id}/issues',
      '地域課題を加える',
      { params: ZIdParam, body: jsonBody(ZIssueLink) },
      ZProject,
    ),
    async (c) =>
      c.json(
        await linkProjectIssue(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').issueId,
        ),
        200,
      ),
  );
