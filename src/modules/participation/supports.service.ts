import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, badRequest } from '../../server/errors';
import { personName } from '../../shared/names';
import { can, requireOrganisation, requirePermission } from '../access/access.policy';
import { participationAccess } from '../access/participation-scope';
import { requireVisible, requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { personGroupIds } from '../people/people-merge.service';
import type { NeedsUpdate, OpenSupport, SupportSummary } from './participation.schemas';
import { participationSupports } from './participation.tables';
import { requireParticipationStaff } from './participation-staff';
import { loadSupport, requireOpenSupport } from './support-access';
import { presentSupport } from './support-presenter';

/** The source the support is opened from must be about the person (and visible to the actor). */
async function requireSource(tx: Database, context: ActorContext, input: OpenSupport) {
  const { actor } = context;
  let about: boolean;
  if (input.caseId) {
    await requireVisible(tx, actor, 'case', input.caseId);
    const rows = await queryRows<{ ok: boolean }>(
      tx,
      sql`select (${input.personId}::uuid = any(c.concerned_person_ids)
                 or exists (select 1 from household_members m
                            where m.household_id = c.household_id and m.person_id = ${input.personId})) as ok
          from cases c where c.id = ${input.caseId}`,
    );
    about = rows[0]?.ok === true;
  } else if (input.consultationId) {
    await requireVisible(tx, actor, 'consultation', input.consultationId);
    const rows = await queryRows<{ ok: boolean }>(
      tx,
      sql`select person_id = ${input.personId} as ok from consultations where id = ${input.consultationId}`,
    );
    about = rows[0]?.ok === true;
  } else {
    await requireVisibleIfGiven(tx, actor, 'outreachRecord', input.outreachRecordId);
    const rows = await queryRows<{ ok: boolean }>(
      tx,
      sql`select person_id = ${input.personId} as ok from outreach_records where id = ${input.outreachRecordId ?? null}`,
    );
    about = rows[0]?.ok === true;
  }
  if (!about)
    throw badRequest(
      'PERSON_NOT_IN_SOURCE',
      'この方は、選んだ事例・相談・アウトリーチの記録の対象ではありません。',
    );
}

/** 参加支援を始める: one open support per person; the actor is its 担当. */
export async function openSupport(db: Database, context: ActorContext, input: OpenSupport) {
  requirePermission(context.actor, 'case_content.write');
  const organisationId = requireOrganisation(context.actor);
  const id = await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'person', input.personId);
    await requireSource(tx, context, input);
    await requireVisibleIfGiven(tx, context.actor, 'area', input.areaId);
    const coordinatorUserId = input.coordinatorUserId ?? context.actor.userId;
    await requireParticipationStaff(tx, context, coordinatorUserId);
    const group = await personGroupIds(tx, input.personId);
    const [open] = await tx
      .select({ id: participationSupports.id })
      .from(participationSupports)
      .where(and(inArray(participationSupports.personId, group), isNull(participationSupports.closedOn)))
      .for('update');
    if (open)
      throw new AppError(
        409,
        'PARTICIPATION_ALREADY_OPEN',
        'この方の参加支援はすでに始まっています。その記録に続けて記録してください。',
        { supportId: open.id },
      );
    const [row] = await tx
      .insert(participationSupports)
      .values({
        ...input,
        caseId: input.caseId ?? null,
        consultationId: input.consultationId ?? null,
        outreachRecordId: input.outreachRecordId ?? null,
        tenantId: context.actor.tenantId,
        organisationId,
        coordinatorUserId,
      })
      .returning({ id: participationSupports.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, {
      action: 'participation.open',
      targetType: 'participation_support',
      targetId: row.id,
      detail: { personId: input.personId },
    });
    return row.id;
  });
  return getSupport(db, context, id);
}

export async function getSupport(db: Database, context: ActorContext, id: string) {
  return readTransaction(db, async (tx) => {
    const row = await loadSupport(tx, context, id, 'read');
    const support = await presentSupport(tx, row, can(context.actor, 'case_content.write'));
    await recordAudit(tx, context, {
      action: 'participation.read',
      targetType: 'participation_support',
      targetId: id,
      detail: { personId: row.personId },
    });
    return support;
  });
}

/** Wishes and conditions: only what is sent changes; an edit of an older version is refused. */
export async function updateNeeds(db: Database, context: ActorContext, id: string, input: NeedsUpdate) {
  await db.transaction(async (tx) => {
    requireOpenSupport(await loadSupport(tx, context, id, 'write'));
    const { version, ...changes } = input;
    await requireVersion(tx, participationSupports, id, version);
    await requireVisibleIfGiven(tx, context.actor, 'area', changes.areaId);
    if (Object.keys(changes).length > 0)
      await tx.update(participationSupports).set(changes).where(eq(participationSupports.id, id));
    await recordAudit(tx, context, {
      action: 'participation.update',
      targetType: 'participation_support',
      targetId: id,
      detail: { fields: Object.keys(changes) },
    });
  });
  return getSupport(db, context, id);
}

export async function closeSupport(
  db: Database,
  context: ActorContext,
  id: string,
  input: { closedOn: string; version: number },
) {
  await db.transaction(async (tx) => {
    const row = await loadSupport(tx, context, id, 'write');
    await requireVersion(tx, participationSupports, id, input.version);
    if (row.closedOn) throw new AppError(409, 'ALREADY_CLOSED', 'この参加支援はすでに終了しています。');
    if (input.closedOn < row.openedOn)
      throw badRequest('BEFORE_OPENED', '終了日は開始日より後の日付にしてください。');
    const [open] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from placements where support_id = ${id} and stage in ('proposed','visited','trial','started')`,
    );
    if ((open?.n ?? 0) > 0)
      throw new AppError(
        409,
        'PLACEMENTS_STILL_OPEN',
        '続いている参加先があります。先にそれぞれの参加先を「終了」か「中断」にしてください。',
      );
    await tx
      .update(participationSupports)
      .set({ closedOn: input.closedOn })
      .where(eq(participationSupports.id, id));
    await recordAudit(tx, context, {
      action: 'participation.update',
      targetType: 'participation_support',
      targetId: id,
      detail: { closedOn: input.closedOn },
    });
  });
  return getSupport(db, context, id);
}

/** Supports the actor may see: their own (担当), or those of a person or a case. */
export async function listSupports(
  db: Database,
  context: ActorContext,
  filter: { personId?: string; caseId?: string; view: 'mine' | 'all' },
): Promise<{ supports: SupportSummary[] }> {
  requirePermission(context.actor, 'case_content.read');
  return readTransaction(db, async (tx) => {
    const { actor } = context;
    let scope = sql`s.coordinator_user_id = ${actor.userId}`;
    if (filter.personId) {
      await requireVisible(tx, actor, 'person', filter.personId);
      const group = await personGroupIds(tx, filter.personId);
      scope = sql`s.person_id = any(${`{${group.join(',')}}`}::uuid[])`;
    } else if (filter.caseId) {
      await requireVisible(tx, actor, 'case', filter.caseId);
      scope = sql`s.case_id = ${filter.caseId}`;
    } else if (filter.view === 'all') {
      scope = sql`true`;
    }
    const rows = await queryRows<{
      id: string;
      person_id: string;
      family_name: string;
      given_name: string | null;
      case_id: string | null;
      coordinator: string;
      coordinator_user_id: string;
      opened_on: string;
      closed_on: string | null;
      wishes: SupportSummary['wishes'];
      placements: SupportSummary['placements'] | null;
    }>(
      tx,
      sql`select s.id, s.person_id, p.family_name, p.given_name, s.case_id, u.display_name as coordinator,
                 s.coordinator_user_id, s.opened_on::text, s.closed_on::text, s.wishes,
                 (select json_agg(json_build_object('resourceName', r.name, 'stage', pl.stage) order by pl.proposed_on)
                    from placements pl join resources r on r.id = pl.resource_id where pl.support_id = s.id) as placements
            from participation_supports s
            join persons p on p.id = s.person_id
            join users u on u.id = s.coordinator_user_id
           where s.tenant_id = ${actor.tenantId} and ${scope} and ${participationAccess(actor, 's')}
           order by s.closed_on is not null, s.opened_on desc
           limit 500`,
    );
    await recordAudit(tx, context, {
      action: 'participation.list',
      detail: { ids: rows.map((r) => r.id), personIds: rows.map((r) => r.person_id) },
    });
    return {
      supports: rows.map((r) => ({
        id: r.id,
        personId: r.person_id,
        personName: personName({ familyName: r.family_name, givenName: r.given_name }),
        caseId: r.case_id,
        coordinatorName: r.coordinator,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        wishes: r.wishes,
        placements: r.placements ?? [],
        mine: r.coordinator_user_id === actor.userId,
      })),
    };
  });
}
