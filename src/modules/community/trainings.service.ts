import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { badRequest } from '../../server/errors';
import { TRAINING_AUDIENCES, TRAINING_SCOPES, TRAINING_TOPICS } from '../../shared/community-vocabulary';
import { fiscalYearLabel, fiscalYearRange } from '../../shared/dates';
import { can, requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { fiscalYearOrNow, fiscalYearSql } from './networks.service';
import { trainings } from './networks.tables';
import {
  sumOf,
  type Training,
  type TrainingCounts,
  type TrainingFilter,
  type TrainingInput,
  type TrainingUpdate,
  totalBelowRows,
} from './trainings.schemas';

type TrainingRow = typeof trainings.$inferSelect;

const present = (t: TrainingRow): Training => ({
  id: t.id,
  title: t.title,
  heldOn: t.heldOn,
  scope: t.scope,
  audiences: t.audiences,
  organiser: t.organiser,
  topics: t.topics,
  participantsByOrganisation: t.participantsByOrganisation,
  participantsTotal: t.participantsTotal,
  materials: t.materials,
  notes: t.notes,
  version: t.version,
});

const tally = (rows: Training[]) => ({
  trainings: rows.length,
  participants: rows.reduce((sum, t) => sum + t.participantsTotal, 0),
});

/** 庁内・庁外, participants, by audience and by topic: of a fiscal year's trainings. */
export function countTrainings(rows: Training[]): TrainingCounts {
  return {
    total: tally(rows),
    byScope: TRAINING_SCOPES.map((scope) => ({ scope, ...tally(rows.filter((t) => t.scope === scope)) })),
    byAudience: TRAINING_AUDIENCES.map((audience) => ({
      audience,
      ...tally(rows.filter((t) => t.audiences.includes(audience))),
    })),
    byTopic: TRAINING_TOPICS.map((topic) => ({
      topic,
      ...tally(rows.filter((t) => t.topics.includes(topic))),
    })),
  };
}

/** The trainings of a fiscal year (optionally 庁内 or 庁外 only), with the year's counts. */
export async function listTrainings(db: Database, context: ActorContext, filter: TrainingFilter) {
  requirePermission(context.actor, 'community.read');
  const { tenantId } = context.actor;
  const year = fiscalYearOrNow(filter.fiscalYear);
  const range = fiscalYearRange(year);
  return readTransaction(db, async (tx) => {
    const rows = (
      await tx
        .select()
        .from(trainings)
        .where(
          and(
            eq(trainings.tenantId, tenantId),
            sql`${trainings.heldOn} between ${range.from}::date and ${range.to}::date`,
          ),
        )
        .orderBy(desc(trainings.heldOn), asc(trainings.title))
    ).map(present);
    const years = await tx
      .selectDistinct({ fiscalYear: fiscalYearSql(trainings.heldOn) })
      .from(trainings)
      .where(eq(trainings.tenantId, tenantId));
    const shown = filter.scope ? rows.filter((t) => t.scope === filter.scope) : rows;
    await recordAudit(tx, context, {
      action: 'training.read',
      targetType: 'training',
      detail: { ids: shown.map((t) => t.id), fiscalYear: year, scope: filter.scope ?? null },
    });
    const fiscalYears = [
      ...new Set([fiscalYearOrNow(undefined), year, ...years.map((y) => Number(y.fiscalYear))]),
    ]
      .sort((a, b) => b - a)
      .map((fiscalYear) => ({ fiscalYear, label: fiscalYearLabel(fiscalYear) }));
    return {
      fiscalYear: year,
      fiscalYearLabel: fiscalYearLabel(year),
      fiscalYears,
      trainings: shown,
      counts: countTrainings(rows),
      canWrite: can(context.actor, 'community.work'),
    };
  });
}

export async function getTraining(db: Database, context: ActorContext, id: string): Promise<Training> {
  requirePermission(context.actor, 'community.read');
  return readTransaction(db, async (tx) => {
    await requireVisible(tx, context.actor, 'training', id);
    const [row] = await tx.select().from(trainings).where(eq(trainings.id, id));
    if (!row) throw new Error('visible training not found');
    await recordAudit(tx, context, { action: 'training.read', targetType: 'training', targetId: id });
    return present(row);
  });
}

export async function createTraining(db: Database, context: ActorContext, input: TrainingInput) {
  requirePermission(context.actor, 'community.work');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainings)
      .values({
        ...input,
        tenantId: context.actor.tenantId,
        createdByUserId: context.actor.userId,
        updatedByUserId: context.actor.userId,
      })
      .returning({ id: trainings.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, {
      action: 'training.write',
      targetType: 'training',
      targetId: row.id,
      detail: { change: 'create' },
    });
    return row.id;
  });
  return getTraining(db, context, id);
}

/** Changes only what is sent; the total may not fall below the rows by organisation. */
export async function updateTraining(db: Database, context: ActorContext, id: string, input: TrainingUpdate) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'training', id);
    const { version, ...changes } = input;
    await requireVersion(tx, trainings, id, version);
    const [current] = await tx.select().from(trainings).where(eq(trainings.id, id));
    if (!current) throw new Error('visible training not found');
    const total = changes.participantsTotal ?? current.participantsTotal;
    const sum = sumOf(changes.participantsByOrganisation ?? current.participantsByOrganisation);
    if (total < sum) throw badRequest('TOTAL_BELOW_ROWS', totalBelowRows(total, sum));
    if (Object.keys(changes).length > 0) await tx.update(trainings).set(changes).where(eq(trainings.id, id));
    await recordAudit(tx, context, {
      action: 'training.write',
      targetType: 'training',
      targetId: id,
      detail: { change: 'update', fields: Object.keys(changes) },
    });
  });
  return getTraining(db, context, id);
}

export async function deleteTraining(db: Database, context: ActorContext, id: string) {
  requirePermission(context.actor, 'community.work');
  await db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'training', id);
    await tx.delete(trainings).where(eq(trainings.id, id));
    await recordAudit(tx, context, {
      action: 'training.write',
      targetType: 'training',
      targetId: id,
      detail: { change: 'delete' },
    });
  });
  return { deleted: id };
}
