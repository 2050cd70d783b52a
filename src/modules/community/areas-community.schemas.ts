import { z } from '@hono/zod-openapi';
import { ZVersion } from '../../db/versions';
import { AREA_WORKER_ROLES, COMMUNITY_ACTIVITY_KINDS } from '../../shared/community-vocabulary';
import { optionalText, requiredText, ZDoneDate, ZId } from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';
import { AREA_LEVELS } from '../../shared/vocabulary';
import { ZIssueSummary } from './regional-issues.schemas';

const figure = (label: string) =>
  z
    .number({ error: `${label}は数字で入力してください。` })
    .int({ error: `${label}は整数で入力してください。` })
    .min(0, { error: `${label}は0以上で入力してください。` })
    .max(10_000_000, { error: `${label}が大きすぎます。` })
    .nullable();

export const ZFiscalYear = z.coerce
  .number({ error: '年度は数字で指定してください。' })
  .int()
  .min(2000, { error: '年度は2000年度以降を指定してください。' })
  .max(2100, { error: '年度が大きすぎます。' });

export const ZExtraFigure = z.strictObject({
  label: requiredText('項目名', 40),
  value: z.number({ error: '値は数字で入力してください。' }).min(0).max(100_000_000),
  unit: z.string().trim().max(10, { error: '単位は10文字以内で入力してください。' }).default(''),
});

const ZProfileFields = {
  population: figure('人口'),
  households: figure('世帯数'),
  aged65: figure('65歳以上人口'),
  aged75: figure('75歳以上人口'),
  singleElderlyHouseholds: figure('高齢単身世帯数'),
  children: figure('子ども（18歳未満）の数'),
  associationRate: z
    .number({ error: '自治会・町会加入率は数字で入力してください。' })
    .min(0, { error: '加入率は0〜100で入力してください。' })
    .max(100, { error: '加入率は0〜100で入力してください。' })
    .nullable(),
  extraFigures: z.array(ZExtraFigure).max(20, { error: '追加の項目は20までです。' }),
  strengths: optionalText('地域の強み', 4000),
  issues: optionalText('地域の課題', 4000),
  vision: optionalText('地域ビジョン', 4000),
};

/** Saves a year's profile: version null creates it, a version changes only what is sent. */
export const ZSaveProfile = z.strictObject(ZProfileFields).partial().extend({ version: ZVersion.nullable() });
export type SaveProfile = z.infer<typeof ZSaveProfile>;

export const ZProfile = z.object({
  fiscalYear: z.number(),
  version: z.number(),
  population: z.number().nullable(),
  households: z.number().nullable(),
  aged65: z.number().nullable(),
  aged75: z.number().nullable(),
  singleElderlyHouseholds: z.number().nullable(),
  children: z.number().nullable(),
  associationRate: z.number().nullable(),
  extraFigures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  strengths: z.string().nullable(),
  issues: z.string().nullable(),
  vision: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Profile = z.infer<typeof ZProfile>;

export const ZWorkerInput = z
  .strictObject({
    role: z.enum(AREA_WORKER_ROLES, { error: '役割を選んでください。' }),
    userId: ZId.nullable().default(null),
    name: optionalText('氏名', 60),
    affiliation: optionalText('所属', 80),
    note: optionalText('備考（地区福祉委員会など）', 200),
  })
  .refine((w) => w.userId || w.name, { error: '職員を選ぶか、氏名を入力してください。', path: ['name'] });
export type WorkerInput = z.infer<typeof ZWorkerInput>;

export const ZActivityInput = z.strictObject({
  areaId: ZId,
  kind: z.enum(COMMUNITY_ACTIVITY_KINDS, { error: '働きかけの種類を選んでください。' }),
  heldOn: ZDoneDate('実施日'),
  title: requiredText('内容', 120),
  participants: z
    .number({ error: '参加者数は数字で入力してください。' })
    .int()
    .min(0, { error: '参加者数は0以上で入力してください。' })
    .max(100_000)
    .nullable()
    .default(null),
  resourceId: ZId.nullable().default(null),
  notes: optionalText('メモ', 4000),
});
export type ActivityInput = z.infer<typeof ZActivityInput>;

export const ZAreaSubParams = z.object({ id: ZId, subId: ZId });
export const ZAreaYearQuery = z.object({ fiscalYear: ZFiscalYear.optional() });

const ZWorker = z.object({
  id: z.string(),
  role: z.enum(AREA_WORKER_ROLES),
  userId: z.string().nullable(),
  name: z.string(),
  affiliation: z.string().nullable(),
  note: z.string().nullable(),
});

export const ZCommunityArea = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(AREA_LEVELS),
  parentId: z.string().nullable(),
  population: z.number().nullable(),
  aged65: z.number().nullable(),
  workers: z.array(ZWorker),
  openIssues: z.number(),
  resources: z.number(),
  activitiesThisYear: z.number(),
});
export const ZCommunityAreaList = z.object({
  fiscalYear: z.number(),
  areas: z.array(ZCommunityArea),
  canWrite: z.boolean(),
});

export const ZAreaPage = z.object({
  area: z.object({
    id: z.string(),
    name: z.string(),
    level: z.enum(AREA_LEVELS),
    parentName: z.string().nullable(),
    children: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  fiscalYear: z.number(),
  profile: ZProfile.nullable(),
  previousProfile: ZProfile.nullable(),
  profileYears: z.array(z.number()),
  workers: z.array(ZWorker),
  activities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(COMMUNITY_ACTIVITY_KINDS),
      heldOn: z.string(),
      title: z.string(),
      participants: z.number().nullable(),
      resourceName: z.string().nullable(),
      notes: z.string().nullable(),
      userName: z.string(),
      areaName: z.string(),
    }),
  ),
  placeConsultations: z.array(
    z.object({ resourceId: z.string(), resourceName: z.string(), count: ZSafeCount }),
  ),
  resources: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  issues: z.array(ZIssueSummary),
  cases: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      threshold: z.number(),
      current: ZSafeCount,
      previous: ZSafeCount,
    }),
  ),
  canWrite: z.boolean(),
});
export type AreaPage = z.infer<typeof ZAreaPage>;

const ZCells = z.record(z.string(), ZSafeCount);
export const ZOverview = z.object({
  fiscalYear: z.number(),
  areas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.enum(AREA_LEVELS),
      parentId: z.string().nullable(),
    }),
  ),
  rows: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      sensitive: z.boolean(),
      threshold: z.number(),
      current: ZCells,
      previous: ZCells,
    }),
  ),
  outreach: z.object({ threshold: z.number(), current: ZCells, previous: ZCells }),
  canRaise: z.boolean(),
});
export type Overview = z.infer<typeof ZOverview>;
