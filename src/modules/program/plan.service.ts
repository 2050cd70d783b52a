import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, badRequest } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { requireAllVisible, requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { regionalIssues } from '../community/community.tables';
import type { PlanInput, PlanItemInput, PlanItemUpdate, PlanUpdate, PlanYearInput } from './program.schemas';
import { planItemIssues, planItems, planItemYears, programPlans } from './program.tables';
import { requireIndicators } from './targets.service';

// 年度計画 (芦屋's table): projects by heading × the years of the plan, each year with what
// was planned, the progress written that year and its evaluation.

async function currentPlan(tx: Database, tenantId: string) {
  const [plan] = await tx
    .select()
    .from(programPlans)
    .where(eq(programPlans.tenantId, tenantId))
    .orderBy(asc(programPlans.createdAt))
    .limit(1);
  return plan ?? null;
}

async function planView(tx: Database, tenantId: string) {
  const plan = await currentPlan(tx, tenantId);
  if (!plan) return { plan: null, items: [] };
  const items = await tx
    .select()
    .from(planItems)
    .where(and(eq(planItems.tenantId, tenantId), eq(planItems.planId, plan.id)))
    .orderBy(asc(planItems.headingNo), asc(planItems.label), asc(planItems.position));
  const ids = items.map((i) => i.id);
  const years = ids.length
    ? await tx
        .select()
        .from(planItemYears)
        .where(inArray(planItemYears.itemId, ids))
        .orderBy(asc(planItemYears.fiscalYear))
    : [];
  const issues = ids.length
    ? await tx
        .select({
          itemId: planItemIssues.itemId,
          id: regionalIssues.id,
          title: regionalIssues.title,
          status: regionalIssues.status,
        })
        .from(planItemIssues)
        .innerJoin(regionalIssues, eq(regionalIssues.id, planItemIssues.issueId))
        .where(inArray(planItemIssues.itemId, ids))
    : [];
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      firstYear: plan.firstYear,
      lastYear: plan.lastYear,
      version: plan.version,
    },
    items: items.map((i) => ({
      id: i.id,
      headingNo: i.headingNo,
      heading: i.heading,
      label: i.label,
      title: i.title,
      position: i.position,
      indicatorKeys: i.indicatorKeys,
      version: i.version,
      years: years
        .filter((y) => y.itemId === i.id)
        .map((y) => ({
          fiscalYear: y.fiscalYear,
          planned: y.planned,
          progress: y.progress,
          evaluation: y.evaluation,
          version: y.version,
        })),
      issues: issues.filter((x) => x.itemId === i.id).map(({ itemId: _i, ...issue }) => issue),
    })),
  };
}

export async function getPlan(db: Database, context: ActorContext) {
  requirePermission(context.actor, 'aggregates.read');
  return readTransaction(db, async (tx) => {
    const view = await planView(tx, context.actor.tenantId);
    await recordAudit(tx, context, { action: 'program.read', detail: { view: 'plan' } });
    return view;
  });
}

const checkRange = (firstYear: number, lastYear: number) => {
  if (lastYear < firstYear)
    throw badRequest('PLAN_YEARS_REVERSED', '計画の最終年度が初年度より前になっています。');
  if (lastYear - firstYear > 9) throw badRequest('PLAN_TOO_LONG', '計画期間は10年度までです。');
};

const auditPlan = (tx: Database, context: ActorContext, targetType: string, id: string, change: string) =>
  recordAudit(tx, context, { action: 'program.write', targetType, targetId: id, detail: { change } });

export async function createPlan(db: Database, context: ActorContext, input: PlanInput) {
  requirePermission(context.actor, 'program.manage');
  checkRange(input.firstYear, input.lastYear);
  return db.transaction(async (tx) => {
    if (await currentPlan(tx, context.actor.tenantId))
      throw new AppError(409, 'PLAN_EXISTS', '年度計画はすでにあります。画面を読み込み直してください。');
    const [row] = await tx
      .insert(programPlans)
      .values({ ...input, tenantId: context.actor.tenantId, updatedByUserId: context.actor.userId })
      .returning({ id: programPlans.id });
    if (!row) throw new Error('plan not inserted');
    await auditPlan(tx, context, 'program_plan', row.id, 'create');
    return planView(tx, context.actor.tenantId);
  });
}

export async function updatePlan(db: Database, context: ActorContext, id: string, input: PlanUpdate) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'programPlan', id);
    const { version, ...changes } = input;
    await requireVersion(tx, programPlans, id, version);
    const [plan] = await tx.select().from(programPlans).where(eq(programPlans.id, id));
    if (!plan) throw new Error('visible plan not found');
    checkRange(changes.firstYear ?? plan.firstYear, changes.lastYear ?? plan.lastYear);
    await tx
      .update(programPlans)
      .set({ ...changes, updatedByUserId: context.actor.userId })
      .where(eq(programPlans.id, id));
    await auditPlan(tx, context, 'program_plan', id, 'update');
    return planView(tx, context.actor.tenantId);
  });
}

export async function createPlanItem(db: Database, context: ActorContext, input: PlanItemInput) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    const plan = await currentPlan(tx, context.actor.tenantId);
    if (!plan) throw badRequest('NO_PLAN', '先に年度計画（名前と期間）を作ってください。');
    await requireIndicators(tx, context, input.indicatorKeys);
    const [row] = await tx
      .insert(planItems)
      .values({
        ...input,
        planId: plan.id,
        tenantId: context.actor.tenantId,
        updatedByUserId: context.actor.userId,
      })
      .returning({ id: planItems.id });
    if (!row) throw new Error('plan item not inserted');
    await auditPlan(tx, context, 'plan_item', row.id, 'create');
    return planView(tx, context.actor.tenantId);
  });
}

export async function updatePlanItem(db: Database, context: ActorContext, id: string, input: PlanItemUpdate) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'planItem', id);
    const { version, ...changes } = input;
    await requireVersion(tx, planItems, id, version);
    if (changes.indicatorKeys) await requireIndicators(tx, context, changes.indicatorKeys);
    await tx
      .update(planItems)
      .set({ ...changes, updatedByUserId: context.actor.userId })
      .where(eq(planItems.id, id));
    await auditPlan(tx, context, 'plan_item', id, 'update');
    return planView(tx, context.actor.tenantId);
  });
}

export async function deletePlanItem(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'planItem', id);
    await tx.delete(planItemYears).where(eq(planItemYears.itemId, id));
    await tx.delete(planItemIssues).where(eq(planItemIssues.itemId, id));
    await tx.delete(planItems).where(eq(planItems.id, id));
    await auditPlan(tx, context, 'plan_item', id, 'delete');
    return planView(tx, context.actor.tenantId);
  });
}

/** One cell of the table: the sent fields only; a stale version is 409. */
export async function savePlanYear(
  db: Database,
  context: ActorContext,
  id: string,
  fiscalYear: number,
  input: PlanYearInput,
) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'planItem', id);
    const plan = await currentPlan(tx, context.actor.tenantId);
    if (!plan || fiscalYear < plan.firstYear || fiscalYear > plan.lastYear)
      throw badRequest('YEAR_OUTSIDE_PLAN', `${fiscalYear}年度は計画期間の外です。`);
    const { version, ...changes } = input;
    const [row] = await tx
      .select()
      .from(planItemYears)
      .where(and(eq(planItemYears.itemId, id), eq(planItemYears.fiscalYear, fiscalYear)));
    if (row) {
      await requireVersion(tx, planItemYears, row.id, version ?? 0);
      await tx
        .update(planItemYears)
        .set({ ...changes, updatedByUserId: context.actor.userId })
        .where(eq(planItemYears.id, row.id));
    } else {
      await tx.insert(planItemYears).values({
        ...changes,
        itemId: id,
        fiscalYear,
        tenantId: context.actor.tenantId,
        updatedByUserId: context.actor.userId,
      });
    }
    await recordAudit(tx, context, {
      action: 'program.write',
      targetType: 'plan_item',
      targetId: id,
      detail: { change: 'year', fiscalYear, fields: Object.keys(changes) },
    });
    return planView(tx, context.actor.tenantId);
  });
}

/** The regional issues that show the progress of an item (replaced as a whole). */
export async function setPlanItemIssues(db: Database, context: ActorContext, id: string, issueIds: string[]) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'planItem', id);
    const unique = await requireAllVisible(tx, context.actor, 'regionalIssue', issueIds);
    await tx.delete(planItemIssues).where(eq(planItemIssues.itemId, id));
    if (unique.length)
      await tx
        .insert(planItemIssues)
        .values(unique.map((issueId) => ({ itemId: id, issueId, tenantId: context.actor.tenantId })));
    await auditPlan(tx, context, 'plan_item', id, 'issues');
    return planView(tx, context.actor.tenantId);
  });
}
