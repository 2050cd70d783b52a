import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { arrayLiteral } from '../../db/sql-helpers';
import { now } from '../../server/clock';
import { AppError, badRequest, conflict, notFound } from '../../server/errors';
import { can } from '../access/access.policy';
import { consentInForce } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import {
  type CaseRow,
  currentTeamOrganisations,
  loadCase,
  requireStatus,
  requireTenantOrganisation,
  requireWorkerOf,
  today,
} from './case-common';
import { ACTIVE_STATUSES } from './case-state';
import type { LeadInput, TeamMemberInput } from './cases.schemas';
import { caseEvents, cases, caseTeamMembers } from './cases.tables';

const TEAM_CHANGE_STATUSES = [...ACTIVE_STATUSES, 'suspended' as const];

async function teamEvent(
  tx: Database,
  context: ActorContext,
  row: CaseRow,
  kind: 'team_joined' | 'team_left' | 'lead_changed',
  note: string,
) {
  await tx.insert(caseEvents).values({
    tenantId: row.tenantId,
    caseId: row.id,
    kind,
    note,
    at: now(),
    byUserId: context.actor.userId,
    byOrganisationId: context.actor.organisationId,
  });
  await recordAudit(tx, context, {
    action: 'case.team',
    targetType: 'case',
    targetId: row.id,
    detail: { kind },
  });
}

/** Only the lead organisation and coordinators shape the team: a member cannot widen it. */
function requireTeamSteward(context: ActorContext, row: CaseRow) {
  if (can(context.actor, 'cases.coordinate')) return;
  if (context.actor.organisationId && context.actor.organisationId === row.leadOrganisationId) return;
  throw new AppError(
    403,
    'NOT_TEAM_STEWARD',
    'チームと主担当を変えられるのは、主担当の機関とコーディネーターです。',
  );
}

/**
 * A new organisation joins only when every concerned person's consent in force covers it
 * (consent to named organisations covers those only); otherwise the case is shared with it
 * only at a 支援会議 (法第106条の6).
 */
async function requireConsentCovering(tx: Database, row: CaseRow, organisationId: string) {
  const [uncovered] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from unnest(${arrayLiteral(row.concernedPersonIds)}::uuid[]) as cp(id)
        where not ${consentInForce(sql`cp.id`, organisationId, today())}`,
  );
  if (row.concernedPersonIds.length === 0 || (uncovered?.n ?? 0) > 0) {
    throw conflict(
      'CONSENT_REQUIRED_FOR_TEAM',
      '本人・世帯の同意がこの機関への共有を含んでいないため、チームに加えられません。同意を得るか、支援会議（法第106条の6）で検討してください。',
    );
  }
}

export async function addTeamMember(db: Database, context: ActorContext, id: string, input: TeamMemberInput) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireTeamSteward(context, row);
    requireStatus(row, TEAM_CHANGE_STATUSES, 'チームを変更');
    const organisation = await requireTenantOrganisation(tx, context, input.organisationId);
    await requireConsentCovering(tx, row, input.organisationId);
    await requireWorkerOf(tx, input.organisationId, input.userId);
    if ((await currentTeamOrganisations(tx, id)).has(input.organisationId)) {
      throw conflict('ALREADY_ON_TEAM', `${organisation.name}はすでにチームに入っています。`);
    }
    await tx.insert(caseTeamMembers).values({
      tenantId: row.tenantId,
      caseId: id,
      organisationId: input.organisationId,
      userId: input.userId,
      role: input.role,
      joinedOn: today(),
      addedByUserId: context.actor.userId,
    });
    await teamEvent(tx, context, row, 'team_joined', `${organisation.name}（${input.role}）`);
  });
}

export async function leaveTeam(
  db: Database,
  context: ActorContext,
  id: string,
  memberId: string,
  note: string,
) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireTeamSteward(context, row);
    requireStatus(row, TEAM_CHANGE_STATUSES, 'チームを変更');
    const [member] = await tx
      .select()
      .from(caseTeamMembers)
      .where(
        and(eq(caseTeamMembers.id, memberId), eq(caseTeamMembers.caseId, id), isNull(caseTeamMembers.leftOn)),
      );
    if (!member) throw notFound('チームの機関');
    if (member.organisationId === row.leadOrganisationId) {
      throw conflict(
        'LEAD_CANNOT_LEAVE',
        '主担当の機関はチームから外せません。先に主担当を交代してください。',
      );
    }
    await tx.update(caseTeamMembers).set({ leftOn: today() }).where(eq(caseTeamMembers.id, memberId));
    const organisation = await requireTenantOrganisation(tx, context, member.organisationId).catch(
      () => null,
    );
    await teamEvent(tx, context, row, 'team_left', `${organisation?.name ?? '機関'}：${note}`);
  });
}

/** 主担当: the lead organisation (on the team) and, when named, its worker. */
export async function changeLead(db: Database, context: ActorContext, id: string, input: LeadInput) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireTeamSteward(context, row);
    requireStatus(row, TEAM_CHANGE_STATUSES, '主担当を変更');
    const organisation = await requireTenantOrganisation(tx, context, input.organisationId);
    if (!(await currentTeamOrganisations(tx, id)).has(input.organisationId)) {
      throw badRequest('NOT_ON_TEAM', '主担当は、チームに入っている機関から選んでください。');
    }
    if (organisation.external) {
      throw conflict(
        'EXTERNAL_CANNOT_LEAD',
        `${organisation.name}は外部の関係機関（ログインしない機関）のため、主担当にはなれません。`,
      );
    }
    await requireWorkerOf(tx, input.organisationId, input.userId);
    await tx
      .update(cases)
      .set({ leadOrganisationId: input.organisationId, leadUserId: input.userId, updatedAt: now() })
      .where(eq(cases.id, id));
    await teamEvent(tx, context, row, 'lead_changed', `主担当：${organisation.name}`);
  });
}
