import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { AppError, conflict } from '../../server/errors';
import type { ShareConsent } from '../../shared/intake-vocabulary';
import {
  REACHED_RESULTS,
  STAGE_LABELS,
  STAGE_MOVES,
  STAGES_TO_CONVERT,
  type Stage,
} from '../../shared/outreach-vocabulary';
import { personAccess } from '../access/case-scope';
import { requireHouseholdHistoryAccess } from '../access/outreach-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { noFutureDate, today } from '../cases/case-common';
import type { ActivityInput, OutreachHistory, StageInput } from './outreach.schemas';
import { outreachActivities, outreachRecords, outreachStageChanges } from './outreach.tables';
import { recordDetails } from './record-details';
import { getRecord, loadRecord, type RecordRow, requireOpen } from './records.service';

async function moveStage(
  tx: Database,
  context: ActorContext,
  record: RecordRow,
  to: Stage,
  on: string,
  note: string | null,
  extra: Partial<RecordRow> = {},
) {
  await tx
    .update(outreachRecords)
    .set({ ...extra, stage: to, stageSince: on })
    .where(eq(outreachRecords.id, record.id));
  await tx.insert(outreachStageChanges).values({
    tenantId: context.actor.tenantId,
    recordId: record.id,
    fromStage: record.stage,
    toStage: to,
    changedOn: on,
    note,
    byUserId: context.actor.userId,
  });
}

/** The stage a contact moves the record to by itself: a first try, a first meeting. */
function stageAfterContact(stage: Stage, input: ActivityInput): Stage | null {
  if (input.kind !== 'contact' || !input.result) return null;
  const reached = REACHED_RESULTS.includes(input.result);
  if (reached && (stage === 'not_contacted' || stage === 'attempting')) return 'met';
  if (stage === 'not_contacted') return 'attempting';
  return null;
}

/** 接触の試み, or the groundwork before consent (情報収集, 見守りのネットワークづくり). */
export async function addActivity(db: Database, context: ActorContext, id: string, input: ActivityInput) {
  noFutureDate(input.happenedOn, '記録する日');
  await db.transaction(async (tx) => {
    const record = await loadRecord(tx, context, id, true);
    requireOpen(record);
    await tx.insert(outreachActivities).values({
      tenantId: context.actor.tenantId,
      recordId: id,
      kind: input.kind,
      happenedOn: input.happenedOn,
      means: input.kind === 'contact' ? input.means : null,
      result: input.kind === 'contact' ? input.result : null,
      withWhom: input.withWhom,
      notes: input.notes,
      nextContactOn: input.nextContactOn,
      byUserId: context.actor.userId,
    });
    const next = stageAfterContact(record.stage, input);
    if (next) await moveStage(tx, context, record, next, input.happenedOn, '接触の記録から');
    await recordAudit(tx, context, {
      action: 'outreach.activity',
      targetType: 'outreach_record',
      targetId: id,
      detail: { kind: input.kind, result: input.result },
    });
  });
  return getRecord(db, context, id);
}

export async function changeStage(db: Database, context: ActorContext, id: string, input: StageInput) {
  await db.transaction(async (tx) => {
    const record = await loadRecord(tx, context, id, true);
    requireOpen(record);
    if (input.to === 'consented') {
      throw conflict(
        'CONSENT_THROUGH_CONSULTATION',
        '「同意を得た」にするには、「同意を得て相談につなぐ」から相談として受け付けてください（本人の登録と同意の記録が必要です）。',
      );
    }
    if (!STAGE_MOVES[record.stage].includes(input.to)) {
      throw new AppError(
        409,
        'INVALID_OUTREACH_TRANSITION',
        `「${STAGE_LABELS[record.stage]}」から「${STAGE_LABELS[input.to]}」には進めません。関係の段階は一つずつ進めてください。`,
      );
    }
    await moveStage(tx, context, record, input.to, today(), input.note, {
      endReason: input.to === 'ended' ? input.endReason : null,
    });
    await recordAudit(tx, context, {
      action: 'outreach.stage',
      targetType: 'outreach_record',
      targetId: id,
      detail: { from: record.stage, to: input.to },
    });
  });
  return getRecord(db, context, id);
}

/**
 * The person consented: the consultation taken now (intake) carries the outreach history.
 * Runs inside the intake's transaction, so the consultation and the record change together.
 */
export async function convertRecord(
  tx: Database,
  context: ActorContext,
  recordId: string,
  opened: {
    consultationId: string;
    personId: string | null;
    householdId: string | null;
    shareConsent: ShareConsent;
    on: string;
  },
) {
  const record = await loadRecord(tx, context, recordId, true);
  requireOpen(record);
  if (!STAGES_TO_CONVERT.includes(record.stage)) {
    throw conflict(
      'OUTREACH_NOT_MET',
      `まだ本人と会えていないため（いまは「${STAGE_LABELS[record.stage]}」）、相談につなげません。会えたことを記録してから受け付けてください。`,
    );
  }
  if (opened.shareConsent !== 'given' || !opened.personId || !opened.householdId) {
    throw conflict(
      'OUTREACH_CONSENT_REQUIRED',
      'アウトリーチから相談につなぐには、本人と世帯を登録し、関係機関との情報共有への同意を記録してください。',
    );
  }
  await moveStage(tx, context, record, 'consented', opened.on, '相談として受け付け', {
    consultationId: opened.consultationId,
    personId: opened.personId,
    householdId: opened.householdId,
  });
  await recordAudit(tx, context, {
    action: 'outreach.convert',
    targetType: 'outreach_record',
    targetId: recordId,
    detail: { consultation: opened.consultationId },
  });
}

/** The outreach that led to the household's consent, for whoever sees the household now. */
export async function historyForHousehold(
  db: Database,
  context: ActorContext,
  householdId: string,
): Promise<OutreachHistory> {
  await requireHouseholdHistoryAccess(db, context.actor, householdId);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outreachRecords)
      .where(
        and(
          eq(outreachRecords.tenantId, context.actor.tenantId),
          // the household's own, and those of a member's record merged into the member (名寄せ)
          // that the reader may see: the history follows the person to the household they are
          // kept in, for those who had it before the merge
          or(
            eq(outreachRecords.householdId, householdId),
            and(
              sql`${outreachRecords.personId} in (select p.id from persons p join household_members hm
                    on hm.person_id = p.merged_into_id where hm.household_id = ${householdId})`,
              personAccess(context.actor, sql`${outreachRecords.personId}`),
            ),
          ),
          eq(outreachRecords.stage, 'consented'),
        ),
      )
      .orderBy(desc(outreachRecords.openedOn));
    const details = await recordDetails(
      tx,
      rows.map((r) => r.id),
    );
    await recordAudit(tx, context, {
      action: 'outreach.history_read',
      targetType: 'household',
      targetId: householdId,
      detail: { records: rows.length, ids: rows.map((r) => r.id) },
    });
    return {
      records: rows.map((r) => ({
        id: r.id,
        label: r.label,
        openedOn: r.openedOn,
        stage: r.stage,
        ...details(r.id),
      })),
    };
  });
}
