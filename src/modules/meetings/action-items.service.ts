import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError, badRequest, notFound } from '../../server/errors';
import { can, requireOrganisation, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { requireTenantOrganisation, today } from '../cases/case-common';
import { cases } from '../cases/cases.tables';
import { organisations } from '../organisations/organisations.tables';
import { actionItemsWhere } from './agenda.service';
import type { ActionItemInput } from './meetings.schemas';
import { agendaItems, meetingBodies, meetingSessions, sessionActionItems } from './meetings.tables';
import { loadSession } from './sessions.service';

// 宿題: what an agency undertook at a meeting, in its work queue until done.

export async function addActionItem(
  db: Database,
  context: ActorContext,
  sessionId: string,
  input: ActionItemInput,
) {
  await db.transaction(async (tx) => {
    await loadSession(tx, context, sessionId, 'write');
    await requireTenantOrganisation(tx, context, input.ownerOrganisationId);
    if (input.itemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.sessionId, sessionId)));
      if (!item) throw notFound('議題');
    }
    if (input.dueOn < today()) throw badRequest('PAST_DATE', '期限は今日以降の日付にしてください。');
    const [row] = await tx
      .insert(sessionActionItems)
      .values({ ...input, tenantId: context.actor.tenantId, sessionId })
      .returning({ id: sessionActionItems.id });
    await recordAudit(tx, context, {
      action: 'meeting.action_item',
      targetType: 'meeting_session',
      targetId: sessionId,
      detail: { added: row?.id, owner: input.ownerOrganisationId },
    });
  });
}

/** A partner without a login (外部の関係機関) reports to the lead of the tabled case, who records it. */
async function leadRecordsForPartner(
  tx: Database,
  context: ActorContext,
  row: typeof sessionActionItems.$inferSelect,
): Promise<boolean> {
  if (!row.itemId || !context.actor.organisationId) return false;
  const [found] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(organisations, eq(organisations.id, row.ownerOrganisationId))
    .where(
      and(
        eq(agendaItems.id, row.itemId),
        eq(cases.leadOrganisationId, context.actor.organisationId),
        eq(organisations.external, true),
      ),
    );
  return Boolean(found);
}

/** Done by the owning organisation, by whoever runs the meetings, or by the lead for a partner. */
export async function completeActionItem(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(sessionActionItems)
      .where(and(eq(sessionActionItems.id, id), eq(sessionActionItems.tenantId, context.actor.tenantId)))
      .for('update');
    const mayDo =
      row &&
      (row.ownerOrganisationId === context.actor.organisationId ||
        can(context.actor, 'meetings.run') ||
        (await leadRecordsForPartner(tx, context, row)));
    if (!row || !mayDo) throw notFound('宿題');
    if (row.doneOn) throw new AppError(409, 'ALREADY_DONE', 'この宿題はすでに完了しています。');
    await tx
      .update(sessionActionItems)
      .set({ doneOn: today(), doneByUserId: context.actor.userId })
      .where(eq(sessionActionItems.id, id));
    await recordAudit(tx, context, {
      action: 'meeting.action_item',
      targetType: 'meeting_session',
      targetId: row.sessionId,
      detail: { done: id },
    });
  });
}

/**
 * Open action items of the actor's organisation, and of the partners without a login on the cases
 * it leads, soonest due first (for the work queue).
 */
export async function myActionItems(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'case_content.read');
  const organisationId = requireOrganisation(context.actor);
  return db.transaction(async (tx) => {
    const partnersOfOwnCases = sql`exists (select 1 from ${agendaItems} ai
      join ${cases} c on c.id = ai.case_id
      join ${organisations} o on o.id = ${sessionActionItems.ownerOrganisationId}
      where ai.id = ${sessionActionItems.itemId} and c.lead_organisation_id = ${organisationId} and o.external)`;
    const items = await actionItemsWhere(
      tx,
      and(
        or(eq(sessionActionItems.ownerOrganisationId, organisationId), partnersOfOwnCases),
        isNull(sessionActionItems.doneOn),
      ),
    );
    const sessions = items.length
      ? await tx
          .select({
            id: meetingSessions.id,
            startsAt: meetingSessions.startsAt,
            bodyName: meetingBodies.name,
          })
          .from(meetingSessions)
          .innerJoin(meetingBodies, eq(meetingBodies.id, meetingSessions.bodyId))
          .where(sql`${meetingSessions.id} in ${[...new Set(items.map((i) => i.sessionId))]}`)
      : [];
    await recordAudit(tx, context, { action: 'meeting.action_item_list', detail: { read: items.length } });
    return {
      items: items.map((i) => {
        const s = sessions.find((x) => x.id === i.sessionId);
        return { ...i, bodyName: s?.bodyName ?? '', startsAt: s?.startsAt.toISOString() ?? '' };
      }),
    };
  });
}
