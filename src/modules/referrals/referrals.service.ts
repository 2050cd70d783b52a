import { aliasedTable, and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { now } from '../../server/clock';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '../../shared/intake-vocabulary';
import { personName } from '../../shared/names';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { consentInForce, referralAccess } from '../access/case-scope';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { isExternalOrganisation } from '../organisations/organisations.service';
import { organisations } from '../organisations/organisations.tables';
import { requireVisiblePerson } from '../people/people.service';
import { persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';
import { loggedDay, requireInOrder } from './logged-referral';
import { allowedSide, NOTE_REQUIRED, type Side } from './referral-state';
import type { Referral, ReferralInput, ReferralSummary, ReferralTransition } from './referrals.schemas';
import { referralEvents, referrals } from './referrals.tables';

const fromOrg = aliasedTable(organisations, 'from_org');
const toOrg = aliasedTable(organisations, 'to_org');

function sidesOf(context: ActorContext, row: typeof referrals.$inferSelect, toExternal: boolean): Side[] {
  const org = context.actor.organisationId;
  const sides: Side[] = [];
  if (row.fromOrganisationId === org) sides.push('sender');
  // a partner without a login answers by phone or letter; the sender logs its answer
  const receives =
    row.toOrganisationId === org ||
    (row.toMultiAgency && context.actor.role === 'coordinator') ||
    (toExternal && row.fromOrganisationId === org);
  if (receives && row.status !== 'draft') sides.push('recipient');
  return sides;
}

type SummaryRow = {
  row: typeof referrals.$inferSelect;
  fromName: string;
  toName: string | null;
  toExternal: boolean | null;
  familyName: string | null;
  givenName: string | null;
  overdueDays: number;
};

async function selectSummaries(db: Database, where: SQL | undefined, limit = 200): Promise<SummaryRow[]> {
  const rows = await db
    .select({
      row: referrals,
      fromName: fromOrg.name,
      toName: toOrg.name,
      toExternal: toOrg.external,
      familyName: persons.familyName,
      givenName: persons.givenName,
      overdueDays: tenants.referralOverdueDays,
    })
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .leftJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .leftJoin(persons, eq(persons.id, referrals.personId))
    .innerJoin(tenants, eq(tenants.id, referrals.tenantId))
    .where(where)
    .orderBy(desc(referrals.urgent), desc(referrals.updatedAt))
    .limit(limit);
  return rows as SummaryRow[];
}

function presentSummary(r: SummaryRow): ReferralSummary {
  const overdueAt = r.row.sentAt
    ? r.row.sentAt.getTime() + r.overdueDays * 86_400_000
    : Number.POSITIVE_INFINITY;
  return {
    id: r.row.id,
    status: r.row.status,
    fromOrganisationId: r.row.fromOrganisationId,
    fromOrganisationName: r.fromName,
    toOrganisationId: r.row.toOrganisationId,
    toOrganisationName: r.row.toMultiAgency ? '多機関協働（コーディネーター）' : r.toName,
    toMultiAgency: r.row.toMultiAgency,
    toExternal: r.toExternal === true,
    personId: r.row.personId,
    personName: r.familyName ? personName({ familyName: r.familyName, givenName: r.givenName }) : null,
    householdId: r.row.householdId,
    consultationId: r.row.consultationId,
    mainComplaint: r.row.mainComplaint,
    urgent: r.row.urgent,
    sentAt: r.row.sentAt?.toISOString() ?? null,
    updatedAt: r.row.updatedAt.toISOString(),
    overdue: r.row.status === 'requested' && now().getTime() > overdueAt,
  };
}

/** Inside the caller's transaction: creates a referral (draft or sent) with its first event. */
export async function insertReferral(
  tx: Database,
  context: ActorContext,
  input: ReferralInput,
  /** the day to log for a partner without a login when the input names none (the consultation's day) */
  contactedOn: string | null = null,
) {
  const organisationId = requireOrganisation(context.actor);
  const { actor } = context;
  let toExternal = false;
  // only the organisation that took a consultation passes it on
  await requireVisibleIfGiven(tx, actor, 'ownConsultation', input.consultationId);
  await requireVisibleIfGiven(tx, actor, 'person', input.personId);
  await requireVisibleIfGiven(tx, actor, 'household', input.householdId);
  if (input.toOrganisationId) {
    await requireVisible(tx, actor, 'organisation', input.toOrganisationId);
    const [target] = await tx
      .select({ id: organisations.id, isActive: organisations.isActive, external: organisations.external })
      .from(organisations)
      .where(eq(organisations.id, input.toOrganisationId));
    if (!target) throw notFound('つなぎ先の機関');
    if (!target.isActive) throw conflict('ORGANISATION_INACTIVE', 'つなぎ先の機関は現在停止中です。');
    if (target.id === organisationId) throw badRequest('REFER_TO_SELF', '自分の機関へはつなげません。');
    toExternal = target.external;
  }
  const occurredOn = loggedDay(
    toExternal,
    input.occurredOn ?? (toExternal && input.send ? contactedOn : null),
    input.send,
  );
  const at = now();
  const status: ReferralStatus = input.send ? 'requested' : 'draft';
  const { send: _send, occurredOn: _occurredOn, ...fields } = input;
  const [row] = await tx
    .insert(referrals)
    .values({
      ...fields,
      tenantId: context.actor.tenantId,
      fromOrganisationId: organisationId,
      status,
      createdByUserId: context.actor.userId,
      sentAt: input.send ? at : null,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(referralEvents).values({
    tenantId: context.actor.tenantId,
    referralId: row.id,
    fromStatus: null,
    toStatus: status,
    at,
    byUserId: context.actor.userId,
    byOrganisationId: organisationId,
    occurredOn,
  });
  await recordAudit(tx, context, {
    action: 'referral.create',
    targetType: 'referral',
    targetId: row.id,
    detail: { status, toMultiAgency: input.toMultiAgency },
  });
  return row;
}

export async function createReferral(db: Database, context: ActorContext, input: ReferralInput) {
  requirePermission(context.actor, 'case_content.write');
  const row = await db.transaction((tx) => insertReferral(tx, context, input));
  return getReferral(db, context, row.id);
}

/** The box's referrals, urgent and latest first: the screen's 200, or as many as an export takes. */
export async function listReferrals(
  db: Database,
  context: ActorContext,
  box: 'inbox' | 'sent',
  limit?: number,
) {
  requirePermission(context.actor, 'case_content.read');
  return db.transaction(async (tx) => {
    const rows = await selectSummaries(
      tx,
      and(eq(referrals.tenantId, context.actor.tenantId), referralAccess(context.actor, box)),
      limit,
    );
    await recordAudit(tx, context, {
      action: 'referral.list',
      detail: { box, results: rows.length, ids: rows.map((r) => r.row.id) },
    });
    return rows.map(presentSummary);
  });
}

export async function getReferral(db: Database, context: ActorContext, id: string): Promise<Referral> {
  requirePermission(context.actor, 'case_content.read');
  return db.transaction(async (tx) => {
    const [found] = await selectSummaries(
      tx,
      and(
        eq(referrals.id, id),
        eq(referrals.tenantId, context.actor.tenantId),
        referralAccess(context.actor),
      ),
    );
    if (!found) throw notFound('つなぎ');
    const events = await tx
      .select({
        fromStatus: referralEvents.fromStatus,
        toStatus: referralEvents.toStatus,
        at: referralEvents.at,
        byOrganisationName: organisations.name,
        byUserName: users.displayName,
        note: referralEvents.note,
        occurredOn: referralEvents.occurredOn,
      })
      .from(referralEvents)
      .leftJoin(organisations, eq(organisations.id, referralEvents.byOrganisationId))
      .leftJoin(users, eq(users.id, referralEvents.byUserId))
      .where(eq(referralEvents.referralId, id))
      .orderBy(referralEvents.at);
    const person = found.row.personId
      ? await requireVisiblePerson(tx, context, found.row.personId).catch(() => null)
      : null;
    const consentToShare = await consentReaches(tx, found.row);
    const [partnerContact] =
      found.toExternal && found.row.toOrganisationId
        ? await tx
            .select({ contactPerson: organisations.contactPerson, phone: organisations.phone })
            .from(organisations)
            .where(eq(organisations.id, found.row.toOrganisationId))
        : [];
    await recordAudit(tx, context, { action: 'referral.read', targetType: 'referral', targetId: id });
    return {
      consentToShare,
      partnerContact: partnerContact ?? null,
      ...presentSummary(found),
      reason: found.row.reason,
      actionsTaken: found.row.actionsTaken,
      declineReason: found.row.declineReason,
      outcome: found.row.outcome,
      person,
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  });
}

export async function transitionReferral(
  db: Database,
  context: ActorContext,
  id: string,
  change: ReferralTransition,
) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(referrals)
      .where(
        and(
          eq(referrals.id, id),
          eq(referrals.tenantId, context.actor.tenantId),
          referralAccess(context.actor),
        ),
      )
      .for('update');
    if (!row) throw notFound('つなぎ');
    const toExternal = row.toOrganisationId ? await isExternalOrganisation(tx, row.toOrganisationId) : false;
    const side = allowedSide(row.status, change.to);
    if (!side) {
      throw new AppError(
        409,
        'INVALID_TRANSITION',
        `「${REFERRAL_STATUS_LABELS[row.status]}」のつなぎを「${REFERRAL_STATUS_LABELS[change.to]}」にはできません。`,
      );
    }
    if (!sidesOf(context, row, toExternal).includes(side)) throw forbidden();
    const occurredOn = loggedDay(toExternal, change.occurredOn, change.to !== 'cancelled');
    if (occurredOn) await requireInOrder(tx, id, occurredOn);
    if (NOTE_REQUIRED.includes(change.to) && !change.note) {
      throw badRequest(
        'NOTE_REQUIRED',
        change.to === 'declined' ? '辞退の理由を入力してください。' : '結果を入力してください。',
      );
    }
    const at = now();
    await tx
      .update(referrals)
      .set({
        status: change.to,
        updatedAt: at,
        ...(change.to === 'requested' ? { sentAt: at } : {}),
        ...(change.to === 'accepted' ? { acceptedAt: at } : {}),
        ...(change.to === 'declined' ? { declineReason: change.note, closedAt: at } : {}),
        ...(['completed', 'unsuccessful'].includes(change.to) ? { outcome: change.note, closedAt: at } : {}),
        ...(change.to === 'cancelled' ? { closedAt: at } : {}),
      })
      .where(eq(referrals.id, id));
    await tx.insert(referralEvents).values({
      tenantId: context.actor.tenantId,
      referralId: id,
      fromStatus: row.status,
      toStatus: change.to,
      at,
      byUserId: context.actor.userId,
      byOrganisationId: context.actor.organisationId,
      note: change.note,
      occurredOn,
    });
    await recordAudit(tx, context, {
      action: 'referral.transition',
      targetType: 'referral',
      targetId: id,
      detail: { from: row.status, to: change.to },
    });
  });
  return getReferral(db, context, id);
}

/** For the household page: referrals about the household or its members that the actor is part of. */
export async function referralsFor(
  db: Database,
  context: ActorContext,
  personIds: string[],
  householdId: string | null,
) {
  const about = [
    personIds.length > 0 ? inArray(referrals.personId, personIds) : undefined,
    householdId ? eq(referrals.householdId, householdId) : undefined,
  ].filter(Boolean) as SQL[];
  if (about.length === 0) return [];
  const rows = await selectSummaries(
    db,
    and(eq(referrals.tenantId, context.actor.tenantId), referralAccess(context.actor), or(...about)),
  );
  return rows.map(presentSummary);
}

/** Whether a consent in force covers the referral's recipient (多機関協働: all agencies). */
async function consentReaches(tx: Database, row: typeof referrals.$inferSelect): Promise<boolean> {
  if (!row.personId) return false;
  const [found] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select ${consentInForce(sql`${row.personId}::uuid`, row.toOrganisationId, formatWestern(now()))} as ok`,
  );
  return found?.ok ?? false;
}

/**
 * A coordinator opening a case answers the referral to 多機関協働: it becomes 対応中
 * (through 受理 when it had not been accepted yet), each step kept in its history.
 */
export async function advanceReferralForCase(
  tx: Database,
  context: ActorContext,
  row: typeof referrals.$inferSelect,
) {
  const steps: ReferralStatus[] =
    row.status === 'requested'
      ? ['accepted', 'in_progress']
      : row.status === 'accepted'
        ? ['in_progress']
        : [];
  let from = row.status;
  for (const to of steps) {
    const at = now();
    await tx
      .update(referrals)
      .set({ status: to, updatedAt: at, ...(to === 'accepted' ? { acceptedAt: at } : {}) })
      .where(eq(referrals.id, row.id));
    await tx.insert(referralEvents).values({
      tenantId: row.tenantId,
      referralId: row.id,
      fromStatus: from,
      toStatus: to,
      at,
      byUserId: context.actor.userId,
      byOrganisationId: context.actor.organisationId,
      note: to === 'in_progress' ? '多機関協働事例として受け付けました。' : null,
    });
    await recordAudit(tx, context, {
      action: 'referral.transition',
      targetType: 'referral',
      targetId: row.id,
      detail: { from, to },
    });
    from = to;
  }
}
