import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError } from '../../server/errors';
import { FUNCTIONS } from '../../shared/program-vocabulary';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import type { ProgramInput, ProgramUpdate } from './program.schemas';
import { programs } from './program.tables';

// 事業の実施体制: the municipality's programs of a fiscal year, by statutory function.

const functionOrder = sql.raw(
  `array_position(array[${FUNCTIONS.map((f) => `'${f}'`).join(',')}]::text[], ${'"programs"."function_code"'})`,
);

const present = (row: typeof programs.$inferSelect) => ({
  id: row.id,
  fiscalYear: row.fiscalYear,
  functionCode: row.functionCode,
  name: row.name,
  field: row.field,
  description: row.description,
  methods: row.methods,
  operator: row.operator,
  agencies: row.agencies,
  agencyCount: row.agencyCount,
  department: row.department,
  staffing: row.staffing,
  position: row.position,
  version: row.version,
});

async function programsOf(tx: Database, tenantId: string, fiscalYear: number) {
  return tx
    .select()
    .from(programs)
    .where(and(eq(programs.tenantId, tenantId), eq(programs.fiscalYear, fiscalYear)))
    .orderBy(functionOrder, asc(programs.position), asc(programs.createdAt));
}

export async function listPrograms(db: Database, context: ActorContext, fiscalYear: number) {
  requirePermission(context.actor, 'aggregates.read');
  return readTransaction(db, async (tx) => {
    const rows = await programsOf(tx, context.actor.tenantId, fiscalYear);
    const previous = await programsOf(tx, context.actor.tenantId, fiscalYear - 1);
    await recordAudit(tx, context, { action: 'program.read', detail: { fiscalYear, view: 'programs' } });
    return { fiscalYear, programs: rows.map(present), previousYearCount: previous.length };
  });
}

async function audit(tx: Database, context: ActorContext, id: string, change: string, fields?: string[]) {
  await recordAudit(tx, context, {
    action: 'program.write',
    targetType: 'program',
    targetId: id,
    detail: fields ? { change, fields } : { change },
  });
}

export async function createProgram(db: Database, context: ActorContext, input: ProgramInput) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(programs)
      .values({ ...input, tenantId: context.actor.tenantId, updatedByUserId: context.actor.userId })
      .returning();
    if (!row) throw new Error('program not inserted');
    await audit(tx, context, row.id, 'create');
    return present(row);
  });
}

export async function updateProgram(db: Database, context: ActorContext, id: string, input: ProgramUpdate) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'program', id);
    const { version, ...changes } = input;
    await requireVersion(tx, programs, id, version);
    if (Object.keys(changes).length > 0)
      await tx
        .update(programs)
        .set({ ...changes, updatedByUserId: context.actor.userId })
        .where(eq(programs.id, id));
    await audit(tx, context, id, 'update', Object.keys(changes));
    const [row] = await tx.select().from(programs).where(eq(programs.id, id));
    if (!row) throw new Error('visible program not found');
    return present(row);
  });
}

export async function deleteProgram(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'program.manage');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'program', id);
    await tx.delete(programs).where(eq(programs.id, id));
    await audit(tx, context, id, 'delete');
    return { deleted: id };
  });
}

/** 前年度から引き継ぐ: the year's table starts as a copy of the previous one, to be edited. */
export async function copyProgramsForward(
  db: Database,
  context: ActorContext,
  { fromYear, toYear }: { fromYear: number; toYear: number },
) {
  requirePermission(context.actor, 'program.manage');
  if (fromYear === toYear)
    throw new AppError(400, 'SAME_YEAR', '引き継ぎ元と引き継ぎ先に同じ年度が選ばれています。');
  return db.transaction(async (tx) => {
    const tenantId = context.actor.tenantId;
    if ((await programsOf(tx, tenantId, toYear)).length > 0)
      throw new AppError(
        409,
        'YEAR_NOT_EMPTY',
        `${toYear}年度にはすでに事業が登録されています。引き継ぎは、事業がまだない年度にだけできます。`,
      );
    const source = await programsOf(tx, tenantId, fromYear);
    if (source.length === 0)
      throw new AppError(400, 'NOTHING_TO_COPY', `${fromYear}年度に登録された事業がありません。`);
    const copies = await tx
      .insert(programs)
      .values(
        source.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...row }) => ({
          ...row,
          fiscalYear: toYear,
          updatedByUserId: context.actor.userId,
        })),
      )
      .returning({ id: programs.id });
    await recordAudit(tx, context, {
      action: 'program.write',
      detail: { change: 'copy_forward', fromYear, toYear, ids: copies.map((c) => c.id) },
    });
    return listPrograms(tx, context, toYear);
  });
}
