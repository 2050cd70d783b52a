import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZIdParam } from '../../shared/schema-helpers';
import {
  ZCreateOrganisationRequest,
  ZOrganisation,
  ZOrganisationList,
  ZUpdateOrganisationRequest,
} from './organisations.schemas';
import {
  createOrganisation,
  listOrganisations,
  listWorkers,
  updateOrganisation,
} from './organisations.service';

const ZWorkers = z.object({ workers: z.array(z.object({ userId: z.string(), displayName: z.string() })) });

const tags = ['機関'];

export const organisationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/workers',
      tags,
      summary: '機関の職員（担当者を選ぶため、氏名のみ）',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZWorkers, 'workers') },
    }),
    async (c) => {
      const { actor } = requestContext(c);
      const workers = await listWorkers(c.get('deps').db, actor, c.req.valid('param').id);
      return c.json({ workers }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '機関の一覧',
      responses: { 200: jsonResponse(ZOrganisationList, 'organisations of the municipality') },
    }),
    async (c) => {
      const { actor } = requestContext(c);
      return c.json({ organisations: await listOrganisations(c.get('deps').db, actor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '機関の登録（管理者）・外部の関係機関の登録（管理者・コーディネーター）',
      request: { body: jsonBody(ZCreateOrganisationRequest) },
      responses: { 201: jsonResponse(ZOrganisation, 'created') },
    }),
    async (c) => {
      const created = await createOrganisation(c.get('deps').db, requestContext(c), c.req.valid('json'));
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: '機関の変更・停止（外部の関係機関はコーディネーターも）',
      request: { params: ZIdParam, body: jsonBody(ZUpdateOrganisationRequest) },
      responses: { 200: jsonResponse(ZOrganisation, 'updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const updated = await updateOrganisation(c.get('deps').db, requestContext(c), id, c.req.valid('json'));
      return c.json(updated, 200);
    },
  );
