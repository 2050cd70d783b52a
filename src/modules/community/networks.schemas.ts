import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { TOPIC_KINDS } from '../../shared/meeting-vocabulary';
import { OPERATOR_KINDS } from '../../shared/participation-vocabulary';
import { optionalText, requiredText, ZDoneDate, ZId } from '../../shared/schema-helpers';

// ネットワーク・プラットフォーム: the network, its 部会, its members (operators of the resource
// directory), the meeting bodies it meets in (topic items only), its events and yearly counts.

const ZCount = z
  .number({ error: '参加者数は数値で入力してください。' })
  .int({ error: '参加者数は整数で入力してください。' })
  .min(0, { error: '参加者数は0以上で入力してください。' })
  .max(100_000, { error: '参加者数が大きすぎます。' });

export const ZFiscalYearQuery = z.object({
  fiscalYear: z.coerce
    .number({ error: '年度は数値で指定してください。' })
    .int()
    .min(2000, { error: '年度は2000年度以降を指定してください。' })
    .max(2100)
    .optional(),
});

const networkFields = {
  name: requiredText('ネットワークの名称', 80),
  description: optionalText('説明', 2000),
};

export const ZNetworkInput = z.strictObject({
  ...networkFields,
  subgroups: z
    .array(requiredText('部会の名称', 60))
    .max(30, { error: '部会は30までです。' })
    .refine((names) => new Set(names).size === names.length, { error: '同じ名前の部会が2つあります。' })
    .default([]),
});
export type NetworkInput = z.infer<typeof ZNetworkInput>;

export const ZNetworkUpdate = z.strictObject(networkFields).partial().extend({ version: ZVersion });
export type NetworkUpdate = z.infer<typeof ZNetworkUpdate>;

export const ZSubgroupInput = z.strictObject({ name: requiredText('部会の名称', 60) });
export type SubgroupInput = z.infer<typeof ZSubgroupInput>;

const ZSubgroupIds = z.array(ZId).max(30).default([]);

export const ZMemberInput = z.strictObject({
  operatorId: ZId,
  subgroupIds: ZSubgroupIds,
  joinedOn: ZDoneDate('参加した日').nullable().default(null),
});
export type MemberInput = z.infer<typeof ZMemberInput>;

export const ZMemberChange = z.strictObject({
  subgroupIds: ZSubgroupIds,
  joinedOn: ZDoneDate('参加した日').nullable().default(null),
});
export type MemberChange = z.infer<typeof ZMemberChange>;

export const ZBodyLinkInput = z.strictObject({
  bodyId: ZId,
  subgroupId: ZId.nullable().default(null),
});
export type BodyLinkInput = z.infer<typeof ZBodyLinkInput>;

export const ZEventInput = z.strictObject({
  heldOn: ZDoneDate('開催日'),
  title: requiredText('イベント・活動の名称', 120),
  subgroupId: ZId.nullable().default(null),
  participants: ZCount.nullable().default(null),
  notes: optionalText('メモ', 1000),
});
export type EventInput = z.infer<typeof ZEventInput>;

export const ZChildParam = z.object({ id: ZId, childId: ZId });

export const ZYearCount = z.object({
  fiscalYear: z.number(),
  label: z.string(),
  events: z.number(),
  participants: z.number(),
});

export const ZNetworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number(),
  subgroups: z.array(z.object({ id: z.string(), name: z.string(), memberCount: z.number() })),
  eventsThisYear: z.number(),
  participantsThisYear: z.number(),
  bodyCount: z.number(),
});
export type NetworkSummary = z.infer<typeof ZNetworkSummary>;

export const ZNetworkList = z.object({
  fiscalYear: z.number(),
  fiscalYearLabel: z.string(),
  networks: z.array(ZNetworkSummary),
  canWrite: z.boolean(),
});
export type NetworkList = z.infer<typeof ZNetworkList>;

const ZSession = z.object({
  id: z.string(),
  startsAt: z.string(),
  heldOn: z.string().nullable(),
  state: z.enum(['planned', 'prepared', 'held']),
  /** Topic items only (地域課題・社会資源の開発…): never a tabled case or outreach record. */
  topics: z.array(z.object({ id: z.string(), kind: z.enum(TOPIC_KINDS), title: z.string().nullable() })),
});

export const ZNetwork = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number(),
  fiscalYear: z.number(),
  fiscalYearLabel: z.string(),
  subgroups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      memberCount: z.number(),
      eventCount: z.number(),
      bodyCount: z.number(),
    }),
  ),
  members: z.array(
    z.object({
      id: z.string(),
      operatorId: z.string(),
      operatorName: z.string(),
      operatorKind: z.enum(OPERATOR_KINDS),
      subgroupIds: z.array(z.string()),
      joinedOn: z.string().nullable(),
    }),
  ),
  bodies: z.array(
    z.object({
      id: z.string(),
      bodyId: z.string(),
      bodyName: z.string(),
      subgroupId: z.string().nullable(),
      sessions: z.array(ZSession),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      title: z.string(),
      subgroupId: z.string().nullable(),
      participants: z.number().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  years: z.array(ZYearCount),
  canWrite: z.boolean(),
});
export type Network = z.infer<typeof ZNetwork>;
export type NetworkSession = z.infer<typeof ZSession>;
