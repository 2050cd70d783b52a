import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError, badRequest, notFound } from '../../server/errors';
import { permissionsOf } from '../access/access.permissions';
import { type Actor, can, requireOrganisation, requirePermission } from '../access/access.policy';
import { caseAccess } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { requireTenantOrganisation, today } from '../cases/case-common';
import { memberships } from '../users/users.tables';
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
    const owner = await requireTenantOrganisation(tx, context, input.ownerOrganisationId);
    if (input.ownerUserId) {
      const roles = await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(
          and(
            eq(memberships.tenantId, context.actor.tenantId),
            eq(memberships.organisationId, input.ownerOrganisationId),
            eq(memberships.userId, input.ownerUserId),
          ),
        );
      // someone who does the support work there: an administrator never sees what it is about
      if (!roles.some((m) => permissionsOf(m.role).includes('case_content.write'))) {
        throw badRequest(
          'NOT_A_WORKER',
          owner.external
            ? `${owner.name}は外部の関係機関（ログインしない機関）のため、担当者は選べません。`
            : '担当者は、担当の機関に所属する職員から選んでください。',
        );
      }
    }
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

/**
 * The 宿題 the actor may see and mark done: their own; their organisation's, when it is about no
 * one or about a case (or outreach record) they may read; and those of partners without a login
 * (外部の関係機関) on the cases their organisation leads and they may read, or, for those who run
 * the meetings, of every partner. Never a whole
 * organisation's staff for a case only some of them work on.
 */
function actionItemReach(actor: Actor): SQL {
  const org = actor.organisationId;
  if (!org) return sql`false`;
  const owner = sql`${sessionActionItems.ownerOrganisationId}`;
  const item = sql`${sessionActionItems.itemId}`;
  const aboutNoOne = sql`(${item} is null or exists (select 1 from agenda_items ai where ai.id = ${item}
    and ai.case_id is null and ai.outreach_record_id is null))`;
  const aboutReadableCase = sql`exists (select 1 from agenda_items ai join cases vc on vc.id = ai.case_id
    where ai.id = ${item} and ${caseAccess(actor, 'vc')})`;
  const aboutOutreach = can(actor, 'outreach.work')
    ? sql`exists (select 1 from agenda_items ai where ai.id = ${item} and ai.outreach_record_id is not null)`
    : sql`false`;
  const partnerOfLedCase = sql`exists (select 1 from agenda_items ai join cases vc on vc.id = ai.case_id
    join organisations po on po.id = ${owner}
    where ai.id = ${item} and po.external and vc.lead_organisation_id = ${org} and ${caseAccess(actor, 'vc')})`;
  // those who run the meetings follow up the partners' 宿題 that no case lead does (themes, sessions)
  const partnerOfMeetings = can(actor, 'meetings.run')
    ? sql`exists (select 1 from organisations po where po.id = ${owner} and po.external)`
    : sql`false`;
  return sql`(${sessionActionItems.ownerUserId} = ${actor.userId}
    or (${owner} = ${org} and (${aboutNoOne} or ${aboutReadableCase} or ${aboutOutreach}))
    or ${partnerOfLedCase} or ${partnerOfMeetings})`;
}

/** Done by the owning organisation, by whoever runs the meetings, or by the lead for a partner. */
export async function completeActionItem(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(sessionActionItems)
      .where(
        and(
          eq(sessionActionItems.id, id),
          eq(sessionActionItems.tenantId, context.actor.tenantId),
          can(context.actor, 'meetings.run') ? undefined : actionItemReach(context.actor),
        ),
      )
      .for('update', { of: sessionActionItems });
    if (!row) throw notFound('宿題');
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
  requireOrganisation(context.actor);
  return db.transaction(async (tx) => {
    const items = await actionItemsWhere(
      tx,
      and(
        eq(sessionActionItems.tenantId, context.actor.tenantId),
        actionItemReach(context.actor),
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
    await recordAudit(tx, context, {
      action: 'meeting.action_item_list',
      detail: {
        read: items.length,
        ids: items.map((i) => i.id),
        sessions: [...new Set(items.map((i) => i.sessionId))],
      },
    });
    return {
      items: items.map((i) => {
        const s = sessions.find((x) => x.id === i.sessionId);
        return { ...i, bodyName: s?.bodyName ?? '', startsAt: s?.startsAt.toISOString() ?? '' };
      }),
    };
  });
}
