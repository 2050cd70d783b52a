import holidayJp from '@holiday-jp/holiday_jp';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { AppError, badRequest, conflict } from '../../server/errors';
import { addDays } from '../../shared/dates';
import {
  FOLLOW_UP_OFFSETS,
  FOLLOW_UP_REPEAT_DAYS,
  PLACEMENT_MOVES,
  PLACEMENT_STAGE_LABELS,
  type PlacementStage,
} from '../../shared/participation-vocabulary';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { resources } from '../resources/resources.tables';
import { rankResources } from './matches.service';
import type { FollowUpContact, Move } from './participation.schemas';
import { placementEvents, placementFollowUps, placements } from './participation.tables';
import { loadPlacementForWrite, loadSupport, requireOpenSupport } from './support-access';
import { getSupport } from './supports.service';

/**
 * Offices are closed at weekends, on public holidays and from 29 December to 3 January: a
 * follow-up that falls on such a day moves to the next day the office is open.
 */
export function nextOfficeDay(isoDate: string): string {
  let day = isoDate;
  const closed = (d: string) => {
    const noon = new Date(`${d}T12:00:00Z`);
    const weekday = noon.getUTCDay();
    const monthDay = d.slice(5);
    return (
      weekday === 0 ||
      weekday === 6 ||
      monthDay >= '12-29' ||
      monthDay <= '01-03' ||
      holidayJp.isHoliday(noon)
    );
  };
  while (closed(day)) day = addDays(day, 1);
  return day;
}

const OPEN_STAGES: PlacementStage[] = ['proposed', 'visited', 'trial', 'started'];

/** 提案: a resource is proposed to the person, with the reasons the matching gave at the time. */
export async function proposePlacement(
  db: Database,
  context: ActorContext,
  supportId: string,
  input: { resourceId: string; proposedOn: string },
) {
  await db.transaction(async (tx) => {
    const support = await loadSupport(tx, context, supportId, 'write');
    requireOpenSupport(support);
    await requireVisible(tx, context.actor, 'resource', input.resourceId);
    const [resource] = await tx.select().from(resources).where(eq(resources.id, input.resourceId));
    if (resource?.status === 'ended')
      throw badRequest('RESOURCE_ENDED', 'この社会資源は活動を終了しています。ほかの資源を選んでください。');
    if (input.proposedOn < support.openedOn)
      throw badRequest('BEFORE_OPENED', '提案日は参加支援の開始日より後の日付にしてください。');
    const [already] = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(
        and(
          eq(placements.supportId, supportId),
          eq(placements.resourceId, input.resourceId),
          inArray(placements.stage, OPEN_STAGES),
        ),
      );
    if (already)
      throw new AppError(
        409,
        'ALREADY_PROPOSED',
        'この資源はすでに提案しています。その経過に続けて記録してください。',
        {
          placementId: already.id,
        },
      );
    const ranked = await rankResources(tx, context, support, [input.resourceId]);
    const fit = ranked.matches[0];
    const [row] = await tx
      .insert(placements)
      .values({
        tenantId: context.actor.tenantId,
        supportId,
        resourceId: input.resourceId,
        proposedOn: input.proposedOn,
        matchNotes: fit ? { reasons: fit.reasons, mismatches: fit.mismatches, score: fit.score } : null,
      })
      .returning({ id: placements.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(placementEvents).values({
      tenantId: context.actor.tenantId,
      placementId: row.id,
      kind: 'stage',
      toStage: 'proposed',
      happenedOn: input.proposedOn,
      userId: context.actor.userId,
    });
    await recordAudit(tx, context, {
      action: 'participation.placement',
      targetType: 'participation_support',
      targetId: supportId,
      detail: { placementId: row.id, resourceId: input.resourceId, stage: 'proposed' },
    });
  });
  return getSupport(db, context, supportId);
}

const DATE_OF: Record<
  Exclude<PlacementStage, 'proposed'>,
  'visitedOn' | 'trialOn' | 'startedOn' | 'endedOn'
> = {
  visited: 'visitedOn',
  trial: 'trialOn',
  started: 'startedOn',
  ended: 'endedOn',
  interrupted: 'endedOn',
};

/** 見学 → 体験 → 参加開始 → 終了 / 中断, each with what the person and the receiving side said. */
export async function movePlacement(db: Database, context: ActorContext, placementId: string, input: Move) {
  const supportId = await db.transaction(async (tx) => {
    const { placement, support } = await loadPlacementForWrite(tx, context, placementId);
    requireOpenSupport(support);
    await requireVersion(tx, placements, placementId, input.version);
    if (input.to === 'proposed' || !PLACEMENT_MOVES[placement.stage].includes(input.to))
      throw conflict(
        'INVALID_MOVE',
        `「${PLACEMENT_STAGE_LABELS[placement.stage]}」から「${PLACEMENT_STAGE_LABELS[input.to]}」には進めません。`,
      );
    const previous = [placement.proposedOn, placement.visitedOn, placement.trialOn, placement.startedOn]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    if (previous && input.on < previous)
      throw badRequest('DATE_BEFORE_PREVIOUS', '日付は前の段階の日付より後にしてください。');
    await tx
      .update(placements)
      .set({
        stage: input.to,
        [DATE_OF[input.to]]: input.on,
        ...(input.to === 'ended' || input.to === 'interrupted' ? { endReason: input.endReason } : {}),
      })
      .where(eq(placements.id, placementId));
    await tx.insert(placementEvents).values({
      tenantId: context.actor.tenantId,
      placementId,
      kind: 'stage',
      toStage: input.to,
      happenedOn: input.on,
      personSaid: input.personSaid,
      receiverSaid: input.receiverSaid,
      note: input.note,
      userId: context.actor.userId,
    });
    if (input.to === 'started')
      await tx.insert(placementFollowUps).values(
        FOLLOW_UP_OFFSETS.map((days) => ({
          tenantId: context.actor.tenantId,
          placementId,
          dueOn: nextOfficeDay(addDays(input.on, days)),
        })),
      );
    await recordAudit(tx, context, {
      action: 'participation.placement',
      targetType: 'participation_support',
      targetId: support.id,
      detail: { placementId, stage: input.to },
    });
    return support.id;
  });
  return getSupport(db, context, supportId);
}

/**
 * 定着支援: a contact with the person or the receiving side. It completes the earliest open
 * follow-up; when none is left, the next is set 3 months on.
 */
export async function recordFollowUp(
  db: Database,
  context: ActorContext,
  placementId: string,
  input: FollowUpContact,
) {
  const supportId = await db.transaction(async (tx) => {
    const { placement, support } = await loadPlacementForWrite(tx, context, placementId);
    requireOpenSupport(support);
    if (placement.stage !== 'started')
      throw conflict('NOT_SETTLING', '定着支援の記録は、参加を始めた後（参加開始）に記録できます。');
    if (placement.startedOn && input.happenedOn < placement.startedOn)
      throw badRequest('DATE_BEFORE_PREVIOUS', '連絡日は参加開始日より後にしてください。');
    const [event] = await tx
      .insert(placementEvents)
      .values({
        ...input,
        tenantId: context.actor.tenantId,
        placementId,
        kind: 'follow_up',
        userId: context.actor.userId,
      })
      .returning({ id: placementEvents.id });
    const open = await tx
      .select()
      .from(placementFollowUps)
      .where(and(eq(placementFollowUps.placementId, placementId), isNull(placementFollowUps.doneOn)))
      .orderBy(asc(placementFollowUps.dueOn));
    const [next] = open;
    if (next)
      await tx
        .update(placementFollowUps)
        .set({ doneOn: input.happenedOn, eventId: event?.id })
        .where(eq(placementFollowUps.id, next.id));
    if (open.length <= 1)
      await tx.insert(placementFollowUps).values({
        tenantId: context.actor.tenantId,
        placementId,
        dueOn: nextOfficeDay(addDays(input.happenedOn, FOLLOW_UP_REPEAT_DAYS)),
      });
    await recordAudit(tx, context, {
      action: 'participation.follow_up',
      targetType: 'participation_support',
      targetId: support.id,
      detail: { placementId },
    });
    return support.id;
  });
  return getSupport(db, context, supportId);
}

/** The schedule is the coordinator's: an open follow-up may be moved to another day. */
export async function rescheduleFollowUp(
  db: Database,
  context: ActorContext,
  placementId: string,
  followUpId: string,
  dueOn: string,
) {
  const supportId = await db.transaction(async (tx) => {
    const { placement, support } = await loadPlacementForWrite(tx, context, placementId);
    requireOpenSupport(support);
    if (placement.stage !== 'started')
      throw conflict('NOT_SETTLING', '定着支援の予定は、参加を続けている参加先だけ変えられます。');
    if (placement.startedOn && dueOn < placement.startedOn)
      throw badRequest('DATE_BEFORE_PREVIOUS', '予定日は参加開始日より後にしてください。');
    const [row] = await tx
      .update(placementFollowUps)
      .set({ dueOn })
      .where(
        and(
          eq(placementFollowUps.id, followUpId),
          eq(placementFollowUps.placementId, placementId),
          isNull(placementFollowUps.doneOn),
        ),
      )
      .returning({ id: placementFollowUps.id });
    if (!row)
      throw badRequest('FOLLOW_UP_NOT_OPEN', 'この予定はすでに記録済みか、この参加先の予定ではありません。');
    await recordAudit(tx, context, {
      action: 'participation.follow_up',
      targetType: 'participation_support',
      targetId: support.id,
      detail: { placementId, followUpId, dueOn },
    });
    return support.id;
  });
  return getSupport(db, context, supportId);
}
