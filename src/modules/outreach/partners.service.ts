import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notFound } from '../../server/errors';
import { can, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { Partner, PartnerInput } from './outreach.schemas';
import { concernReports, watchPartners } from './outreach.tables';

/** 見守り協定先. Every front-line worker may pick one when a report comes in; the outreach team keeps the list. */
export async function listPartners(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'outreach.report');
  const rows = await db
    .select({ p: watchPartners, reportCount: count(concernReports.id) })
    .from(watchPartners)
    .leftJoin(concernReports, eq(concernReports.partnerId, watchPartners.id))
    .where(eq(watchPartners.tenantId, context.actor.tenantId))
    .groupBy(watchPartners.id)
    .orderBy(asc(watchPartners.kind), asc(watchPartners.name));
  return {
    partners: rows.map(
      ({ p, reportCount }): Partner => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        agreedOn: p.agreedOn,
        contactPerson: p.contactPerson,
        reportsWhat: p.reportsWhat,
        reportsHow: p.reportsHow,
        isActive: p.isActive,
        reportCount: Number(reportCount),
      }),
    ),
    canManage: can(context.actor, 'outreach.work'),
  };
}

export async function savePartner(
  db: Database,
  context: ActorContext,
  id: string | null,
  input: PartnerInput,
) {
  requirePermission(context.actor, 'outreach.work');
  await db.transaction(async (tx) => {
    let partnerId = id;
    if (partnerId) {
      const [row] = await tx
        .update(watchPartners)
        .set(input)
        .where(and(eq(watchPartners.id, partnerId), eq(watchPartners.tenantId, context.actor.tenantId)))
        .returning({ id: watchPartners.id });
      if (!row) throw notFound('見守り協定先');
    } else {
      const [row] = await tx
        .insert(watchPartners)
        .values({ ...input, tenantId: context.actor.tenantId })
        .returning({ id: watchPartners.id });
      partnerId = row?.id ?? null;
    }
    await recordAudit(tx, context, {
      action: 'outreach.partner',
      targetType: 'watch_partner',
      targetId: partnerId ?? undefined,
      detail: { change: id ? 'update' : 'create' },
    });
  });
  return listPartners(db, context);
}
