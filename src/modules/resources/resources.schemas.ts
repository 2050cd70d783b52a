import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import {
  ACTIVITIES,
  OPERATOR_KINDS,
  RECEIVER_SUPPORT_KINDS,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  TARGET_ATTRIBUTES,
} from '../../shared/participation-vocabulary';
import { optionalText, requiredText, ZDoneDate, ZEntryDate, ZId } from '../../shared/schema-helpers';

const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻は 13:30 のように入力してください。' });

export const ZScheduleSlot = z
  .strictObject({
    weekday: z.number().int().min(0, { error: '曜日を選んでください。' }).max(6),
    opens: ZTime,
    closes: ZTime,
  })
  .refine((slot) => slot.opens < slot.closes, { error: '終わりの時刻は始まりより後にしてください。' });

const ZPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9０-９()（）\-‐－ー+ ]*$/, { error: '電話番号は数字とハイフンで入力してください。' });
const ZAge = z.number().int().min(0, { error: '年齢は0以上で入力してください。' }).max(120);
const ZCount = z.number().int().min(0, { error: '人数は0以上で入力してください。' }).max(10_000);

/** Every field of a resource as the directory keeps it. */
const resourceFields = {
  operatorId: ZId,
  name: requiredText('名称', 120),
  kinds: z
    .array(z.enum(RESOURCE_KINDS))
    .min(1, { error: '種別を1つ以上選んでください。' })
    .max(RESOURCE_KINDS.length),
  description: optionalText('内容', 2000),
  areaId: ZId.nullable(),
  address: optionalText('所在地', 200),
  schedule: z.array(ZScheduleSlot).max(28),
  irregular: z.boolean(),
  scheduleNote: optionalText('日程の補足', 200),
  forEveryone: z.boolean(),
  ageMin: ZAge.nullable(),
  ageMax: ZAge.nullable(),
  targetAttributes: z.array(z.enum(TARGET_ATTRIBUTES)).max(TARGET_ATTRIBUTES.length),
  activities: z.array(z.enum(ACTIVITIES)).max(ACTIVITIES.length),
  free: z.boolean(),
  costNote: optionalText('費用', 200),
  accessibility: optionalText('バリアフリー・配慮', 500),
  contactName: optionalText('連絡先の担当者', 60),
  contactPhone: ZPhone.nullable(),
  contactEmail: z.email({ error: 'メールアドレスの形式が正しくありません。' }).max(200).nullable(),
  receivingSupport: optionalText('受け入れ側ができる配慮・支援', 1000),
  capacity: ZCount.nullable(),
  placesFree: ZCount.nullable(),
  status: z.enum(RESOURCE_STATUSES, { error: '状態を選んでください。' }),
};

const ageOrder = (r: { ageMin?: number | null; ageMax?: number | null }) =>
  r.ageMin == null || r.ageMax == null || r.ageMin <= r.ageMax;
const AGE_ORDER = { error: '対象年齢の下限は上限以下にしてください。', path: ['ageMax'] };

export const ZResourceInput = z
  .strictObject({
    ...resourceFields,
    description: resourceFields.description.default(null),
    areaId: resourceFields.areaId.default(null),
    address: resourceFields.address.default(null),
    schedule: resourceFields.schedule.default([]),
    irregular: resourceFields.irregular.default(false),
    scheduleNote: resourceFields.scheduleNote.default(null),
    forEveryone: resourceFields.forEveryone.default(true),
    ageMin: resourceFields.ageMin.default(null),
    ageMax: resourceFields.ageMax.default(null),
    targetAttributes: resourceFields.targetAttributes.default([]),
    activities: resourceFields.activities.default([]),
    free: resourceFields.free.default(true),
    costNote: resourceFields.costNote.default(null),
    accessibility: resourceFields.accessibility.default(null),
    contactName: resourceFields.contactName.default(null),
    contactPhone: resourceFields.contactPhone.default(null),
    contactEmail: resourceFields.contactEmail.default(null),
    receivingSupport: resourceFields.receivingSupport.default(null),
    capacity: resourceFields.capacity.default(null),
    placesFree: resourceFields.placesFree.default(null),
    status: resourceFields.status.default('active'),
  })
  .refine(ageOrder, AGE_ORDER)
  .refine((r) => r.capacity === null || r.placesFree === null || r.placesFree <= r.capacity, {
    error: '空きが定員を超えています。確かめてください。',
    path: ['placesFree'],
  });
export type ResourceInput = z.infer<typeof ZResourceInput>;

export const ZResourceUpdate = z
  .strictObject(resourceFields)
  .partial()
  .extend({ version: ZVersion })
  .refine(ageOrder, AGE_ORDER);
export type ResourceUpdate = z.infer<typeof ZResourceUpdate>;

export const ZVerifyInput = z.strictObject({
  verifiedOn: ZDoneDate('確認日'),
  placesFree: ZCount.nullable().optional(),
  status: z.enum(RESOURCE_STATUSES).optional(),
  version: ZVersion,
});
export type VerifyInput = z.infer<typeof ZVerifyInput>;

export const ZOperatorInput = z.strictObject({
  name: requiredText('団体名', 120),
  kind: z.enum(OPERATOR_KINDS, { error: '団体の種別を選んでください。' }),
  organisationId: ZId.nullable().default(null),
  phone: ZPhone.nullable().default(null),
  email: z.email({ error: 'メールアドレスの形式が正しくありません。' }).max(200).nullable().default(null),
  website: z.url({ error: 'URLの形式が正しくありません。' }).max(300).nullable().default(null),
  description: optionalText('団体の説明', 1000).default(null),
});
export type OperatorInput = z.infer<typeof ZOperatorInput>;

export const ZOperator = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(OPERATOR_KINDS),
  organisationId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  resourceCount: z.number(),
});
export type Operator = z.infer<typeof ZOperator>;
export const ZOperatorList = z.object({ operators: z.array(ZOperator), canManage: z.boolean() });

export const ZResource = z.object({
  id: z.string(),
  operatorId: z.string(),
  operatorName: z.string(),
  name: z.string(),
  kinds: z.array(z.enum(RESOURCE_KINDS)),
  description: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  schedule: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
  irregular: z.boolean(),
  scheduleNote: z.string().nullable(),
  forEveryone: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  targetAttributes: z.array(z.enum(TARGET_ATTRIBUTES)),
  activities: z.array(z.enum(ACTIVITIES)),
  free: z.boolean(),
  costNote: z.string().nullable(),
  accessibility: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  receivingSupport: z.string().nullable(),
  capacity: z.number().nullable(),
  placesFree: z.number().nullable(),
  status: z.enum(RESOURCE_STATUSES),
  verifiedOn: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  /** Not verified within the municipal number of days. */
  stale: z.boolean(),
  version: z.number(),
});
export type Resource = z.infer<typeof ZResource>;

export const ZResourceFilter = z.object({
  kind: z.enum(RESOURCE_KINDS).optional(),
  areaId: ZId.optional(),
  weekday: z.coerce.number().int().min(0).max(6).optional(),
  status: z.enum(RESOURCE_STATUSES).optional(),
  stale: z.enum(['true']).optional(),
  q: z.string().trim().max(60).optional(),
});
export type ResourceFilter = z.infer<typeof ZResourceFilter>;
export const ZResourceList = z.object({
  resources: z.array(ZResource),
  canManage: z.boolean(),
  verifyDays: z.number(),
});

export const ZSupportLogInput = z.strictObject({
  kind: z.enum(RECEIVER_SUPPORT_KINDS, { error: 'サポートの種類を選んでください。' }),
  happenedOn: ZEntryDate('実施日'),
  note: requiredText('内容', 2000),
});
export type SupportLogInput = z.infer<typeof ZSupportLogInput>;
export const ZSupportLogList = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(RECEIVER_SUPPORT_KINDS),
      happenedOn: z.string(),
      note: z.string(),
      userName: z.string(),
      organisationName: z.string().nullable(),
    }),
  ),
});
