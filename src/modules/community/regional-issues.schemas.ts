import { z } from '@hono/zod-openapi';
import { ZVersion } from '../../db/versions';
import {
  ISSUE_SOURCES,
  REGIONAL_ISSUE_STATUSES,
  type RegionalIssueStatus,
} from '../../shared/community-vocabulary';
import { optionalText, requiredText, ZDoneDate, ZId } from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';

const ZAreaIds = z
  .array(ZId)
  .max(20, { error: '地区は20まで選べます。' })
  .refine((ids) => new Set(ids).size === ids.length, { error: '同じ地区が重複しています。' });
const ZIssueCodes = z
  .array(z.string().min(1).max(40))
  .max(10, { error: '課題の分類は10まで選べます。' })
  .refine((codes) => new Set(codes).size === codes.length, { error: '同じ課題の分類が重複しています。' });

export const ZRaiseIssue = z.strictObject({
  title: requiredText('地域課題の名前', 120),
  description: requiredText('内容', 4000),
  areaIds: ZAreaIds.default([]),
  issueCodes: ZIssueCodes.default([]),
  source: z.enum(ISSUE_SOURCES, { error: 'どこから提起されたかを選んでください。' }),
  caseIds: z.array(ZId).max(50).default([]),
  raisedOn: ZDoneDate('提起した日'),
});
export type RaiseIssue = z.infer<typeof ZRaiseIssue>;

export const ZUpdateIssue = z.strictObject({
  version: ZVersion,
  title: requiredText('地域課題の名前', 120).optional(),
  description: requiredText('内容', 4000).optional(),
  areaIds: ZAreaIds.optional(),
  issueCodes: ZIssueCodes.optional(),
});
export type UpdateIssue = z.infer<typeof ZUpdateIssue>;

export const ZMoveIssue = z.strictObject({
  version: ZVersion,
  to: z.enum(REGIONAL_ISSUE_STATUSES, { error: '次の状況を選んでください。' }),
  on: ZDoneDate('日付'),
  body: optionalText('協議の場（会議体）', 80),
  note: optionalText('メモ', 2000),
});
export type MoveIssue = z.infer<typeof ZMoveIssue>;

export const ZLinkCase = z.strictObject({ caseId: ZId });
export const ZIssueCaseParams = z.object({ id: ZId, caseId: ZId });

export const ZIssueFilter = z.object({
  status: z.enum(REGIONAL_ISSUE_STATUSES).optional(),
  areaId: ZId.optional(),
  caseId: ZId.optional(),
});

const ZAreaRef = z.object({ id: z.string(), name: z.string() });

export const ZIssueSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(REGIONAL_ISSUE_STATUSES),
  source: z.enum(ISSUE_SOURCES),
  areas: z.array(ZAreaRef),
  issues: z.array(z.object({ code: z.string(), label: z.string() })),
  raisedOn: z.string(),
  proposedTo: z.string().nullable(),
  proposedOn: z.string().nullable(),
  projectCount: z.number(),
});
export type IssueSummary = z.infer<typeof ZIssueSummary>;

export const ZIssueList = z.object({ issues: z.array(ZIssueSummary), canRaise: z.boolean() });

const ZCellCounts = z.record(z.string(), ZSafeCount);

export const ZEvidence = z.object({
  fiscalYear: z.number(),
  /** Cases by category for each area of the issue: the overview's own cells. */
  cases: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      threshold: z.number(),
      current: ZCellCounts,
      previous: ZCellCounts,
    }),
  ),
  outreach: z.object({ threshold: z.number(), current: ZCellCounts, previous: ZCellCounts }),
  unmetNeeds: z.array(z.object({ wish: z.string(), areaId: z.string(), count: ZSafeCount })),
  linkedCases: ZSafeCount,
  linkedThreshold: z.number(),
});

export const ZIssueEvent = z.object({
  id: z.string(),
  fromStatus: z.enum(REGIONAL_ISSUE_STATUSES).nullable(),
  toStatus: z.enum(REGIONAL_ISSUE_STATUSES),
  happenedOn: z.string(),
  body: z.string().nullable(),
  note: z.string().nullable(),
  userName: z.string(),
});

export const ZRegionalIssue = ZIssueSummary.extend({
  description: z.string(),
  version: z.number(),
  raisedByName: z.string(),
  sourceMeeting: z.object({ bodyName: z.string(), startsAt: z.string() }).nullable(),
  events: z.array(ZIssueEvent),
  projects: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  /** Linked cases the viewer may see; the others are only counted. */
  visibleCases: z.array(z.object({ id: z.string(), summary: z.string(), householdName: z.string() })),
  evidence: ZEvidence,
  nextMoves: z.array(z.enum(REGIONAL_ISSUE_STATUSES)),
  canWrite: z.boolean(),
  canLinkCases: z.boolean(),
});
export type RegionalIssue = z.infer<typeof ZRegionalIssue>;
export type NextMoves = RegionalIssueStatus[];
