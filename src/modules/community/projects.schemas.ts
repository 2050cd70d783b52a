import { z } from '@hono/zod-openapi';
import { ZVersion } from '../../db/versions';
import {
  PROJECT_ACTIVITY_KINDS,
  PROJECT_STATUSES,
  REGIONAL_ISSUE_STATUSES,
} from '../../shared/community-vocabulary';
import { optionalText, requiredText, ZDoneDate, ZId, ZIsoDate } from '../../shared/schema-helpers';

const ZParticipants = z
  .number({ error: '参加者数は数字で入力してください。' })
  .int({ error: '参加者数は整数で入力してください。' })
  .min(0, { error: '参加者数は0以上で入力してください。' })
  .max(100_000, { error: '参加者数が大きすぎます。' });

const periodOk = (p: { startsOn?: string; endsOn?: string | null }) =>
  !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn;
const periodError = { error: '終了日は開始日以降にしてください。', path: ['endsOn'] };

export const ZCreateProject = z
  .strictObject({
    title: requiredText('プロジェクト名', 120),
    aim: requiredText('ねらい', 4000),
    leadOperatorId: ZId.nullable().default(null),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate.nullable().default(null),
    issueIds: z.array(ZId).min(1, { error: 'もとになる地域課題を1つ以上選んでください。' }).max(20),
    memberOperatorIds: z.array(ZId).max(100).default([]),
  })
  .refine(periodOk, periodError);
export type CreateProject = z.infer<typeof ZCreateProject>;

export const ZUpdateProject = z
  .strictObject({
    version: ZVersion,
    title: requiredText('プロジェクト名', 120).optional(),
    aim: requiredText('ねらい', 4000).optional(),
    leadOperatorId: ZId.nullable().optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    startsOn: ZIsoDate.optional(),
    endsOn: ZIsoDate.nullable().optional(),
    outcomes: optionalText('成果', 4000).optional(),
  })
  .refine(periodOk, periodError);
export type UpdateProject = z.infer<typeof ZUpdateProject>;

export const ZProjectMemberInput = z.strictObject({ operatorId: ZId, role: optionalText('役割', 60) });
export const ZProjectActivityInput = z.strictObject({
  kind: z.enum(PROJECT_ACTIVITY_KINDS, { error: '種類を選んでください。' }),
  heldOn: ZDoneDate('実施日'),
  title: requiredText('内容', 120),
  participants: ZParticipants.nullable().default(null),
  notes: optionalText('メモ', 4000),
});
export type ProjectActivityInput = z.infer<typeof ZProjectActivityInput>;
export const ZProjectResourceInput = z.strictObject({ resourceId: ZId });
export const ZProjectSubParams = z.object({ id: ZId, subId: ZId });

export const ZProjectSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  leadName: z.string().nullable(),
  issueCount: z.number(),
  resourceCount: z.number(),
});
export const ZProjectList = z.object({ projects: z.array(ZProjectSummary), canWrite: z.boolean() });

export const ZProject = z.object({
  id: z.string(),
  title: z.string(),
  aim: z.string(),
  status: z.enum(PROJECT_STATUSES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  outcomes: z.string().nullable(),
  version: z.number(),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  issues: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(REGIONAL_ISSUE_STATUSES) })),
  members: z.array(
    z.object({ id: z.string(), operatorId: z.string(), name: z.string(), role: z.string().nullable() }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(PROJECT_ACTIVITY_KINDS),
      heldOn: z.string(),
      title: z.string(),
      participants: z.number().nullable(),
      notes: z.string().nullable(),
      userName: z.string(),
    }),
  ),
  resources: z.array(z.object({ id: z.string(), name: z.string(), areaName: z.string().nullable() })),
  canWrite: z.boolean(),
});
export type Project = z.infer<typeof ZProject>;
