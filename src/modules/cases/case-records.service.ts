import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { badRequest, conflict, forbidden, notFound } from '../../server/errors';
import { can, requireOrganisation } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { isExternalOrganisation } from '../organisations/organisations.service';
import { loadCase, noFutureDate, planInForce, requireStatus, today } from './case-common';
import { ACTIVE_STATUSES } from './case-state';
import type { RecordInput } from './cases.schemas';
import { caseActionCompletions, cases, continuedConnections, supportRecords } from './cases.tables';

/** 支援経過記録: a team member (or a coordinator) records a contact with the household. */
export async function createRecord(db: Database, context: ActorContext, id: string, input: RecordInput) {
  await db.transaction(async (tx) => {
    const organisationId = requireOrganisation(context.actor);
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(row, [...ACTIVE_STATUSES, 'suspended', 'connected'], '支援経過を記録');
    noFutureDate(input.recordedOn, '記録の日付');
    if (input.goalKey || input.actionKey) {
      const plan = await planInForce(tx, id);
      const goalOk = !input.goalKey || plan?.content.goals.some((g) => g.key === input.goalKey);
      const actionOk = !input.actionKey || plan?.content.actions.some((a) => a.key === input.actionKey);
      if (!goalOk || !actionOk) {
        throw badRequest(
          'NOT_IN_PLAN',
          '記録が対応する目標・支援内容は、承認されたプランから選んでください。',
        );
      }
    }
    // The record, the case's last record date, the next contact and the audit entry depend on
    // nothing of each other: they go out together (pipelined), and the first failure is the answer.
    await Promise.all([
      tx.insert(supportRecords).values({
        ...input,
        tenantId: row.tenantId,
        caseId: id,
        organisationId,
        userId: context.actor.userId,
      }),
      // only when the date moves: the queue's index carries it, so each write of the row is a new index entry
      tx
        .update(cases)
        .set({ lastRecordOn: input.recordedOn })
        .where(
          and(eq(cases.id, id), or(isNull(cases.lastRecordOn), lt(cases.lastRecordOn, input.recordedOn))),
        ),
      // A contact by the agency keeping in touch sets the next one.
      row.status === 'connected' &&
        tx
          .update(continuedConnections)
          .set({
            nextContactOn: sql`greatest(${continuedConnections.nextContactOn},
              ${input.recordedOn}::date + ${continuedConnections.intervalDays})`,
          })
          .where(
            and(
              eq(continuedConnections.caseId, id),
              eq(continuedConnections.organisationId, organisationId),
              isNull(continuedConnections.endedOn),
            ),
          ),
      recordAudit(tx, context, {
        action: 'case.record',
        targetType: 'case',
        targetId: id,
        detail: { type: input.type },
      }),
    ]);
  });
}

/** The responsible organisation (or a coordinator) marks an action of the plan as done. */
export async function completeAction(db: Database, context: ActorContext, id: string, actionKey: string) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(row, ['supporting', 'evaluating', 'suspended'], '支援内容を完了に');
    const plan = await planInForce(tx, id);
    const action = plan?.content.actions.find((a) => a.key === actionKey);
    if (!action) throw notFound('プランの支援内容');
    const byOwner = action.organisationId === context.actor.organisationId;
    // a partner without a login reports to the lead, who records it
    const forPartner =
      context.actor.organisationId === row.leadOrganisationId &&
      (await isExternalOrganisation(tx, action.organisationId));
    if (!byOwner && !forPartner && !can(context.actor, 'cases.coordinate')) throw forbidden();
    const inserted = await tx
      .insert(caseActionCompletions)
      .values({
        tenantId: row.tenantId,
        caseId: id,
        actionKey,
        completedOn: today(),
        byUserId: context.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: caseActionCompletions.id });
    if (inserted.length === 0) throw conflict('ALREADY_DONE', 'この支援内容はすでに完了になっています。');
    await recordAudit(tx, context, {
      action: 'case.record',
      targetType: 'case',
      targetId: id,
      detail: { actionCompleted: actionKey },
    });
  });
}
