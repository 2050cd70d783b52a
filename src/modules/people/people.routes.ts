import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { createRouter, jsonBody, jsonResponse, requestContext } from '../../server/router';
import { ZId, ZIdParam } from '../../shared/schema-helpers';
import type { ActorContext } from '../audit/audit.service';
import { ZConsentList } from '../consent/consent.schemas';
import { listConsents } from '../consent/consent.service';
import { householdRefsFor } from '../households/households.service';
import {
  ZDuplicateQuery,
  ZDuplicateResponse,
  ZMerge,
  ZMergeRequest,
  ZPerson,
  ZPersonInput,
  ZPersonList,
  ZPersonSearch,
  ZPersonUpdate,
} from './people.schemas';
import { createPerson, findDuplicates, getPerson, searchPeople, updatePerson } from './people.service';
import { activeMerges, mergePeople, undoMerge } from './people-merge.service';

const tags = ['本人'];

export const peopleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '本人の検索（氏名・フリガナ・生年月日・電話・住所）',
      request: { query: ZPersonSearch },
      responses: { 200: jsonResponse(ZPersonList, 'people the user may see') },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const context = requestContext(c);
      const people = await searchPeople(db, context, c.req.valid('query'));
      const [householdsOf, merges] = await Promise.all([
        householdNamer(db, context, people, 'person.search'),
        activeMerges(
          db,
          people.map((p) => p.id),
        ),
      ]);
      return c.json(
        {
          people: people.map((person) => ({
            ...person,
            households: householdsOf(person),
            mergeIds: merges.get(person.id) ?? [],
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '本人の登録',
      request: { body: jsonBody(ZPersonInput) },
      responses: { 201: jsonResponse(ZPerson, 'created') },
    }),
    async (c) => c.json(await createPerson(c.get('deps').db, requestContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/duplicates',
      tags,
      summary: '登録前の重複候補（名寄せ）',
      request: { body: jsonBody(ZDuplicateQuery) },
      responses: { 200: jsonResponse(ZDuplicateResponse, 'likely duplicates') },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const context = requestContext(c);
      const found = await findDuplicates(db, context, c.req.valid('json'));
      const people = found.candidates.map((candidate) => candidate.person);
      const householdsOf = await householdNamer(db, context, people, 'person.duplicate_check');
      const candidates = found.candidates.map((c) => ({ ...c, households: householdsOf(c.person) }));
      return c.json({ ...found, candidates }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: '本人の記録',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZPerson, 'the person') },
    }),
    async (c) => c.json(await getPerson(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: '本人の記録の更新',
      request: { params: ZIdParam, body: jsonBody(ZPersonUpdate) },
      responses: { 200: jsonResponse(ZPerson, 'updated') },
    }),
    async (c) =>
      c.json(
        await updatePerson(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/consents',
      tags: ['同意'],
      summary: '本人の同意の記録',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZConsentList, 'consents') },
    }),
    async (c) =>
      c.json(
        { consents: await listConsents(c.get('deps').db, requestContext(c), c.req.valid('param').id) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/merge',
      tags,
      summary: '名寄せ：別の記録をこの本人に統合',
      request: { params: ZIdParam, body: jsonBody(ZMergeRequest) },
      responses: { 200: jsonResponse(ZMerge, 'merged') },
    }),
    async (c) =>
      c.json(
        await mergePeople(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').mergedPersonId,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/merges/{mergeId}/undo',
      tags,
      summary: '名寄せの取消',
      request: { params: z.object({ mergeId: ZId }) },
      responses: { 200: jsonResponse(ZMerge, 'undone') },
    }),
    async (c) =>
      c.json(await undoMerge(c.get('deps').db, requestContext(c), c.req.valid('param').mergeId), 200),
  );

/** The households the user may see of each person of a list (read once for the list, audited). */
async function householdNamer(
  db: Database,
  context: ActorContext,
  people: { id: string }[],
  via: 'person.search' | 'person.duplicate_check',
) {
  const refs = await householdRefsFor(
    db,
    context,
    people.map((p) => p.id),
    via,
  );
  return (person: { id: string }) =>
    refs.filter((r) => r.personId === person.id).map(({ id, name }) => ({ id, name }));
}
