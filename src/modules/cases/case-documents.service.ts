import { asc, eq, max, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { prepared } from '../../db/prepared';
import { now } from '../../server/clock';
import { AppError, badRequest, notFound } from '../../server/errors';
import { ageDescription } from '../../shared/dates';
import { personName } from '../../shared/names';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { householdMembers } from '../households/households.tables';
import { organisations } from '../organisations/organisations.tables';
import { personColumns, persons } from '../people/people.tables';
import { users } from '../users/users.tables';
import {
  type CaseRow,
  changeStatus,
  currentTeamOrganisations,
  latestPlan,
  loadCase,
  noFutureDate,
  planInForce,
  requireStatus,
  requireWorkerOf,
} from './case-common';
import type { AssessmentContent, AssessmentInput, CompositionEntry } from './case-content';
import { assessmentChanges, planChanges } from './case-diff';
import { caseIdParam } from './case-timeline';
import type {
  AssessmentVersion,
  EvaluationInput,
  PlanConsent,
  PlanInput,
  PlanVersion,
} from './cases.schemas';
import { caseActions, caseAssessments, caseDecisions, caseEvaluations, casePlans } from './cases.tables';

const author = {
  organisationName: organisations.name,
  userName: users.displayName,
};

// ---- assessment (アセスメントシート) ----

async function householdComposition(tx: Database, householdId: string): Promise<CompositionEntry[]> {
  const rows = await tx
    .select({ person: personColumns, relation: householdMembers.relation })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.createdAt));
  return rows.map((r) => ({
    personId: r.person.id,
    name: personName(r.person),
    relationship: r.relation,
    age: r.person.isDeceased ? '故人' : ageDescription(r.person, now()),
  }));
}

const selectAssessments = (tx: Database, caseId: string) =>
  prepared(tx, 'case_assessments', (d) =>
    d
      .select({ row: caseAssessments, ...author })
      .from(caseAssessments)
      .leftJoin(organisations, eq(organisations.id, caseAssessments.createdByOrganisationId))
      .leftJoin(users, eq(users.id, caseAssessments.createdByUserId))
      .where(eq(caseAssessments.caseId, caseIdParam))
      .orderBy(asc(caseAssessments.version))
      .prepare('case_assessments'),
  ).execute({ caseId });

function presentAssessments(rows: Awaited<ReturnType<typeof selectAssessments>>): AssessmentVersion[] {
  return rows.map((r, index) => {
    const content = r.row.content;
    const nameOf = (id: string) => content.composition.find((c) => c.personId === id)?.name ?? '（世帯員）';
    return {
      id: r.row.id,
      version: r.row.version,
      createdAt: r.row.createdAt.toISOString(),
      organisationName: r.organisationName,
      userName: r.userName,
      content,
      changes: assessmentChanges(rows[index - 1]?.row.content ?? null, content, nameOf),
    };
  });
}

export async function assessmentVersions(tx: Database, caseId: string) {
  return presentAssessments(await selectAssessments(tx, caseId));
}

export async function createAssessment(
  db: Database,
  context: ActorContext,
  id: string,
  input: AssessmentInput,
) {
  return db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(
      row,
      ['assessment', 'planning', 'awaiting_decision', 'supporting', 'evaluating', 'suspended'],
      'アセスメントを記録',
    );
    const composition = await householdComposition(tx, row.householdId);
    if (input.members.some((m) => !composition.some((c) => c.personId === m.personId))) {
      throw badRequest('NOT_A_MEMBER', 'アセスメントの対象は、世帯の構成員から選んでください。');
    }
    const [last] = await tx
      .select({ version: max(caseAssessments.version) })
      .from(caseAssessments)
      .where(eq(caseAssessments.caseId, id));
    const content: AssessmentContent = { ...input, composition };
    const version = (last?.version ?? 0) + 1;
    await tx.insert(caseAssessments).values({
      tenantId: row.tenantId,
      caseId: id,
      version,
      content,
      createdByUserId: context.actor.userId,
      createdByOrganisationId: context.actor.organisationId,
      createdAt: now(),
    });
    await recordAudit(tx, context, {
      action: 'case.assessment',
      targetType: 'case',
      targetId: id,
      detail: { version },
    });
    return { version };
  });
}

/** Every version of a document with what changed in each; reading them is audited. */
async function auditedVersions<T>(
  db: Database,
  context: ActorContext,
  id: string,
  part: 'assessments' | 'plans',
  load: (tx: Database, caseId: string) => Promise<T[]>,
): Promise<T[]> {
  return db.transaction(async (tx) => {
    await loadCase(tx, context, id, 'read');
    const versions = await load(tx, id);
    await recordAudit(tx, context, {
      action: 'case.read',
      targetType: 'case',
      targetId: id,
      detail: { part },
    });
    return versions;
  });
}

export const listAssessments = (db: Database, context: ActorContext, id: string) =>
  auditedVersions(db, context, id, 'assessments', assessmentVersions);

// ---- plan (重層的支援プラン) ----

const selectPlans = (tx: Database, caseId: string) =>
  prepared(tx, 'case_plans', (d) =>
    d
      .select({
        row: casePlans,
        ...author,
        approvedOn: caseDecisions.decidedOn,
        approvedBy: caseDecisions.decidingBody,
        // the names of the organisations its actions are given to, read with it
        actionOrganisations: sql<Record<string, string> | null>`(
          select json_object_agg(o.id, o.name) from ${organisations} o
           where o.id::text in (select a->>'organisationId' from jsonb_array_elements(${casePlans.content}->'actions') a))`,
      })
      .from(casePlans)
      .leftJoin(organisations, eq(organisations.id, casePlans.createdByOrganisationId))
      .leftJoin(users, eq(users.id, casePlans.createdByUserId))
      .leftJoin(caseDecisions, eq(caseDecisions.id, casePlans.approvedDecisionId))
      .where(eq(casePlans.caseId, caseIdParam))
      .orderBy(asc(casePlans.version))
      .prepare('case_plans'),
  ).execute({ caseId });

export async function planVersions(tx: Database, caseId: string): Promise<PlanVersion[]> {
  const rows = await selectPlans(tx, caseId);
  const names = new Map(rows.flatMap((r) => Object.entries(r.actionOrganisations ?? {})));
  const orgName = (orgId: string) => names.get(orgId) ?? '機関';
  return rows.map((r, index) => {
    const previous = rows[index - 1]?.row;
    return {
      id: r.row.id,
      version: r.row.version,
      createdAt: r.row.createdAt.toISOString(),
      organisationName: r.organisationName,
      userName: r.userName,
      content: r.row.content,
      reviewOn: r.row.reviewOn,
      consentOn: r.row.consentOn,
      consentMethod: r.row.consentMethod,
      approvedOn: r.approvedOn,
      approvedBy: r.approvedBy,
      changes: planChanges(previous ?? null, r.row, orgName),
    };
  });
}

async function checkActionAssignments(tx: Database, row: CaseRow, input: PlanInput) {
  const team = await currentTeamOrganisations(tx, row.id);
  for (const action of input.content.actions) {
    if (!team.has(action.organisationId)) {
      throw badRequest(
        'NOT_ON_TEAM',
        `「${action.text}」の担当機関がチームに入っていません。先にチームに加えてください。`,
      );
    }
    await requireWorkerOf(
      tx,
      action.organisationId,
      action.userId,
      `「${action.text}」の担当者は、担当機関の職員から選んでください。`,
    );
  }
}

export async function createPlan(db: Database, context: ActorContext, id: string, input: PlanInput) {
  return db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(row, ['planning'], '支援プランを作成');
    await checkActionAssignments(tx, row, input);
    if (input.consentOn) noFutureDate(input.consentOn, 'プランへの同意日');
    if ((input.consentOn === null) !== (input.consentMethod === null)) {
      throw badRequest(
        'CONSENT_INCOMPLETE',
        'プランへの同意は、日付と方法（書面・口頭）を両方入力してください。',
      );
    }
    const [last] = await tx
      .select({ version: max(casePlans.version) })
      .from(casePlans)
      .where(eq(casePlans.caseId, id));
    const version = (last?.version ?? 0) + 1;
    const [plan] = await tx
      .insert(casePlans)
      .values({
        tenantId: row.tenantId,
        caseId: id,
        version,
        content: input.content,
        reviewOn: input.reviewOn,
        consentOn: input.consentOn,
        consentMethod: input.consentMethod,
        createdByUserId: context.actor.userId,
        createdByOrganisationId: context.actor.organisationId,
        createdAt: now(),
      })
      .returning({ id: casePlans.id });
    if (!plan) throw new Error('insert returned nothing');
    await tx.insert(caseActions).values(
      input.content.actions.map((action) => ({
        tenantId: row.tenantId,
        caseId: id,
        planId: plan.id,
        actionKey: action.key,
        organisationId: action.organisationId,
        userId: action.userId,
        text: action.text,
        until: action.until,
      })),
    );
    await recordAudit(tx, context, {
      action: 'case.plan',
      targetType: 'case',
      targetId: id,
      detail: { version },
    });
    return { version };
  });
}

/** The person's (or household's) agreement to the latest plan version, before approval. */
export async function recordPlanConsent(
  db: Database,
  context: ActorContext,
  id: string,
  planId: string,
  input: PlanConsent,
) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(row, ['planning', 'awaiting_decision'], 'プランへの同意を記録');
    noFutureDate(input.consentOn, 'プランへの同意日');
    const latest = await latestPlan(tx, id);
    if (!latest || latest.id !== planId) throw notFound('最新版の支援プラン');
    if (latest.approvedDecisionId) {
      throw new AppError(
        409,
        'PLAN_APPROVED',
        '承認済みのプランです。見直すときは新しい版を作成してください。',
      );
    }
    await tx.update(casePlans).set(input).where(eq(casePlans.id, planId));
    await recordAudit(tx, context, {
      action: 'case.plan',
      targetType: 'case',
      targetId: id,
      detail: { version: latest.version, consent: input.consentMethod },
    });
  });
}

export const listPlans = (db: Database, context: ActorContext, id: string) =>
  auditedVersions(db, context, id, 'plans', planVersions);

// ---- evaluation (評価シート) ----

export async function createEvaluation(
  db: Database,
  context: ActorContext,
  id: string,
  input: EvaluationInput,
) {
  await db.transaction(async (tx) => {
    const row = await loadCase(tx, context, id, 'write');
    requireStatus(row, ['supporting', 'evaluating'], '評価を記録');
    noFutureDate(input.evaluatedOn, '評価日');
    const plan = await planInForce(tx, id);
    if (!plan) throw new AppError(409, 'PLAN_REQUIRED', '承認された支援プランがないため、評価できません。');
    const goalKeys = plan.content.goals.map((g) => g.key);
    const evaluated = input.goals.map((g) => g.goalKey);
    if (evaluated.some((k) => !goalKeys.includes(k)) || goalKeys.some((k) => !evaluated.includes(k))) {
      throw badRequest('GOALS_MISMATCH', 'プランのすべての目標について、評価を一つずつ入力してください。');
    }
    await tx.insert(caseEvaluations).values({
      tenantId: row.tenantId,
      caseId: id,
      planId: plan.id,
      evaluatedOn: input.evaluatedOn,
      goals: input.goals,
      overall: input.overall,
      nextStep: input.nextStep,
      createdByUserId: context.actor.userId,
      createdByOrganisationId: context.actor.organisationId,
      createdAt: now(),
    });
    let current = row;
    if (row.status === 'supporting') current = await changeStatus(tx, context, row, 'evaluating');
    if (input.nextStep === 'continue') {
      await changeStatus(tx, context, current, 'supporting', {
        note: '評価の結果、支援を継続',
        fields: { nextReviewOn: input.nextReviewOn },
      });
    }
    await recordAudit(tx, context, {
      action: 'case.evaluation',
      targetType: 'case',
      targetId: id,
      detail: { nextStep: input.nextStep },
    });
  });
}
