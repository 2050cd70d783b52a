import { and, asc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { AppError, badRequest, notFound } from '../../server/errors';
import type { CaseStatus } from '../../shared/case-vocabulary';
import { formatWestern } from '../../shared/dates';
import {
  DECISION_CASE_STEP,
  type ItemDecisionType,
  LEGAL_BASIS_LABELS,
} from '../../shared/meeting-vocabulary';
import { caseConsentInForce } from '../access/meeting-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { loadCase, requireTenantOrganisation, today } from '../cases/case-common';
import { recordDecision, transitionCase } from '../cases/case-steps.service';
import { selectCaseSummaries } from '../cases/cases.service';
import { raiseFromMeeting } from '../community/regional-issues.service';
import { organisations } from '../organisations/organisations.tables';
import { outreachRecords } from '../outreach/outreach.tables';
import { users } from '../users/users.tables';
import type { ActionItem, AgendaItem, ItemDecisionInput, ItemInput, ItemUpdate } from './meetings.schemas';
import { agendaDecisions, agendaItems, type meetingBodies, sessionActionItems } from './meetings.tables';
import { checkOutreachTabling } from './outreach-tabling';
import { handedOutNotes } from './packet-content';
import { loadSession, requireNotHeld, type SessionRow } from './sessions.service';
import { refuseIfThemesOnly } from './themes-only';

type BodyRow = typeof meetingBodies.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

const CONSENT_WITHDRAWN = '本人の同意が撤回されたため、議題から外しました。';

const consentRefusal = (body: BodyRow) =>
  new AppError(
    409,
    'CONSENT_REQUIRED_FOR_BODY',
    `本人の同意（すべての関係機関との情報共有への同意）が確認できないため、「${body.name}」には諮れません。本人の同意を得て記録するか、${LEGAL_BASIS_LABELS.support_meeting_106_6}で検討してください。`,
  );

/** Does consent (to all agencies) cover every concerned person of the case today? */
async function consentCoversCase(tx: Database, caseId: string, day: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select ${caseConsentInForce('c', day)} as ok from cases c where c.id = ${caseId}`,
  );
  return row?.ok === true;
}

/** The agenda of a session (items, their decisions, action items), for one who may see it. */
/**
 * The agenda with its decisions and action items. Those who do not run the meetings see it as
 * handed out: items added since 資料配付 are not shown, and each item's notes are those handed out.
 */
export async function agendaOf(tx: Database, session: SessionRow, asHandedOut = false) {
  const all = await tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, session.id))
    .orderBy(asc(agendaItems.position));
  const rows = asHandedOut
    ? all.filter((r) => r.packetSnapshotAt).map((r) => ({ ...r, notes: handedOutNotes(r.packetSnapshot) }))
    : all;
  const caseIds = rows.flatMap((r) => (r.caseId ? [r.caseId] : []));
  const summaries = caseIds.length
    ? await selectCaseSummaries(tx, sql`c.id in ${caseIds}`, caseIds.length)
    : [];
  const consent = caseIds.length
    ? await queryRows<{ id: string; ok: boolean }>(
        tx,
        sql`select c.id, ${caseConsentInForce('c', today())} as ok from cases c where c.id in ${caseIds}`,
      )
    : [];
  const outreachIds = rows.flatMap((r) => (r.outreachRecordId ? [r.outreachRecordId] : []));
  const outreach = outreachIds.length
    ? await tx
        .select({ id: outreachRecords.id, label: outreachRecords.label })
        .from(outreachRecords)
        .where(inArray(outreachRecords.id, outreachIds))
    : [];
  const decisions = await tx
    .select()
    .from(agendaDecisions)
    .where(eq(agendaDecisions.sessionId, session.id))
    .orderBy(asc(agendaDecisions.createdAt));
  const items: AgendaItem[] = rows.map((r) => {
    const summary = summaries.find((s) => s.id === r.caseId);
    return {
      id: r.id,
      position: r.position,
      kind: r.caseId ? 'case' : r.outreachRecordId ? 'outreach' : 'topic',
      caseId: r.caseId,
      outreachRecordId: r.outreachRecordId,
      caseTitle: summary
        ? `${summary.householdName}（${summary.personNames.join('・') || '世帯'}）`
        : (outreach.find((o) => o.id === r.outreachRecordId)?.label ?? null),
      caseStatus: (summary?.status as CaseStatus | undefined) ?? null,
      consentInForce: r.caseId ? consent.some((c) => c.id === r.caseId && c.ok) : null,
      topicKind: r.topicKind,
      title: r.title,
      notes: r.notes,
      proposedOrganisationIds: r.proposedOrganisationIds,
      removedOn: r.removedOn,
      removedReason: r.removedReason,
      version: r.version,
      decisions: decisions
        .filter((d) => d.itemId === r.id)
        .map((d) => ({
          id: d.id,
          type: d.type,
          content: d.content,
          caseDecisionId: d.caseDecisionId,
          createdAt: d.createdAt.toISOString(),
        })),
    };
  });
  const actionItems = await actionItemsWhere(tx, eq(sessionActionItems.sessionId, session.id));
  const shown = new Set(rows.map((r) => r.id));
  return {
    items,
    actionItems: asHandedOut ? actionItems.filter((a) => !a.itemId || shown.has(a.itemId)) : actionItems,
  };
}

export async function actionItemsWhere(tx: Database, where: SQL | undefined): Promise<ActionItem[]> {
  const rows = await tx
    .select({ a: sessionActionItems, organisationName: organisations.name, userName: users.displayName })
    .from(sessionActionItems)
    .innerJoin(organisations, eq(organisations.id, sessionActionItems.ownerOrganisationId))
    .leftJoin(users, eq(users.id, sessionActionItems.ownerUserId))
    .where(where)
    .orderBy(asc(sessionActionItems.dueOn), asc(sessionActionItems.createdAt));
  return rows.map(({ a, organisationName, userName }) => ({
    id: a.id,
    sessionId: a.sessionId,
    itemId: a.itemId,
    description: a.description,
    ownerOrganisationId: a.ownerOrganisationId,
    ownerOrganisationName: organisationName,
    ownerUserId: a.ownerUserId,
    ownerUserName: userName,
    dueOn: a.dueOn,
    doneOn: a.doneOn,
  }));
}

async function requireItem(tx: Database, sessionId: string, itemId: string): Promise<ItemRow> {
  const [row] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.sessionId, sessionId)));
  if (!row) throw notFound('議題');
  return row;
}

const audit = (tx: Database, context: ActorContext, sessionId: string, detail: Record<string, unknown>) =>
  recordAudit(tx, context, {
    action: 'meeting.agenda',
    targetType: 'meeting_session',
    targetId: sessionId,
    detail,
  });

/** Tables a case (behind the consent gate) or a topic. */
export async function addItem(db: Database, context: ActorContext, sessionId: string, input: ItemInput) {
  await db.transaction(async (tx) => {
    const { session, body } = await loadSession(tx, context, sessionId, 'write');
    requireNotHeld(session, '議題を追加');
    if (input.kind !== 'topic') await refuseIfThemesOnly(tx, context, body, input.kind);
    if (input.kind === 'case') {
      const row = await loadCase(tx, context, input.caseId, 'read');
      if (row.status === 'closed') {
        throw new AppError(409, 'CASE_CLOSED', '終結した事例は議題にできません。');
      }
      const [already] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.sessionId, sessionId),
            eq(agendaItems.caseId, input.caseId),
            isNull(agendaItems.removedOn),
          ),
        );
      if (already) throw new AppError(409, 'ALREADY_TABLED', 'この事例はすでにこの会議の議題です。');
      if (body.requiresConsent && !(await consentCoversCase(tx, input.caseId, today()))) {
        throw consentRefusal(body);
      }
    }
    if (input.kind === 'outreach')
      await checkOutreachTabling(tx, context, sessionId, body, input.outreachRecordId);
    const [last] = await tx
      .select({ position: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.sessionId, sessionId));
    const [item] = await tx
      .insert(agendaItems)
      .values({
        tenantId: context.actor.tenantId,
        sessionId,
        position: (last?.position ?? 0) + 1,
        caseId: input.kind === 'case' ? input.caseId : null,
        outreachRecordId: input.kind === 'outreach' ? input.outreachRecordId : null,
        topicKind: input.kind === 'topic' ? input.topicKind : null,
        title: input.kind === 'topic' ? input.title : null,
        notes: input.notes,
      })
      .returning({ id: agendaItems.id });
    await audit(tx, context, sessionId, {
      added: item?.id,
      case: input.kind === 'case' ? input.caseId : null,
      outreachRecord: input.kind === 'outreach' ? input.outreachRecordId : null,
    });
  });
}

export async function updateItem(
  db: Database,
  context: ActorContext,
  sessionId: string,
  itemId: string,
  input: ItemUpdate,
) {
  await db.transaction(async (tx) => {
    await loadSession(tx, context, sessionId, 'write');
    await requireItem(tx, sessionId, itemId);
    const { version, ...fields } = input;
    await requireVersion(tx, agendaItems, itemId, version);
    for (const id of fields.proposedOrganisationIds ?? []) await requireTenantOrganisation(tx, context, id);
    if (Object.keys(fields).length > 0) {
      await tx.update(agendaItems).set(fields).where(eq(agendaItems.id, itemId));
    }
    await audit(tx, context, sessionId, { updated: itemId, fields: Object.keys(fields) });
  });
}

/** Takes an item off the agenda before the session; an item with decisions stays. */
export async function removeItem(db: Database, context: ActorContext, sessionId: string, itemId: string) {
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, context, sessionId, 'write');
    requireNotHeld(session, '議題を外すことは');
    await requireItem(tx, sessionId, itemId);
    const [decided] = await tx
      .select({ id: agendaDecisions.id })
      .from(agendaDecisions)
      .where(eq(agendaDecisions.itemId, itemId))
      .limit(1);
    if (decided) throw new AppError(409, 'ITEM_DECIDED', '決定を記録した議題は外せません。');
    const [undertaken] = await tx
      .select({ id: sessionActionItems.id })
      .from(sessionActionItems)
      .where(eq(sessionActionItems.itemId, itemId))
      .limit(1);
    if (undertaken) {
      throw new AppError(409, 'ITEM_HAS_ACTION_ITEMS', '宿題を記録した議題は外せません。');
    }
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await audit(tx, context, sessionId, { removed: itemId });
  });
}

const CASE_DECISION_KIND = {
  plan_approval: 'plan_approval',
  plan_revision: 'plan_revision',
  closure_approval: 'closure',
  role_split: 'role_split',
  support_policy: 'support_policy',
  information_only: 'information_only',
  regional_issue: 'regional_issue',
} as const satisfies Record<ItemDecisionType, string>;

const NEEDS_CASE: ItemDecisionType[] = ['plan_approval', 'plan_revision', 'closure_approval', 'role_split'];

/**
 * A decision of the session on an item. On a tabled case it becomes the case's decision record
 * (pointing to the session), and approval, revision and closure take the case's step through
 * the case module's own rules.
 */
export async function decide(
  db: Database,
  context: ActorContext,
  sessionId: string,
  itemId: string,
  input: ItemDecisionInput,
) {
  await db.transaction(async (tx) => {
    const { session, body } = await loadSession(tx, context, sessionId, 'write');
    const item = await requireItem(tx, sessionId, itemId);
    if (item.removedOn) {
      throw new AppError(409, 'ITEM_REMOVED', `この議題は外されています（${item.removedReason ?? ''}）。`);
    }
    if (session.startsAt > now()) {
      throw new AppError(409, 'SESSION_NOT_STARTED', '会議の開催日時より前に、決定は記録できません。');
    }
    if (!item.caseId && NEEDS_CASE.includes(input.type)) {
      throw badRequest('DECISION_NEEDS_CASE', 'この種類の決定は、事例の議題にだけ記録できます。');
    }
    let caseDecisionId: string | undefined;
    if (item.caseId) {
      if (body.requiresConsent && !(await consentCoversCase(tx, item.caseId, today()))) {
        throw consentRefusal(body);
      }
      const decision = {
        decidedOn: session.heldOn ?? formatWestern(session.startsAt),
        decidingBody: body.name,
        content: input.content,
        // taken in this session: the origin links it
        meetingSessionId: null,
      };
      const origin = { meetingSessionId: sessionId };
      const step = DECISION_CASE_STEP[input.type];
      caseDecisionId = step
        ? await transitionCase(
            tx,
            context,
            item.caseId,
            {
              to: step,
              note: null,
              decision,
              closureReason: input.closureReason,
              connection: input.connection,
            },
            origin,
          )
        : await recordDecision(tx, context, item.caseId, CASE_DECISION_KIND[input.type], decision, origin);
    }
    const [row] = await tx
      .insert(agendaDecisions)
      .values({
        tenantId: context.actor.tenantId,
        sessionId,
        itemId,
        type: input.type,
        content: input.content,
        caseDecisionId: caseDecisionId ?? null,
        createdByUserId: context.actor.userId,
      })
      .returning({ id: agendaDecisions.id });
    if (input.type === 'regional_issue') {
      await raiseFromMeeting(tx, context, {
        agendaItemId: itemId,
        title: item.title,
        bodyName: body.name,
        content: input.content,
        on: session.heldOn ?? formatWestern(session.startsAt),
        caseId: item.caseId,
      });
    }
    await recordAudit(tx, context, {
      action: 'meeting.decision',
      targetType: 'meeting_session',
      targetId: sessionId,
      detail: { item: itemId, decision: row?.id, type: input.type, case: item.caseId },
    });
  });
}

/**
 * When consent is withdrawn, the person's cases come off the agendas of consent-bound sessions
 * not yet held, struck through with the reason. Answers how many items were taken off.
 */
export async function dropItemsWithoutConsent(
  tx: Database,
  context: ActorContext,
  personId: string,
  onDay: string,
): Promise<number> {
  const dropped = await queryRows<{ id: string; session_id: string }>(
    tx,
    sql`update agenda_items i set removed_on = ${today()}, removed_reason = ${CONSENT_WITHDRAWN}
        from meeting_sessions s, meeting_bodies b, cases c
        where s.id = i.session_id and b.id = s.body_id and c.id = i.case_id
          and i.removed_on is null and s.held_on is null and b.requires_consent
          and ${personId}::uuid = any(c.concerned_person_ids)
          and not ${caseConsentInForce('c', onDay)}
        returning i.id, i.session_id`,
  );
  for (const sessionId of new Set(dropped.map((d) => d.session_id))) {
    await audit(tx, context, sessionId, {
      removed: dropped.filter((d) => d.session_id === sessionId).map((d) => d.id),
      reason: 'consent_withdrawn',
    });
  }
  return dropped.length;
}
