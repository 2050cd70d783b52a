import { z } from 'zod';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  DECISION_KINDS,
  GOAL_RESULTS,
  NEXT_STEPS,
  PLAN_CONSENT_METHODS,
  RECORD_TYPES,
  SCREENING_OUTCOMES,
} from '../../shared/case-vocabulary';
import {
  optionalText,
  requiredText,
  ZDecidedDate,
  ZEntryDate,
  ZId,
  ZIsoDate,
} from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';
import { ZAssessmentInput, ZEvaluationGoal, ZPlanContent } from './case-content';

// ---- requests ----

export const ZOpenCase = z.strictObject({
  householdId: ZId.nullable().default(null),
  referralId: ZId.nullable().default(null),
  concernedPersonIds: z.array(ZId).max(20).default([]),
  summary: requiredText('事例の概要', 2000),
});
export type OpenCase = z.infer<typeof ZOpenCase>;

export const ZDecisionInput = z.strictObject({
  // a decision is taken before it is recorded, at times weeks before (a meeting's minutes)
  decidedOn: ZDecidedDate('決定日'),
  decidingBody: requiredText('決定した会議体', 100),
  content: requiredText('決定の内容', 4000),
  /** The held session where it was decided (the case on its agenda): the decision links to it. */
  meetingSessionId: ZId.nullable().default(null),
});
export type DecisionInput = z.infer<typeof ZDecisionInput>;

export const ZConnectionInput = z.strictObject({
  organisationId: ZId,
  userId: ZId.nullable().default(null),
  intervalDays: z
    .number({ error: '連絡の間隔は日数で入力してください。' })
    .int()
    .min(1, { error: '連絡の間隔は1日以上にしてください。' })
    .max(365, { error: '連絡の間隔は365日以内にしてください。' }),
  how: requiredText('つながり方', 500),
  firstContactOn: ZIsoDate,
});
export type ConnectionInput = z.infer<typeof ZConnectionInput>;

export const ZCaseTransition = z.strictObject({
  to: z.enum(CASE_STATUSES, { error: '移る先の段階が正しくありません。' }),
  note: optionalText('理由', 2000),
  decision: ZDecisionInput.nullable().default(null),
  closureReason: z.enum(CLOSURE_REASONS).nullable().default(null),
  connection: ZConnectionInput.nullable().default(null),
});
export type CaseTransition = z.infer<typeof ZCaseTransition>;

export const ZScreeningInput = z.strictObject({
  outcome: z.enum(SCREENING_OUTCOMES, { error: 'スクリーニングの判断を選んでください。' }),
  reason: requiredText('判断の理由', 4000),
  decidedOn: ZDecidedDate('判断した日'),
  decidingBody: requiredText('判断した者・会議体', 100).default('コーディネーター'),
});
export type ScreeningInput = z.infer<typeof ZScreeningInput>;

export const ZTeamMemberInput = z.strictObject({
  organisationId: ZId,
  userId: ZId.nullable().default(null),
  role: requiredText('役割', 200),
});
export type TeamMemberInput = z.infer<typeof ZTeamMemberInput>;

export const ZLeaveTeam = z.strictObject({ note: requiredText('外れる理由', 1000) });

export const ZLeadInput = z.strictObject({ organisationId: ZId, userId: ZId.nullable().default(null) });
export type LeadInput = z.infer<typeof ZLeadInput>;

export const ZPlanInput = z.strictObject({
  content: ZPlanContent,
  reviewOn: ZIsoDate,
  consentOn: ZEntryDate('同意を得た日').nullable().default(null),
  consentMethod: z.enum(PLAN_CONSENT_METHODS).nullable().default(null),
});
export type PlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanConsent = z.strictObject({
  consentOn: ZEntryDate('同意を得た日'),
  consentMethod: z.enum(PLAN_CONSENT_METHODS, { error: '同意の方法（書面・口頭）を選んでください。' }),
});
export type PlanConsent = z.infer<typeof ZPlanConsent>;

export const ZRecordInput = z.strictObject({
  recordedOn: ZEntryDate('支援の日'),
  type: z.enum(RECORD_TYPES, { error: '記録の種類を選んでください。' }),
  minutes: z
    .number({ error: '所要時間は分で入力してください。' })
    .int()
    .min(0)
    .max(24 * 60, { error: '所要時間は1440分以内で入力してください。' })
    .nullable()
    .default(null),
  content: requiredText('記録の内容', 8000),
  goalKey: z.string().max(40).nullable().default(null),
  actionKey: z.string().max(40).nullable().default(null),
});
export type RecordInput = z.infer<typeof ZRecordInput>;

export const ZEvaluationInput = z
  .strictObject({
    evaluatedOn: ZEntryDate('評価日'),
    goals: z.array(ZEvaluationGoal).min(1).max(20),
    overall: requiredText('総合評価', 4000),
    nextStep: z.enum(NEXT_STEPS, { error: '次の方針を選んでください。' }),
    nextReviewOn: ZIsoDate.nullable().default(null),
  })
  .refine((e) => e.nextStep !== 'continue' || e.nextReviewOn, {
    error: '継続するときは、次のモニタリング時期を入力してください。',
    path: ['nextReviewOn'],
  });
export type EvaluationInput = z.infer<typeof ZEvaluationInput>;

export const ZCaseListQuery = z.object({
  status: z.enum(['active', 'closed', 'all']).default('active'),
  householdId: ZId.optional(),
  /** Part of the household's name or of a concerned person's name or reading. */
  q: z.string().trim().max(40).optional(),
});
export type CaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZActionKeyParam = z.object({ id: ZId, key: z.string().regex(/^[a-z0-9-]{1,40}$/) });
export const ZMemberParam = z.object({ id: ZId, memberId: ZId });
export const ZPlanParam = z.object({ id: ZId, planId: ZId });

// ---- responses ----

const ZWho = {
  organisationName: z.string().nullable(),
  userName: z.string().nullable(),
};

export const ZCaseSummary = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  summary: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  personNames: z.array(z.string()),
  leadOrganisationName: z.string(),
  leadUserName: z.string().nullable(),
  openedOn: z.string(),
  lastRecordOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  /** Every concerned person's consent to share with all agencies is in force today (the gate of consent-bound meetings). */
  consentInForce: z.boolean(),
});
export type CaseSummary = z.infer<typeof ZCaseSummary>;

export const ZTeamMember = z.object({
  id: z.string(),
  organisationId: z.string(),
  userId: z.string().nullable(),
  role: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  isLead: z.boolean(),
  /** 外部の関係機関: no staff accounts; the lead or a coordinator records its part */
  external: z.boolean(),
  lastRecordOn: z.string().nullable(),
  /** No record by this agency for the municipal number of days (任せきり). */
  quiet: z.boolean(),
  ...ZWho,
});

export const ZDecision = z.object({
  id: z.string(),
  kind: z.enum(DECISION_KINDS),
  decidedOn: z.string(),
  decidingBody: z.string(),
  content: z.string(),
  screeningOutcome: z.enum(SCREENING_OUTCOMES).nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  /** The session of a meeting body that took the decision, if one did. */
  meetingSessionId: z.string().nullable(),
});

const ZAuthored = {
  id: z.string(),
  version: z.number(),
  createdAt: z.string(),
  ...ZWho,
};

export const ZAssessmentVersion = z.object({
  ...ZAuthored,
  content: ZAssessmentInput.extend({
    composition: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        relationship: z.string().nullable(),
        age: z.string(),
      }),
    ),
  }),
  changes: z.array(z.string()),
});
export type AssessmentVersion = z.infer<typeof ZAssessmentVersion>;

export const ZPlanVersion = z.object({
  ...ZAuthored,
  content: ZPlanContent,
  reviewOn: z.string(),
  consentOn: z.string().nullable(),
  consentMethod: z.enum(PLAN_CONSENT_METHODS).nullable(),
  approvedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  changes: z.array(z.string()),
});
export type PlanVersion = z.infer<typeof ZPlanVersion>;

export const ZEvaluation = z.object({
  id: z.string(),
  planVersion: z.number(),
  evaluatedOn: z.string(),
  goals: z.array(
    z.object({ goalKey: z.string(), result: z.enum(GOAL_RESULTS), comment: z.string().nullable() }),
  ),
  overall: z.string(),
  nextStep: z.enum(NEXT_STEPS),
  ...ZWho,
});
export type Evaluation = z.infer<typeof ZEvaluation>;

export const ZTimelineEntry = z.object({
  key: z.string(),
  /** A date (records, decisions) or a timestamp (everything else). */
  at: z.string(),
  kind: z.enum(['status', 'team', 'decision', 'record', 'assessment', 'plan', 'evaluation']),
  title: z.string(),
  detail: z.string().nullable(),
  recordType: z.enum(RECORD_TYPES).nullable(),
  minutes: z.number().nullable(),
  serves: z.string().nullable(),
  ...ZWho,
});
export type TimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZCase = ZCaseSummary.extend({
  referral: z.object({ id: z.string(), fromOrganisationName: z.string() }).nullable(),
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      relationship: z.string().nullable(),
      age: z.string(),
      concerned: z.boolean(),
    }),
  ),
  leadOrganisationId: z.string(),
  leadUserId: z.string().nullable(),
  screeningOutcome: z.enum(SCREENING_OUTCOMES).nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closedOn: z.string().nullable(),
  team: z.array(ZTeamMember),
  assessment: ZAssessmentVersion.nullable(),
  plan: ZPlanVersion.nullable(),
  /** The approved plan the team works to (may be older than a draft revision). */
  planInForce: ZPlanVersion.nullable(),
  completedActionKeys: z.array(z.string()),
  evaluation: ZEvaluation.nullable(),
  decisions: z.array(ZDecision),
  connection: z
    .object({
      organisationId: z.string(),
      intervalDays: z.number(),
      how: z.string(),
      nextContactOn: z.string(),
      endedOn: z.string().nullable(),
      ...ZWho,
    })
    .nullable(),
  timeline: z.array(ZTimelineEntry),
  recordTotal: z.number(),
  /** The issues the intake recorded (◎ first): where a first plan's 課題 start. */
  intakeIssues: z.array(z.string()),
  inactivityDays: z.number(),
  /** The acting user may record on this case and take its steps. */
  canWrite: z.boolean(),
  /** The lead organisation and coordinators change the team and the lead. */
  canManageTeam: z.boolean(),
  isCoordinator: z.boolean(),
});
export type Case = z.infer<typeof ZCase>;

export const ZCaseList = z.object({ cases: z.array(ZCaseSummary) });

export const ZAssessmentList = z.object({ versions: z.array(ZAssessmentVersion) });
export const ZPlanList = z.object({ versions: z.array(ZPlanVersion) });

export const WORK_ITEM_KINDS = [
  'screening',
  'review_due',
  'action_overdue',
  'no_record',
  'connection_due',
] as const;
export const ZWorkItem = z.object({
  kind: z.enum(WORK_ITEM_KINDS),
  caseId: z.string(),
  personName: z.string().nullable(),
  due: z.string().nullable(),
  detail: z.string().nullable(),
  /** Assigned to the acting user personally (others are for the organisation). */
  mine: z.boolean(),
});
export type WorkItem = z.infer<typeof ZWorkItem>;
export const ZWorkQueue = z.object({
  items: z.array(ZWorkItem),
  /** All items due; only the soonest are listed. */
  total: z.number(),
});

export const ZCaseCounts = z.object({
  byStatus: z.record(z.string(), ZSafeCount),
  openedThisYear: ZSafeCount,
  closedThisYear: ZSafeCount,
  fiscalYear: z.number(),
});
