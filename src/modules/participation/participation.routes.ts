import { z } from '@hono/zod-openapi';
import { createRouter, jsonBody, requestContext, routesOf } from '../../server/router';
import { ZId, ZIdParam } from '../../shared/schema-helpers';
import { listMatches } from './matches.service';
import {
  ZAnswerNeeds,
  ZCloseSupport,
  ZFollowUpContact,
  ZMatchList,
  ZMove,
  ZNeedsUpdate,
  ZOpenSupport,
  ZParticipationCounts,
  ZParticipationIdParams,
  ZParticipationQueue,
  ZParticipationStaff,
  ZPropose,
  ZReschedule,
  ZSupport,
  ZSupportFilter,
  ZSupportList,
  ZUnmetNeedInput,
  ZUnmetSummary,
} from './participation.schemas';
import { participationCounts } from './participation-counts.service';
import { participationWorkQueue } from './participation-queue.service';
import { participationStaff } from './participation-staff';
import { movePlacement, proposePlacement, recordFollowUp, rescheduleFollowUp } from './placements.service';
import { closeSupport, getSupport, listSupports, openSupport, updateNeeds } from './supports.service';
import { addUnmetNeed, answerNeeds, unmetSummary } from './unmet-needs.service';

const tags = ['参加支援'];
const ZCountsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
const ZPlacementParams = z.object({ id: ZId });
const ZMatchQuery = z.object({ show: z.coerce.number().int().min(1).max(500).default(30) });

const route = routesOf(tags);

export const participationRoutes = createRouter()
  .openapi(
    route('get', '/', '参加支援の一覧（担当・本人・事例ごと）', { query: ZSupportFilter }, ZSupportList),
    async (c) => c.json(await listSupports(c.get('deps').db, requestContext(c), c.req.valid('query')), 200),
  )
  .openapi(route('post', '/', '参加支援を始める', { body: jsonBody(ZOpenSupport) }, ZSupport), async (c) =>
    c.json(await openSupport(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    route('get', '/staff', '参加支援担当の職員（担当にできる人）', {}, ZParticipationStaff),
    async (c) => c.json(await participationStaff(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route('get', '/work-queue', '定着支援の連絡予定（自分の担当）', {}, ZParticipationQueue),
    async (c) => c.json(await participationWorkQueue(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route(
      'get',
      '/counts',
      '参加支援の件数（事業担当課向け、個人は特定されない）',
      { query: ZCountsQuery },
      ZParticipationCounts,
    ),
    async (c) =>
      c.json(
        await participationCounts(c.get('deps').db, requestContext(c), c.req.valid('query').fiscalYear),
        200,
      ),
  )
  .openapi(
    route('get', '/unmet-needs', '合う資源がなかった希望（種類・地区ごとの件数）', {}, ZUnmetSummary),
    async (c) => c.json(await unmetSummary(c.get('deps').db, requestContext(c)), 200),
  )
  .openapi(
    route(
      'post',
      '/unmet-needs/answer',
      '新しい資源で希望に応えた（資源と結びつける）',
      { body: jsonBody(ZAnswerNeeds) },
      ZUnmetSummary,
    ),
    async (c) => c.json(await answerNeeds(c.get('deps').db, requestContext(c), c.req.valid('json')), 200),
  )
  .openapi(route('get', '/{id}', '参加支援', { params: ZIdParam }, ZSupport), async (c) =>
    c.json(await getSupport(c.get('deps').db, requestContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route(
      'patch',
      '/{id}',
      '希望・条件を変更する（送った項目だけ）',
      { params: ZIdParam, body: jsonBody(ZNeedsUpdate) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await updateNeeds(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/{id}/close',
      '参加支援を終了する',
      { params: ZIdParam, body: jsonBody(ZCloseSupport) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await closeSupport(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route(
      'get',
      '/{id}/matches',
      '参加先の候補（理由つき）',
      { params: ZIdParam, query: ZMatchQuery },
      ZMatchList,
    ),
    async (c) =>
      c.json(
        await listMatches(
          c.get('deps').db,
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('query').show,
        ),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/{id}/placements',
      '参加先を提案する',
      { params: ZIdParam, body: jsonBody(ZPropose) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await proposePlacement(
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
      '/{id}/unmet-needs',
      '合う資源がなかった希望を記録する',
      { params: ZIdParam, body: jsonBody(ZUnmetNeedInput) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await addUnmetNeed(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    route(
      'post',
      '/placements/{id}/stage',
      '見学・体験・参加開始・終了・中断を記録する',
      { params: ZPlacementParams, body: jsonBody(ZMove) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await movePlacement(
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
      '/placements/{id}/follow-ups',
      '定着支援の連絡を記録する',
      { params: ZPlacementParams, body: jsonBody(ZFollowUpContact) },
      ZSupport,
    ),
    async (c) =>
      c.json(
        await recordFollowUp(
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
      'put',
      '/placements/{id}/follow-ups/{followUpId}',
      '定着支援の予定日を変える',
      { params: ZParticipationIdParams, body: jsonBody(ZReschedule) },
      ZSupport,
    ),
    async (c) => {
      const { id, followUpId } = c.req.valid('param');
      return c.json(
        await rescheduleFollowUp(
          c.get('deps').db,
          requestContext(c),
          id,
          followUpId,
          c.req.valid('json').dueOn,
        ),
        200,
      );
    },
  );
