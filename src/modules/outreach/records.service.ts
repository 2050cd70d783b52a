import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { conflict, notFound } from '../../server/errors';
import { addDays } from '../../shared/dates';
import { personName } from '../../shared/names';
import {
  OPEN_STAGES,
  RISKS,
  type Risk,
  STAGE_MOVES,
  STAGES_TO_CONVERT,
} from '../../shared/outreach-vocabulary';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { isOutreachTeam, reportsEnteredBy, requireOutreachTeam } from '../access/outreach-scope';
import { areas } from '../areas/areas.tables';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { noFutureDate, today } from '../cases/case-common';
import { organisations } from '../organisations/organisations.tables';
import { persons } from '../people/people.tables';
import { tenants } from '../tenants/tenants.tables';
import { staffWithRoles } from '../users/staff-by-role';
import { memberships, users } from '../users/users.tables';
import type { OutreachRecord, RecordSummary, RecordUpdate, ReportInput } from './outreach.schemas';
import {
  concernReports,
  outreachAssignees,
  outreachRecords,
  outreachStageChanges,
  watchPartners,
} from './outreach.tables';
import { recordDetails } from './record-details';

export type RecordRow = typeof outreachRecords.$inferSelect;

export async function staleDaysOf(tx: Database, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ days: tenants.outreachStaleDays })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.days ?? 30;
}

/** The record, for the outreach team, locked when it is to be changed. */
export async function loadRecord(
  tx: Database,
  context: ActorContext,
  id: string,
  lock = false,
): Promise<RecordRow> {
  requireOutreachTeam(context.actor);
  const query = tx
    .select()
    .from(outreachRecords)
    .where(and(eq(outreachRecords.id, id), eq(outreachRecords.tenantId, context.actor.tenantId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('アウトリーチの記録');
  return row;
}

export function requireOpen(record: RecordRow): void {
  if (!OPEN_STAGES.includes(record.stage)) {
    throw conflict(
      'OUTREACH_RECORD_CLOSED',
      record.stage === 'consented'
        ? 'この記録は、本人の同意を得て相談につないだため閉じています。これからの経過は相談・事例に記録してください。'
        : 'この記録は終了しています。新しい情報があれば、気になる人・世帯の報告として受け付けてください。',
    );
  }
}

const higherRisk = (a: Risk, b: Risk): Risk => (RISKS.indexOf(a) <= RISKS.indexOf(b) ? a : b);

async function requireTenantRow(
  tx: Database,
  context: ActorContext,
  table: typeof areas | typeof watchPartners,
  id: string,
  what: string,
) {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.tenantId, context.actor.tenantId)));
  if (!row) throw notFound(what);
}

/**
 * 気になる人・世帯の報告: anyone at the front line may take one (from a 民生委員's call, a
 * watch partner's fax…). It starts a record for the outreach team, or, from the team, adds to one.
 */
export async function fileReport(db: Database, context: ActorContext, input: ReportInput) {
  requirePermission(context.actor, 'outreach.report');
  const organisationId = requireOrganisation(context.actor);
  noFutureDate(input.receivedOn, '受けた日');
  return db.transaction(async (tx) => {
    if (input.partnerId) await requireTenantRow(tx, context, watchPartners, input.partnerId, '見守り協定先');
    if (input.areaId) await requireTenantRow(tx, context, areas, input.areaId, '地区');
    let recordId = input.recordId;
    if (recordId) {
      const record = await loadRecord(tx, context, recordId, true);
      requireOpen(record);
      await tx
        .update(outreachRecords)
        .set({ risk: higherRisk(record.risk, input.risk) })
        .where(eq(outreachRecords.id, recordId));
    } else {
      const label = input.label ?? `${input.location ?? '場所未確認'}の気になる人・世帯`;
      const [record] = await tx
        .insert(outreachRecords)
        .values({
          tenantId: context.actor.tenantId,
          label,
          location: input.location,
          areaId: input.areaId,
          risk: input.risk,
          stageSince: input.receivedOn,
          openedOn: input.receivedOn,
          createdByUserId: context.actor.userId,
        })
        .returning({ id: outreachRecords.id });
      if (!record) throw new Error('insert returned nothing');
      recordId = record.id;
      await tx.insert(outreachStageChanges).values({
        tenantId: context.actor.tenantId,
        recordId,
        fromStage: null,
        toStage: 'not_contacted',
        changedOn: input.receivedOn,
        byUserId: context.actor.userId,
      });
    }
    const [report] = await tx
      .insert(concernReports)
      .values({
        tenantId: context.actor.tenantId,
        recordId,
        receivedOn: input.receivedOn,
        reporterKind: input.reporterKind,
        partnerId: input.partnerId,
        reporterName: input.reporterName,
        location: input.location,
        observed: input.observed,
        peopleConcerned: input.peopleConcerned,
        risk: input.risk,
        enteredByUserId: context.actor.userId,
        enteredByOrganisationId: organisationId,
      })
      .returning({ id: concernReports.id });
    await recordAudit(tx, context, {
      action: 'outreach.report',
      targetType: 'outreach_record',
      targetId: recordId,
      detail: { risk: input.risk, reporterKind: input.reporterKind },
    });
    // The reporter outside the team learns only that it was received.
    return { reportId: report?.id ?? '', recordId: isOutreachTeam(context.actor) ? recordId : null };
  });
}

type SummaryRow = {
  id: string;
  label: string;
  location: string | null;
  area_name: string | null;
  risk: Risk;
  stage: RecordRow['stage'];
  stage_since: string;
  opened_on: string;
  last_contact_on: string | null;
  next_contact_on: string | null;
  stale: boolean;
};

/**
 * Records with their last contact, next planned contact and staleness, as the lists show them.
 * The next planned contact is the newest plan that no later contact has answered (information
 * gathering in between does not cancel it).
 */
export async function selectSummaries(
  tx: Database,
  context: ActorContext,
  where: SQL,
  staleDays?: number,
  limit = 300,
) {
  const staleBefore = addDays(today(), -(staleDays ?? (await staleDaysOf(tx, context.actor.tenantId))));
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`select r.id, r.label, r.location, a.name as area_name, r.risk, r.stage,
          r.stage_since::text, r.opened_on::text, last.last_contact_on::text, nxt.next_contact_on::text,
          (r.stage in ${OPEN_STAGES} and coalesce(last.last_contact_on, r.opened_on) < ${staleBefore}::date) as stale
        from outreach_records r
        left join areas a on a.id = r.area_id
        left join lateral (select max(x.happened_on) as last_contact_on from outreach_activities x
          where x.record_id = r.id and x.kind = 'contact') last on true
        left join lateral (select x.next_contact_on from outreach_activities x
          where x.record_id = r.id and x.next_contact_on is not null
            and not exists (select 1 from outreach_activities y where y.record_id = r.id
                            and y.kind = 'contact' and y.created_at > x.created_at)
          order by x.happened_on desc, x.created_at desc limit 1) nxt on true
        where r.tenant_id = ${context.actor.tenantId} and ${where}
        order by (r.risk = 'life') desc, coalesce(last.last_contact_on, r.opened_on) asc
        limit ${limit}`,
  );
  const ids = rows.map((r) => r.id);
  const assignees = ids.length
    ? await tx
        .select({
          recordId: outreachAssignees.recordId,
          userId: users.id,
          name: users.displayName,
          organisationName: organisations.name,
        })
        .from(outreachAssignees)
        .innerJoin(users, eq(users.id, outreachAssignees.userId))
        .innerJoin(organisations, eq(organisations.id, outreachAssignees.organisationId))
        .where(inArray(outreachAssignees.recordId, ids))
        .orderBy(asc(outreachAssignees.createdAt))
    : [];
  return rows.map(
    (r): RecordSummary => ({
      id: r.id,
      label: r.label,
      location: r.location,
      areaName: r.area_name,
      risk: r.risk,
      stage: r.stage,
      stageSince: r.stage_since,
      openedOn: r.opened_on,
      lastContactOn: r.last_contact_on,
      nextContactOn: r.next_contact_on,
      stale: r.stale,
      assignees: assignees
        .filter((a) => a.recordId === r.id)
        .map(({ userId, name, organisationName }) => ({ userId, name, organisationName })),
    }),
  );
}

const VIEWS = {
  open: () => sql`r.stage in ${OPEN_STAGES}`,
  closed: () => sql`r.stage not in ${OPEN_STAGES}`,
  mine: (userId: string) =>
    sql`r.stage in ${OPEN_STAGES} and exists (select 1 from outreach_assignees x where x.record_id = r.id and x.user_id = ${userId})`,
  stale: () => sql`r.stage in ${OPEN_STAGES}`,
};

export async function listRecords(db: Database, context: ActorContext, view: keyof typeof VIEWS) {
  requireOutreachTeam(context.actor);
  return db.transaction(async (tx) => {
    const staleDays = await staleDaysOf(tx, context.actor.tenantId);
    let records = await selectSummaries(tx, context, VIEWS[view](context.actor.userId), staleDays);
    if (view === 'stale') records = records.filter((r) => r.stale);
    await recordAudit(tx, context, {
      action: 'outreach.list',
      detail: { view, count: records.length, ids: records.map((r) => r.id) },
    });
    return { records, staleDays };
  });
}

export async function getRecord(db: Database, context: ActorContext, id: string): Promise<OutreachRecord> {
  return db.transaction(async (tx) => {
    const row = await loadRecord(tx, context, id);
    const [summary] = await selectSummaries(tx, context, sql`r.id = ${id}`);
    if (!summary) throw notFound('アウトリーチの記録');
    const details = await recordDetails(tx, [id]);
    const [person] = row.personId
      ? await tx
          .select({ familyName: persons.familyName, givenName: persons.givenName })
          .from(persons)
          .where(eq(persons.id, row.personId))
      : [];
    await recordAudit(tx, context, { action: 'outreach.read', targetType: 'outreach_record', targetId: id });
    return {
      ...summary,
      areaId: row.areaId,
      version: row.version,
      endReason: row.endReason,
      consultationId: row.consultationId,
      householdId: row.householdId,
      personName: person ? personName(person) : null,
      ...details(id),
      moves: [...STAGE_MOVES[row.stage]],
      canConvert: STAGES_TO_CONVERT.includes(row.stage),
    };
  });
}

/** Label, place, risk, and who works with them. Assignees must work in the outreach team. */
export async function updateRecord(db: Database, context: ActorContext, id: string, input: RecordUpdate) {
  await db.transaction(async (tx) => {
    const record = await loadRecord(tx, context, id, true);
    requireOpen(record);
    if (input.areaId) await requireTenantRow(tx, context, areas, input.areaId, '地区');
    const { assigneeIds, version, ...fields } = input;
    await requireVersion(tx, outreachRecords, id, version);
    // Always an update of the record's row, so that its version moves with the assignees too.
    await tx
      .update(outreachRecords)
      .set(Object.keys(fields).length ? fields : { updatedAt: now() })
      .where(eq(outreachRecords.id, id));
    if (assigneeIds) {
      const staff = assigneeIds.length
        ? await tx
            .select({ userId: memberships.userId, organisationId: memberships.organisationId })
            .from(memberships)
            .where(
              and(
                eq(memberships.tenantId, context.actor.tenantId),
                inArray(memberships.userId, assigneeIds),
                inArray(memberships.role, ['outreach_worker', 'coordinator']),
              ),
            )
            .orderBy(desc(memberships.role))
        : [];
      const missing = assigneeIds.filter((u) => !staff.some((s) => s.userId === u));
      if (missing.length) {
        throw conflict(
          'NOT_OUTREACH_STAFF',
          '担当にできるのは、アウトリーチ支援員かコーディネーターの職員です。',
        );
      }
      await tx.delete(outreachAssignees).where(eq(outreachAssignees.recordId, id));
      for (const userId of assigneeIds) {
        const organisationId = staff.find((s) => s.userId === userId)?.organisationId;
        if (organisationId) {
          await tx
            .insert(outreachAssignees)
            .values({ tenantId: context.actor.tenantId, recordId: id, userId, organisationId });
        }
      }
    }
    await recordAudit(tx, context, {
      action: 'outreach.update',
      targetType: 'outreach_record',
      targetId: id,
      detail: { fields: Object.keys(input) },
    });
  });
  return getRecord(db, context, id);
}

/** What the reporter may know: each report they entered was received, is followed up, or is done. */
export async function myReports(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'outreach.report');
  const rows = await db
    .select({
      id: concernReports.id,
      receivedOn: concernReports.receivedOn,
      reporterKind: concernReports.reporterKind,
      stage: outreachRecords.stage,
    })
    .from(concernReports)
    .innerJoin(outreachRecords, eq(outreachRecords.id, concernReports.recordId))
    .where(and(eq(concernReports.tenantId, context.actor.tenantId), reportsEnteredBy(context.actor)))
    .orderBy(desc(concernReports.receivedOn), desc(concernReports.createdAt))
    .limit(100);
  return {
    reports: rows.map((r) => ({
      id: r.id,
      receivedOn: r.receivedOn,
      reporterKind: r.reporterKind,
      followUp:
        r.stage === 'not_contacted'
          ? ('received' as const)
          : OPEN_STAGES.includes(r.stage)
            ? ('following_up' as const)
            : ('done' as const),
    })),
  };
}

/** Who may be assigned: the outreach workers and coordinators of the municipality. */
export async function outreachStaff(db: Database, context: ActorContext) {
  requireOutreachTeam(context.actor);
  const staff = await staffWithRoles(db, context.actor.tenantId, ['outreach_worker', 'coordinator']);
  return { staff: staff.map(({ id, name, organisation }) => ({ id, name, organisation })) };
}
