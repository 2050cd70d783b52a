import { sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { forbidden } from '../../server/errors';
import type { Wish } from '../../shared/participation-vocabulary';
import { safeCount } from '../../shared/small-counts';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { UnmetNeedInput } from './participation.schemas';
import { unmetNeeds } from './participation.tables';
import { loadSupport, requireOpenSupport } from './support-access';
import { getSupport } from './supports.service';

/** 新たなメニューの創造: a wish no resource met, recorded on the person's support. */
export async function addUnmetNeed(
  db: Database,
  context: ActorContext,
  supportId: string,
  input: UnmetNeedInput,
) {
  await db.transaction(async (tx) => {
    requireOpenSupport(await loadSupport(tx, context, supportId, 'write'));
    await requireVisibleIfGiven(tx, context.actor, 'area', input.areaId);
    await tx.insert(unmetNeeds).values({
      ...input,
      conditions: input.conditions ?? '',
      tenantId: context.actor.tenantId,
      supportId,
      userId: context.actor.userId,
    });
    await recordAudit(tx, context, {
      action: 'participation.unmet_need',
      targetType: 'participation_support',
      targetId: supportId,
      detail: { wish: input.wish },
    });
  });
  return getSupport(db, context, supportId);
}

function requireCountReader(context: ActorContext) {
  if (!can(context.actor, 'resources.manage') && !can(context.actor, 'aggregates.read')) throw forbidden();
}

/** Unmet wishes per kind and area, never naming anyone (1–4 shows as 「5件未満」). */
export async function unmetSummary(db: Database, context: ActorContext) {
  requireCountReader(context);
  return readTransaction(db, async (tx) => {
    const rows = await queryRows<{
      wish: Wish;
      area_id: string | null;
      area_name: string | null;
      open: number;
      answered: number;
    }>(
      tx,
      sql`select n.wish, n.area_id, a.name as area_name,
                 count(*) filter (where n.answered_by_resource_id is null)::int as open,
                 count(*) filter (where n.answered_by_resource_id is not null)::int as answered
            from unmet_needs n left join areas a on a.id = n.area_id
           where n.tenant_id = ${context.actor.tenantId}
           group by n.wish, n.area_id, a.name, a.sort_order
           order by count(*) filter (where n.answered_by_resource_id is null) desc, a.sort_order, n.wish`,
    );
    await recordAudit(tx, context, { action: 'participation.counts', detail: { of: 'unmet_needs' } });
    return {
      groups: rows.map((r) => {
        // open + answered is all ever recorded, which the yearly counts come close to: when one
        // of the two is hidden, so is the other, so that neither can be had by subtraction
        const hidden = safeCount(r.open).belowThreshold || safeCount(r.answered).belowThreshold;
        const shown = (n: number) => (hidden && n > 0 ? { count: null, belowThreshold: true } : safeCount(n));
        return {
          wish: r.wish,
          areaId: r.area_id,
          areaName: r.area_name,
          open: shown(r.open),
          answered: shown(r.answered),
        };
      }),
    };
  });
}

/** A resource created for them answers the open unmet wishes of that kind and area. */
export async function answerNeeds(
  db: Database,
  context: ActorContext,
  input: { resourceId: string; wish: Wish; areaId: string | null },
) {
  requirePermission(context.actor, 'resources.manage');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'resource', input.resourceId);
    await requireVisibleIfGiven(tx, context.actor, 'area', input.areaId);
    await tx.execute(
      sql`update unmet_needs set answered_by_resource_id = ${input.resourceId}
           where tenant_id = ${context.actor.tenantId} and wish = ${input.wish}
             and area_id is not distinct from ${input.areaId}::uuid and answered_by_resource_id is null`,
    );
    await recordAudit(tx, context, {
      action: 'participation.unmet_need',
      targetType: 'resource',
      targetId: input.resourceId,
      detail: { answers: input.wish, areaId: input.areaId },
    });
  });
  return unmetSummary(db, context);
}
