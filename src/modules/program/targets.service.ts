import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, badRequest } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { meetingBodies } from '../meetings/meetings.tables';
import {
  COUNTED_INDICATORS,
  CUSTOM_PREFIX,
  DERIVED_INDICATORS,
  MEETING_BODY_PREFIX,
} from './indicator-catalogue';
import type { CustomIndicatorInput, CustomValues, TargetInput, TargetUpdate } from './program.schemas';
import { customIndicators, customIndicatorValues, programTargets, programYears } from './program.tables';

// 成果目標, the year's population, and the indicators a municipality types in itself.

const STATIC_KEYS = new Set([...COUNTED_INDICATORS, ...DERIVED_INDICATORS].map((d) => d.key));

/** A key names an indicator of this municipality's catalogue, or the target is refused. */
async function requireIndicator(tx: Database, context: ActorContext, key: string) {
  if (STATIC_KEYS.has(key)) return;
  const [prefix, id] = key.startsWith(MEETING_BODY_PREFIX)
    ? [MEETING_BODY_PREFIX, key.slice(MEETING_BODY_PREFIX.length)]
    : key.startsWith(CUSTOM_PREFIX)
      ? [CUSTOM_PREFIX, key.slice(CUSTOM_PREFIX.length)]
      : [null, null];
  const uuid = /^[0-9a-f-]{36}$/.test(id ?? '');
  if (prefix === MEETING_BODY_PREFIX && uuid) {
    const [body] = await tx
      .select({ id: meetingBodies.id })
      .from(meetingBodies)
      .where(and(eq(meetingBodies.tenantId, context.actor.tenantId), eq(meetingBodies.id, id as string)));
    if (body) return;
  }
  if (prefix === CUSTOM_PREFIX && uuid) {
    await requireVisible(tx, context.actor, 'customIndicator', id as string);
    return;
  }
  throw badRequest('UNKNOWN_INDICATOR', '指標が見つかりません。一覧から選んでください。');
}

export async function requireIndicators(tx: Database, context: ActorContext, keys: string[]) {
  for (const key of new Set(keys)) await requireIndicator(tx, context, key);
}

const presentTarget = (t: typeof programTargets.$inferSelect) => ({
  id: t.id,
  fiscalYear: t.fiscalYear,
  indicatorKey: t.indicatorKey,
  target: Number(t.target),
  note: t.note,
  version: t.version,
});

const auditTarget = (tx: Database, context: ActorContext, id: string, change: string) =>
  recordAudit(tx, context, {
    action: 'program.write',
    targetType: 'program_target',
    targetId: id,
    detail: { change },
  });

export async function createTarget(db: Database, context: ActorContext, input: TargetInput) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireIndicator(tx, context, input.indicatorKey);
    const [row] = await tx
      .insert(programTargets)
      .values({
        ...input,
        target: String(input.target),
        tenantId: context.actor.tenantId,
        updatedByUserId: context.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError(
        409,
        'TARGET_EXISTS',
        'この指標には、この年度の目標がすでにあります。画面を読み込み直して、その目標を変更してください。',
      );
    await auditTarget(tx, context, row.id, 'create');
    return presentTarget(row);
  });
}

export async function updateTarget(db: Database, context: ActorContext, id: string, input: TargetUpdate) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'programTarget', id);
    const { version, target, note } = input;
    await requireVersion(tx, programTargets, id, version);
    await tx
      .update(programTargets)
      .set({
        ...(target !== undefined ? { target: String(target) } : {}),
        ...(note !== undefined ? { note } : {}),
        updatedByUserId: context.actor.userId,
      })
      .where(eq(programTargets.id, id));
    await auditTarget(tx, context, id, 'update');
    const [row] = await tx.select().from(programTargets).where(eq(programTargets.id, id));
    if (!row) throw new Error('visible target not found');
    return presentTarget(row);
  });
}

export async function deleteTarget(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'programTarget', id);
    await tx.delete(programTargets).where(eq(programTargets.id, id));
    await auditTarget(tx, context, id, 'delete');
    return { deleted: id };
  });
}

export async function yearSettings(db: Database, context: ActorContext, fiscalYear: number) {
  requirePermission(context.actor, 'aggregates.read');
  return readTransaction(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(programYears)
      .where(and(eq(programYears.tenantId, context.actor.tenantId), eq(programYears.fiscalYear, fiscalYear)));
    return { fiscalYear, population: row?.population ?? null, version: row?.version ?? null };
  });
}

export async function saveYearSettings(
  db: Database,
  context: ActorContext,
  fiscalYear: number,
  input: { population: number | null; version?: number },
) {
  requirePermission(context.actor, 'program.manage');
  await db.transaction(async (tx) => {
    const tenantId = context.actor.tenantId;
    const [row] = await tx
      .select()
      .from(programYears)
      .where(and(eq(programYears.tenantId, tenantId), eq(programYears.fiscalYear, fiscalYear)));
    if (row) {
      await requireVersion(tx, programYears, row.id, input.version ?? 0);
      await tx
        .update(programYears)
        .set({ population: input.population, updatedByUserId: context.actor.userId })
        .where(eq(programYears.id, row.id));
    } else {
      await tx.insert(programYears).values({
        tenantId,
        fiscalYear,
        population: input.population,
        updatedByUserId: context.actor.userId,
      });
    }
    await recordAudit(tx, context, {
      action: 'program.write',
      detail: { change: 'year_settings', fiscalYear },
    });
  });
  return yearSettings(db, context, fiscalYear);
}

export async function listCustomIndicators(db: Database, context: ActorContext, fiscalYear: number) {
  requirePermission(context.actor, 'aggregates.read');
  return readTransaction(db, async (tx) => {
    const tenantId = context.actor.tenantId;
    const rows = await tx
      .select()
      .from(customIndicators)
      .where(eq(customIndicators.tenantId, tenantId))
      .orderBy(asc(customIndicators.createdAt));
    const values = await tx
      .select()
      .from(customIndicatorValues)
      .where(
        and(eq(customIndicatorValues.tenantId, tenantId), eq(customIndicatorValues.fiscalYear, fiscalYear)),
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      definition: r.definition,
      functionCode: r.functionCode,
      version: r.version,
      values: values
        .filter((v) => v.indicatorId === r.id)
        .map((v) => ({ month: v.month, value: Number(v.value) }))
        .sort((a, b) => a.month - b.month),
    }));
  });
}

export async function createCustomIndicator(
  db: Database,
  context: ActorContext,
  input: CustomIndicatorInput,
) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(customIndicators)
      .values({ ...input, tenantId: context.actor.tenantId, updatedByUserId: context.actor.userId })
      .returning();
    if (!row) throw new Error('indicator not inserted');
    await recordAudit(tx, context, {
      action: 'program.write',
      targetType: 'custom_indicator',
      targetId: row.id,
      detail: { change: 'create' },
    });
    return { ...input, id: row.id, version: row.version, values: [] };
  });
}

/** The months sent are replaced (a null clears a month); the months not sent stay. */
export async function saveCustomValues(db: Database, context: ActorContext, id: string, input: CustomValues) {
  requirePermission(context.actor, 'program.manage');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'customIndicator', id);
    await requireVersion(tx, customIndicators, id, input.version);
    // the indicator's version covers its values: a save moves it on
    await tx
      .update(customIndicators)
      .set({ updatedByUserId: context.actor.userId })
      .where(eq(customIndicators.id, id));
    const tenantId = context.actor.tenantId;
    for (const { month, value } of input.values) {
      const where = and(
        eq(customIndicatorValues.tenantId, tenantId),
        eq(customIndicatorValues.indicatorId, id),
        eq(customIndicatorValues.fiscalYear, input.fiscalYear),
        eq(customIndicatorValues.month, month),
      );
      await tx.delete(customIndicatorValues).where(where);
      if (value !== null)
        await tx.insert(customIndicatorValues).values({
          tenantId,
          indicatorId: id,
          fiscalYear: input.fiscalYear,
          month,
          value: String(value),
          updatedByUserId: context.actor.userId,
        });
    }
    await recordAudit(tx, context, {
      action: 'program.write',
      targetType: 'custom_indicator',
      targetId: id,
      detail: { change: 'values', fiscalYear: input.fiscalYear, months: input.values.map((v) => v.month) },
    });
  });
  const all = await listCustomIndicators(db, context, input.fiscalYear);
  const found = all.find((i) => i.id === id);
  if (!found) throw new Error('visible indicator not found');
  return found;
}
