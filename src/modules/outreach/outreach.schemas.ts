import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import {
  ACTIVITY_KINDS,
  CONTACT_MEANS,
  CONTACT_RESULTS,
  END_REASONS,
  PARTNER_KINDS,
  REPORT_FOLLOW_UPS,
  REPORTER_KINDS,
  RISKS,
  STAGES,
} from '../../shared/outreach-vocabulary';
import {
  optionalText,
  plainText,
  requiredText,
  ZDoneDate,
  ZEntryDate,
  ZId,
  ZIsoDate,
} from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';

// ---- requests ----

export const ZPartnerInput = z.strictObject({
  name: requiredText('協定先の名称', 100),
  kind: z.enum(PARTNER_KINDS, { error: '協定先の種類を選んでください。' }),
  agreedOn: ZDoneDate('協定を結んだ日').nullable().default(null),
  contactPerson: optionalText('担当者', 100),
  reportsWhat: optionalText('気づいたときに知らせてもらうこと', 1000),
  reportsHow: optionalText('知らせ方', 500),
  isActive: z.boolean().default(true),
});
export type PartnerInput = z.infer<typeof ZPartnerInput>;

export const ZReportInput = z
  .strictObject({
    receivedOn: ZEntryDate('受けた日'),
    reporterKind: z.enum(REPORTER_KINDS, { error: '誰からの情報かを選んでください。' }),
    partnerId: ZId.nullable().default(null),
    reporterName: optionalText('情報提供者の名前', 100),
    location: optionalText('場所（住所・地区）', 200),
    areaId: ZId.nullable().default(null),
    observed: requiredText('気づいたこと', 4000),
    peopleConcerned: optionalText('気になる人', 1000),
    risk: z.enum(RISKS, { error: '危険の程度を選んでください。' }),
    /** Add to a record the team already keeps, instead of starting one (outreach team only). */
    recordId: ZId.nullable().default(null),
    /** How the team will call the record until the person is known. */
    label: optionalText('記録の呼び名', 80),
  })
  .refine((r) => r.reporterKind !== 'watch_partner' || r.partnerId !== null, {
    error: '見守り協定先を選んでください。',
    path: ['partnerId'],
  });
export type ReportInput = z.infer<typeof ZReportInput>;

export const ZActivityInput = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS, { error: '記録の種類を選んでください。' }),
    happenedOn: ZEntryDate('日付'),
    means: z.enum(CONTACT_MEANS).nullable().default(null),
    result: z.enum(CONTACT_RESULTS).nullable().default(null),
    withWhom: optionalText('誰と・誰に', 200),
    notes: optionalText('内容', 4000),
    nextContactOn: ZIsoDate.nullable().default(null),
  })
  .refine((a) => a.kind !== 'contact' || a.means !== null, {
    error: '接触の方法を選んでください。',
    path: ['means'],
  })
  .refine((a) => a.kind !== 'contact' || a.result !== null, {
    error: '接触の結果を選んでください。',
    path: ['result'],
  })
  .refine((a) => !a.nextContactOn || a.nextContactOn >= a.happenedOn, {
    error: '次の接触予定は、記録した日より後にしてください。',
    path: ['nextContactOn'],
  });
export type ActivityInput = z.infer<typeof ZActivityInput>;

export const ZStageInput = z
  .strictObject({
    to: z.enum(STAGES, { error: '段階を選んでください。' }),
    note: optionalText('理由・様子', 1000),
    endReason: z.enum(END_REASONS).nullable().default(null),
  })
  .refine((s) => s.to !== 'ended' || s.endReason !== null, {
    error: '終了の理由を選んでください。',
    path: ['endReason'],
  });
export type StageInput = z.infer<typeof ZStageInput>;

export const ZRecordUpdate = z.strictObject({
  label: requiredText('記録の呼び名', 80).optional(),
  // Absent leaves the place as it is; empty clears it.
  location: plainText('場所（住所・地区）', 200)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  areaId: ZId.nullable().optional(),
  risk: z.enum(RISKS).optional(),
  assigneeIds: z.array(ZId).max(10).optional(),
  version: ZVersion,
});
export type RecordUpdate = z.infer<typeof ZRecordUpdate>;

export const ZRecordFilter = z.object({
  view: z.enum(['open', 'mine', 'stale', 'closed']).default('open'),
});

// ---- responses ----

export const ZPartner = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  agreedOn: z.string().nullable(),
  contactPerson: z.string().nullable(),
  reportsWhat: z.string().nullable(),
  reportsHow: z.string().nullable(),
  isActive: z.boolean(),
  reportCount: z.number(),
});
export type Partner = z.infer<typeof ZPartner>;
export const ZPartnerList = z.object({ partners: z.array(ZPartner), canManage: z.boolean() });

const ZAssignee = z.object({ userId: z.string(), name: z.string(), organisationName: z.string() });

export const ZRecordSummary = z.object({
  id: z.string(),
  label: z.string(),
  location: z.string().nullable(),
  areaName: z.string().nullable(),
  risk: z.enum(RISKS),
  stage: z.enum(STAGES),
  stageSince: z.string(),
  openedOn: z.string(),
  lastContactOn: z.string().nullable(),
  nextContactOn: z.string().nullable(),
  stale: z.boolean(),
  assignees: z.array(ZAssignee),
});
export type RecordSummary = z.infer<typeof ZRecordSummary>;
export const ZRecordList = z.object({ records: z.array(ZRecordSummary), staleDays: z.number() });

export const ZReport = z.object({
  id: z.string(),
  receivedOn: z.string(),
  reporterKind: z.enum(REPORTER_KINDS),
  partnerName: z.string().nullable(),
  reporterName: z.string().nullable(),
  location: z.string().nullable(),
  observed: z.string(),
  peopleConcerned: z.string().nullable(),
  risk: z.enum(RISKS),
  enteredBy: z.string(),
});

export const ZActivity = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  happenedOn: z.string(),
  means: z.enum(CONTACT_MEANS).nullable(),
  result: z.enum(CONTACT_RESULTS).nullable(),
  withWhom: z.string().nullable(),
  notes: z.string().nullable(),
  nextContactOn: z.string().nullable(),
  by: z.string(),
  recordedAt: z.string(),
});

export const ZStageChange = z.object({
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  changedOn: z.string(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  recordedAt: z.string(),
});

export const ZRecord = ZRecordSummary.extend({
  areaId: z.string().nullable(),
  version: z.number(),
  endReason: z.enum(END_REASONS).nullable(),
  consultationId: z.string().nullable(),
  householdId: z.string().nullable(),
  personName: z.string().nullable(),
  reports: z.array(ZReport),
  activities: z.array(ZActivity),
  stageChanges: z.array(ZStageChange),
  /** Stages a worker may move to from here (the UI offers only these). */
  moves: z.array(z.enum(STAGES)),
  canConvert: z.boolean(),
});
export type OutreachRecord = z.infer<typeof ZRecord>;

/** What the reporter sees of their report: that it was received and followed up, never details. */
export const ZMyReport = z.object({
  id: z.string(),
  receivedOn: z.string(),
  reporterKind: z.enum(REPORTER_KINDS),
  followUp: z.enum(REPORT_FOLLOW_UPS),
});
export const ZMyReports = z.object({ reports: z.array(ZMyReport) });

/** The outreach history that goes with the household once the person has consented. */
export const ZHistory = z.object({
  records: z.array(
    ZRecord.pick({
      id: true,
      label: true,
      openedOn: true,
      stage: true,
      reports: true,
      activities: true,
      stageChanges: true,
    }),
  ),
});
export type OutreachHistory = z.infer<typeof ZHistory>;

export const ZOutreachQueueItem = z.object({
  recordId: z.string(),
  label: z.string(),
  kind: z.enum(['life_risk', 'unassigned', 'contact_due', 'stale']),
  risk: z.enum(RISKS),
  since: z.string(),
});
export const ZOutreachQueue = z.object({ items: z.array(ZOutreachQueueItem) });

export const ZOutreachCounts = z.object({
  fiscalYear: z.number(),
  reportsBySource: z.array(z.object({ reporterKind: z.enum(REPORTER_KINDS), count: ZSafeCount })),
  reached: ZSafeCount,
  relationshipsFormed: ZSafeCount,
  connected: ZSafeCount,
  medianDaysToFirstContact: z.number().nullable(),
  medianDaysToConsent: z.number().nullable(),
});
export type OutreachCounts = z.infer<typeof ZOutreachCounts>;
