import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { prepared } from '../../db/prepared';
import { now } from '../../server/clock';
import { AppError, badRequest, notFound, RecordNotVisible } from '../../server/errors';
import { CASE_STATUS_LABELS, type CaseStatus, type DecisionKind } from '../../shared/case-vocabulary';
import { formatWestern } from '../../shared/dates';
import { requirePermission } from '../access/access.policy';
import { actorAsPlaceholders, caseAccess } from '../access/case-scope';
import type { ActorContext } from '../audit/audit.service';
import { organisations } from '../organisations/organisations.tables';
import { memberships } from '../users/users.tables';
import type { DecisionInput } from './cases.schemas';
import { caseDecisions, caseEvents, casePlans, cases, caseTeamMembers } from './cases.tables';

export type CaseRow = typeof cases.$inferSelect;

/** Today in Japan, as the dates of records are written. */
export const today = () => formatWestern(now());

/**
 * The case, if the actor may see it (the team, or a coordinator); otherwise 404, as for a
 * case that does not exist. For writes the row is locked until the transaction ends.
 */
export async function loadCase(
  tx: Database,
  context: ActorContext,
  id: string,
  mode: 'read' | 'write',
): Promise<CaseRow> {
  requirePermission(context.actor, mode === 'write' ? 'case_content.write' : 'case_content.read');
  // every case page and case write starts here: built once for each shape of access
  const { shape, actor, values } = actorAsPlaceholders(context.actor);
  const name = `load_case_${mode}_${shape}`;
  const [row] = await prepared(tx, name, (d) => {
    const query = d
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.id, sql.placeholder('id')),
          eq(cases.tenantId, sql.placeholder('actorTenantId')),
          caseAccess(actor),
        ),
      );
    return (mode === 'write' ? query.for('update') : query).prepare(name);
  }).execute({ id, ...values });
  if (!row) throw new RecordNotVisible('case', id, '事例');
  return row;
}

export function invalidTransition(from: CaseStatus, to: CaseStatus): AppError {
  return new AppError(
    409,
    'INVALID_TRANSITION',
    `「${CASE_STATUS_LABELS[from]}」の事例を「${CASE_STATUS_LABELS[to]}」にはできません。`,
  );
}

export function requireStatus(row: CaseRow, allowed: CaseStatus[], doing: string): void {
  if (!allowed.includes(row.status)) {
    throw new AppError(
      409,
      'WRONG_CASE_STATUS',
      `「${CASE_STATUS_LABELS[row.status]}」の段階では${doing}できません。`,
    );
  }
}

export async function changeStatus(
  tx: Database,
  context: ActorContext,
  row: CaseRow,
  to: CaseStatus,
  extra: { decisionId?: string; note?: string | null; fields?: Partial<CaseRow> } = {},
): Promise<CaseRow> {
  const at = now();
  const [updated] = await tx
    .update(cases)
    .set({ ...extra.fields, status: to, updatedAt: at })
    .where(eq(cases.id, row.id))
    .returning();
  await tx.insert(caseEvents).values({
    tenantId: row.tenantId,
    caseId: row.id,
    kind: 'status',
    fromStatus: row.status,
    toStatus: to,
    decisionId: extra.decisionId ?? null,
    note: extra.note ?? null,
    at,
    byUserId: context.actor.userId,
    byOrganisationId: context.actor.organisationId,
  });
  if (!updated) throw new Error('case vanished during update');
  return updated;
}

export async function insertDecision(
  tx: Database,
  context: ActorContext,
  row: CaseRow,
  kind: DecisionKind,
  input: DecisionInput,
  extra: Partial<typeof caseDecisions.$inferInsert> = {},
): Promise<string> {
  if (input.decidedOn > today()) {
    throw badRequest('FUTURE_DATE', '決定日に未来の日付は入力できません。');
  }
  const [decision] = await tx
    .insert(caseDecisions)
    .values({
      ...extra,
      tenantId: row.tenantId,
      caseId: row.id,
      kind,
      decidedOn: input.decidedOn,
      decidingBody: input.decidingBody,
      content: input.content,
      createdByUserId: context.actor.userId,
      createdByOrganisationId: context.actor.organisationId,
    })
    .returning({ id: caseDecisions.id });
  if (!decision) throw new Error('insert returned nothing');
  return decision.id;
}

/** Organisations currently on the case team. */
export async function currentTeamOrganisations(tx: Database, caseId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ organisationId: caseTeamMembers.organisationId })
    .from(caseTeamMembers)
    .where(and(eq(caseTeamMembers.caseId, caseId), isNull(caseTeamMembers.leftOn)));
  return new Set(rows.map((r) => r.organisationId));
}

/** A named worker (optional) works at the organisation; the message may name what it is for. */
export async function requireWorkerOf(
  tx: Database,
  organisationId: string,
  userId: string | null | undefined,
  message = '担当者は、その機関に所属する職員から選んでください。',
) {
  if (!userId) return;
  const [membership] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (!membership) throw badRequest('NOT_A_WORKER', message);
}

/** An active organisation of the actor's municipality, or 404. */
export async function requireTenantOrganisation(tx: Database, context: ActorContext, id: string) {
  const [row] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      isActive: organisations.isActive,
      external: organisations.external,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.tenantId, context.actor.tenantId)));
  if (!row) throw notFound('機関');
  if (!row.isActive) throw new AppError(409, 'ORGANISATION_INACTIVE', `${row.name}は現在停止中です。`);
  return row;
}

export function noFutureDate(value: string, label: string): void {
  if (value > today()) throw badRequest('FUTURE_DATE', `${label}に未来の日付は入力できません。`);
}

/** The newest plan version (approved or not). */
export async function latestPlan(tx: Database, caseId: string) {
  const [plan] = await tx
    .select()
    .from(casePlans)
    .where(eq(casePlans.caseId, caseId))
    .orderBy(desc(casePlans.version))
    .limit(1);
  return plan;
}

/** The approved plan the team works to. */
export async function planInForce(tx: Database, caseId: string) {
  const [plan] = await tx
    .select()
    .from(casePlans)
    .where(and(eq(casePlans.caseId, caseId), isNotNull(casePlans.approvedDecisionId)))
    .orderBy(desc(casePlans.version))
    .limit(1);
  return plan;
}
