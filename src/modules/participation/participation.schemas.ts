import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import {
  END_REASONS,
  PLACEMENT_STAGES,
  REACHES,
  RESOURCE_KINDS,
  TIMES_OF_DAY,
  WISHES,
} from '../../shared/participation-vocabulary';
import { optionalText, ZEntryDate, ZId, ZIsoDate } from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';

const needsFields = {
  wishes: z.array(z.enum(WISHES)).max(WISHES.length),
  inTheirWords: optionalText('本人の言葉', 1000),
  weekdays: z.array(z.number().int().min(0).max(6)).max(7),
  timesOfDay: z.array(z.enum(TIMES_OF_DAY)).max(TIMES_OF_DAY.length),
  areaId: ZId.nullable(),
  reach: z.enum(REACHES),
  companion: optionalText('一緒に行きたい人', 200),
  health: optionalText('体調・健康面', 500),
  anxieties: optionalText('不安なこと', 500),
  strengths: optionalText('強み・得意なこと', 500),
  interests: optionalText('興味・関心', 500),
  onlyFree: z.boolean(),
};

/** Opened from one of: a case, a consultation, an outreach record (about this person). */
export const ZOpenSupport = z
  .strictObject({
    personId: ZId,
    caseId: ZId.optional(),
    consultationId: ZId.optional(),
    outreachRecordId: ZId.optional(),
    /** 担当: a participation coordinator of the municipality; the actor when not given. */
    coordinatorUserId: ZId.optional(),
    openedOn: ZEntryDate('開始日'),
    wishes: needsFields.wishes.default([]),
    inTheirWords: needsFields.inTheirWords,
    weekdays: needsFields.weekdays.default([]),
    timesOfDay: needsFields.timesOfDay.default([]),
    areaId: needsFields.areaId.default(null),
    reach: needsFields.reach.default('city'),
    companion: needsFields.companion,
    health: needsFields.health,
    anxieties: needsFields.anxieties,
    strengths: needsFields.strengths,
    interests: needsFields.interests,
    onlyFree: needsFields.onlyFree.default(false),
  })
  .refine((v) => [v.caseId, v.consultationId, v.outreachRecordId].filter(Boolean).length === 1, {
    error: '参加支援は、事例・相談・アウトリーチの記録のどれか1つから始めてください。',
    path: ['caseId'],
  });
export type OpenSupport = z.infer<typeof ZOpenSupport>;

export const ZNeedsUpdate = z.strictObject(needsFields).partial().extend({ version: ZVersion });
export type NeedsUpdate = z.infer<typeof ZNeedsUpdate>;

export const ZCloseSupport = z.strictObject({ closedOn: ZEntryDate('終了日'), version: ZVersion });

export const ZMatchNotes = z.object({
  reasons: z.array(z.string()),
  mismatches: z.array(z.string()),
  score: z.number(),
});

export const ZFollowUp = z.object({
  id: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});

export const ZPlacementEvent = z.object({
  id: z.string(),
  kind: z.enum(['stage', 'follow_up']),
  toStage: z.enum(PLACEMENT_STAGES).nullable(),
  happenedOn: z.string(),
  personSaid: z.string().nullable(),
  receiverSaid: z.string().nullable(),
  note: z.string().nullable(),
  userName: z.string(),
});

export const ZPlacement = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  operatorName: z.string(),
  stage: z.enum(PLACEMENT_STAGES),
  proposedOn: z.string(),
  visitedOn: z.string().nullable(),
  trialOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  matchNotes: ZMatchNotes.nullable(),
  events: z.array(ZPlacementEvent),
  followUps: z.array(ZFollowUp),
  version: z.number(),
});
export type Placement = z.infer<typeof ZPlacement>;

export const ZUnmetNeed = z.object({
  id: z.string(),
  wish: z.enum(WISHES),
  areaName: z.string().nullable(),
  conditions: z.string(),
  recordedOn: z.string(),
  answeredBy: z.string().nullable(),
});

export const ZSupport = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  age: z.number().nullable(),
  caseId: z.string().nullable(),
  consultationId: z.string().nullable(),
  outreachRecordId: z.string().nullable(),
  organisationName: z.string(),
  coordinatorName: z.string(),
  wishes: z.array(z.enum(WISHES)),
  inTheirWords: z.string().nullable(),
  weekdays: z.array(z.number()),
  timesOfDay: z.array(z.enum(TIMES_OF_DAY)),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  reach: z.enum(REACHES),
  companion: z.string().nullable(),
  health: z.string().nullable(),
  anxieties: z.string().nullable(),
  strengths: z.string().nullable(),
  interests: z.string().nullable(),
  onlyFree: z.boolean(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  placements: z.array(ZPlacement),
  unmetNeeds: z.array(ZUnmetNeed),
  canWrite: z.boolean(),
  version: z.number(),
});
export type Support = z.infer<typeof ZSupport>;

export const ZSupportSummary = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  caseId: z.string().nullable(),
  coordinatorName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  wishes: z.array(z.enum(WISHES)),
  /** The furthest stage of each placement, as 「〇〇：体験」. */
  placements: z.array(z.object({ resourceName: z.string(), stage: z.enum(PLACEMENT_STAGES) })),
  mine: z.boolean(),
});
export type SupportSummary = z.infer<typeof ZSupportSummary>;
export const ZSupportList = z.object({ supports: z.array(ZSupportSummary) });
export const ZSupportFilter = z.object({
  personId: ZId.optional(),
  caseId: ZId.optional(),
  view: z.enum(['mine', 'all']).default('mine'),
});

export const ZMatch = z.object({
  resourceId: z.string(),
  name: z.string(),
  operatorName: z.string(),
  kinds: z.array(z.enum(RESOURCE_KINDS)),
  areaName: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
  mismatches: z.array(z.string()),
  alreadyPlaced: z.boolean(),
});
export type Match = z.infer<typeof ZMatch>;
export const ZMatchList = z.object({ matches: z.array(ZMatch), considered: z.number() });

export const ZPropose = z.strictObject({ resourceId: ZId, proposedOn: ZEntryDate('提案日') });

export const ZMove = z
  .strictObject({
    to: z.enum(PLACEMENT_STAGES, { error: '次の段階を選んでください。' }),
    on: ZEntryDate('日付'),
    personSaid: optionalText('本人の声', 1000),
    receiverSaid: optionalText('受け入れ側の声', 1000),
    note: optionalText('メモ', 1000),
    endReason: z.enum(END_REASONS).nullable().default(null),
    version: ZVersion,
  })
  .refine((v) => (v.to !== 'ended' && v.to !== 'interrupted') || v.endReason, {
    error: '終了・中断の理由を選んでください。',
    path: ['endReason'],
  });
export type Move = z.infer<typeof ZMove>;

export const ZFollowUpContact = z
  .strictObject({
    happenedOn: ZEntryDate('連絡日'),
    personSaid: optionalText('本人の様子・声', 1000),
    receiverSaid: optionalText('受け入れ側の様子・声', 1000),
    note: optionalText('メモ', 1000),
  })
  .refine((v) => v.personSaid || v.receiverSaid, {
    error: '本人か受け入れ側のどちらかの様子を記録してください。',
    path: ['personSaid'],
  });
export type FollowUpContact = z.infer<typeof ZFollowUpContact>;

export const ZReschedule = z.strictObject({ dueOn: ZIsoDate });

export const ZUnmetNeedInput = z.strictObject({
  wish: z.enum(WISHES, { error: '希望の種類を選んでください。' }),
  areaId: ZId.nullable().default(null),
  conditions: optionalText('合う資源がなかった条件', 1000).refine((v) => v !== null, {
    error: '合う資源がなかった条件を入力してください。',
  }),
  recordedOn: ZEntryDate('記録日'),
});
export type UnmetNeedInput = z.infer<typeof ZUnmetNeedInput>;

export const ZParticipationIdParams = z.object({ id: ZId, followUpId: ZId });

export const ZUnmetSummary = z.object({
  groups: z.array(
    z.object({
      wish: z.enum(WISHES),
      areaId: z.string().nullable(),
      areaName: z.string().nullable(),
      open: ZSafeCount,
      answered: ZSafeCount,
    }),
  ),
});
export const ZAnswerNeeds = z.strictObject({
  resourceId: ZId,
  wish: z.enum(WISHES),
  areaId: ZId.nullable(),
});

export const ZParticipationQueue = z.object({
  followUps: z.array(
    z.object({
      followUpId: z.string(),
      supportId: z.string(),
      personName: z.string(),
      resourceName: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export const ZParticipationCounts = z.object({
  fiscalYear: z.number(),
  people: ZSafeCount,
  connected: ZSafeCount,
  cooperatingOperators: z.number(),
  funnel: z.object({
    proposed: ZSafeCount,
    visited: ZSafeCount,
    trial: ZSafeCount,
    started: ZSafeCount,
    continuedThreeMonths: ZSafeCount,
  }),
  unmetNeeds: z.array(z.object({ wish: z.enum(WISHES), areaName: z.string().nullable(), count: ZSafeCount })),
  resources: z.array(
    z.object({
      kind: z.enum(RESOURCE_KINDS),
      areaName: z.string().nullable(),
      active: z.number(),
      newThisYear: z.number(),
      verifiedThisYear: z.number(),
    }),
  ),
});
export type ParticipationCounts = z.infer<typeof ZParticipationCounts>;

export const ZParticipationStaff = z.object({
  staff: z.array(
    z.object({ id: z.string(), name: z.string(), organisation: z.string(), organisationId: z.string() }),
  ),
});
