import { and, count, eq, gte, inArray, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { now } from '../../server/clock';
import { AppError, badRequest, conflict, notFound } from '../../server/errors';
import { CASE_LIST_LIMIT, CASE_STATUSES } from '../../shared/case-vocabulary';
import { fiscalYearOf, fiscalYearRange } from '../../shared/dates';
import { personName } from '../../shared/names';
import { safeCount, suppressTree } from '../../shared/small-counts';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { caseAccess } from '../access/case-scope';
import { caseConsentInForce } from '../access/meeting-scope';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { householdMembers, households } from '../households/households.tables';
import { organisations } from '../organisations/organisations.tables';
import { kanaKey, nameKey } from '../people/name-normalise';
import { persons } from '../people/people.tables';
import { advanceReferralForCase } from '../referrals/referrals.service';
import { referrals } from '../referrals/referrals.tables';
import { users } from '../users/users.tables';
import { today } from './case-common';
import { ACTIVE_STATUSES } from './case-state';
import type { CaseListQuery, CaseSummary, OpenCase } from './cases.schemas';
import { caseEvents, cases, caseTeamMembers } from './cases.tables';

const COORDINATOR_ROLE = 'コーディネーター（多機関協働）';
const REFERRER_ROLE = 'つないだ機関';
const REFERRAL_STATUSES_TO_OPEN = ['requested', 'accepted', 'in_progress'];

/** Opens a 多機関協働 case, from a referral to 多機関協働 or at a coordinator's own initiative. */
export async function openCase(
  db: Database,
  context: ActorContext,
  input: OpenCase,
): Promise<{ id: string }> {
  requirePermission(context.actor, 'case_content.write');
  requirePermission(context.actor, 'cases.coordinate');
  const organisationId = requireOrganisation(context.actor);
  return db.transaction(async (tx) => {
    let householdId = input.householdId;
    let referrer: string | null = null;
    if (input.referralId) {
      const [referral] = await tx
        .select()
        .from(referrals)
        .where(and(eq(referrals.id, input.referralId), eq(referrals.tenantId, context.actor.tenantId)))
        .for('update');
      if (!referral?.toMultiAgency || referral.status === 'draft') throw notFound('多機関協働へのつなぎ');
      if (!REFERRAL_STATUSES_TO_OPEN.includes(referral.status)) {
        throw conflict('REFERRAL_CLOSED', 'このつなぎは終了しているため、事例を開けません。');
      }
      const [existing] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(eq(cases.referralId, referral.id));
      if (existing) throw conflict('CASE_EXISTS', 'このつなぎからは、すでに事例が開かれています。');
      householdId ??= referral.householdId;
      referrer = referral.fromOrganisationId;
      await advanceReferralForCase(tx, context, referral);
    }
    if (!householdId) {
      throw badRequest(
        'HOUSEHOLD_REQUIRED',
        '事例の対象となる世帯を選んでください（つなぎに世帯がありません）。',
      );
    }
    await requireVisible(tx, context.actor, 'household', householdId);
    // one household, one open case: a second one would split the team and the record
    const [open] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.householdId, householdId), notInArray(cases.status, ['closed', 'connected'])));
    if (open)
      throw new AppError(
        409,
        'CASE_ALREADY_OPEN',
        'この世帯には、進行中の多機関協働事例があります。新しいつなぎや相談は、その事例に記録してください。',
        { caseId: open.id },
      );
    const memberIds = (
      await tx
        .select({ personId: householdMembers.personId })
        .from(householdMembers)
        .where(eq(householdMembers.householdId, householdId))
    ).map((m) => m.personId);
    const stranger = input.concernedPersonIds.find((id) => !memberIds.includes(id));
    if (stranger) throw badRequest('NOT_A_MEMBER', '対象の人は、世帯の構成員から選んでください。');
    const openedOn = today();
    const [row] = await tx
      .insert(cases)
      .values({
        tenantId: context.actor.tenantId,
        householdId,
        referralId: input.referralId,
        concernedPersonIds:
          input.concernedPersonIds.length > 0 ? input.concernedPersonIds : memberIds.slice(0, 1),
        summary: input.summary,
        status: 'received',
        leadOrganisationId: organisationId,
        leadUserId: context.actor.userId,
        openedOn,
        createdByUserId: context.actor.userId,
      })
      .returning({ id: cases.id, tenantId: cases.tenantId });
    if (!row) throw new Error('insert returned nothing');
    const team = [{ organisationId, userId: context.actor.userId as string | null, role: COORDINATOR_ROLE }];
    // The referring agency stays on the team: cases are not handed over whole (任せきり).
    if (referrer && referrer !== organisationId) {
      team.push({ organisationId: referrer, userId: null, role: REFERRER_ROLE });
    }
    await tx.insert(caseTeamMembers).values(
      team.map((m) => ({
        ...m,
        tenantId: row.tenantId,
        caseId: row.id,
        joinedOn: openedOn,
        addedByUserId: context.actor.userId,
      })),
    );
    await tx.insert(caseEvents).values({
      tenantId: row.tenantId,
      caseId: row.id,
      kind: 'status',
      fromStatus: null,
      toStatus: 'received',
      at: now(),
      byUserId: context.actor.userId,
      byOrganisationId: organisationId,
    });
    await recordAudit(tx, context, {
      action: 'case.open',
      targetType: 'case',
      targetId: row.id,
      detail: { fromReferral: input.referralId !== null, team: team.length },
    });
    return { id: row.id };
  });
}

type SummaryRow = {
  id: string;
  status: CaseSummary['status'];
  summary: string;
  household_id: string;
  household_name: string;
  person_names: { family: string; given: string | null }[] | null;
  lead_organisation_name: string;
  lead_user_name: string | null;
  opened_on: string;
  last_record_on: string | null;
  next_review_on: string | null;
  consent_in_force: boolean;
};

function presentSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    status: r.status,
    summary: r.summary,
    householdId: r.household_id,
    householdName: r.household_name,
    personNames: (r.person_names ?? []).map((p) => personName({ familyName: p.family, givenName: p.given })),
    leadOrganisationName: r.lead_organisation_name,
    leadUserName: r.lead_user_name,
    openedOn: r.opened_on,
    lastRecordOn: r.last_record_on,
    nextReviewOn: r.next_review_on,
    consentInForce: r.consent_in_force,
  };
}

export async function selectCaseSummaries(
  tx: Database,
  where: SQL,
  limit = CASE_LIST_LIMIT,
): Promise<CaseSummary[]> {
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`select c.id, c.status, c.summary, c.household_id, h.name as household_name,
          (select json_agg(json_build_object('family', p.family_name, 'given', p.given_name))
             from persons p where p.id = any(c.concerned_person_ids)) as person_names,
          o.name as lead_organisation_name, u.display_name as lead_user_name,
          c.opened_on::text, c.last_record_on::text, c.next_review_on::text,
          ${caseConsentInForce('c', today())} as consent_in_force
        from ${cases} c
        join ${households} h on h.id = c.household_id
        join ${organisations} o on o.id = c.lead_organisation_id
        left join ${users} u on u.id = c.lead_user_id
        where ${where}
        order by c.updated_at desc
        limit ${limit}`,
  );
  return rows.map(presentSummary);
}

/** The household's name, or a concerned person's name or reading, contains the words. */
function nameMatches(q: string): SQL {
  const like = (key: string) => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(exists (select 1 from ${households} hq where hq.id = "cases"."household_id"
                        and hq.name like ${like(q.normalize('NFKC'))})
           or exists (select 1 from ${persons} pq where pq.id = any("cases"."concerned_person_ids")
                        and (pq.name_key like ${like(nameKey(q))} or pq.kana_key like ${like(kanaKey(q))})))`;
}

/** The cases, latest updated first: the screen's CASE_LIST_LIMIT, or as many as an export takes. */
export async function listCases(
  db: Database,
  context: ActorContext,
  { status, householdId, q }: CaseListQuery,
  limit = CASE_LIST_LIMIT,
): Promise<CaseSummary[]> {
  requirePermission(context.actor, 'case_content.read');
  return readTransaction(db, async (tx) => {
    await requireVisibleIfGiven(tx, context.actor, 'household', householdId);
    const statusFilter =
      status === 'active'
        ? inArray(cases.status, [...ACTIVE_STATUSES, 'suspended'])
        : status === 'closed'
          ? notInArray(cases.status, [...ACTIVE_STATUSES, 'suspended'])
          : undefined;
    const where = and(
      eq(cases.tenantId, context.actor.tenantId),
      caseAccess(context.actor),
      statusFilter,
      householdId ? eq(cases.householdId, householdId) : undefined,
      q ? nameMatches(q) : undefined,
    );
    // The query aliases cases as c; the access SQL names "cases", so select through a view of it.
    const rows = await selectCaseSummaries(
      tx,
      sql`c.id in (select "cases"."id" from ${cases} where ${where})`,
      limit,
    );
    // The search words are personal data: the audit says only that the list was narrowed.
    await recordAudit(tx, context, {
      action: 'case.list',
      detail: { status, narrowed: Boolean(q), results: rows.length, ids: rows.map((r) => r.id) },
    });
    return rows;
  });
}

/** For the program manager: how many cases are where, never who. */
export async function caseCounts(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'aggregates.read');
  const fiscalYear = fiscalYearOf(now());
  const { from, to } = fiscalYearRange(fiscalYear);
  const tenant = eq(cases.tenantId, context.actor.tenantId);
  const byStatusRows = await db
    .select({ status: cases.status, n: count() })
    .from(cases)
    .where(tenant)
    .groupBy(cases.status);
  const [opened] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(tenant, gte(cases.openedOn, from), lte(cases.openedOn, to)));
  const [closed] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(tenant, gte(cases.closedOn, from), lte(cases.closedOn, to)));
  const raw = new Map(byStatusRows.map((r) => [r.status as string, r.n]));
  // one policy for counts that leave the case level: the states and their total together
  const safe = suppressTree({
    key: 'total',
    value: byStatusRows.reduce((sum, r) => sum + r.n, 0),
    parts: CASE_STATUSES.map((s) => ({ key: s, value: raw.get(s) ?? 0 })),
  });
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, safe.get(s) ?? safeCount(0)]));
  await db.transaction((tx) => recordAudit(tx, context, { action: 'case.counts', detail: { fiscalYear } }));
  return {
    byStatus,
    openedThisYear: safeCount(opened?.n ?? 0),
    closedThisYear: safeCount(closed?.n ?? 0),
    fiscalYear,
  };
}
