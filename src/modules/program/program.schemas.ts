import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { EVALUATIONS, FIELDS, FUNCTIONS, METHODS } from '../../shared/program-vocabulary';
import { optionalText, requiredText, ZId } from '../../shared/schema-helpers';
import { ZSafeCount } from '../../shared/small-counts';
import { ZFiscalYear } from '../community/areas-community.schemas';

// 事業管理: the programs as run, the year's figures, targets, typed indicators, results.

export const ZEvaluation = z.enum(EVALUATIONS, { error: '評価を選んでください。' });
const ZFunction = z.enum(FUNCTIONS, { error: '事業の区分（第1号〜第6号）を選んでください。' });
const ZWhole = (label: string, max: number) =>
  z
    .number({ error: `${label}は数値で入力してください。` })
    .int({ error: `${label}は整数で入力してください。` })
    .min(0, { error: `${label}は0以上で入力してください。` })
    .max(max, { error: `${label}が大きすぎます。` });
const ZAmount = (label: string) =>
  z
    .number({ error: `${label}は数値で入力してください。` })
    .min(0, { error: `${label}は0以上で入力してください。` })
    .max(100_000_000, { error: `${label}が大きすぎます。` });

export const ZYearQuery = z.object({ fiscalYear: ZFiscalYear.optional() });
export const ZYearParam = z.object({ fiscalYear: ZFiscalYear });

const programFields = {
  fiscalYear: ZFiscalYear,
  functionCode: ZFunction,
  name: requiredText('事業名', 120),
  field: z.enum(FIELDS, { error: '分野を選んでください。' }).nullable(),
  description: optionalText('事業内容', 4000),
  methods: z
    .array(z.enum(METHODS, { error: '実施方式を選んでください。' }))
    .max(METHODS.length)
    .refine((list) => new Set(list).size === list.length, { error: '実施方式が重複しています。' }),
  operator: optionalText('委託先・補助先', 200),
  agencies: optionalText('支援機関', 400),
  agencyCount: ZWhole('支援機関の数', 10_000).nullable(),
  department: optionalText('所管課', 200),
  staffing: optionalText('実施体制（人員）', 2000),
  position: ZWhole('並び順', 10_000),
};

export const ZProgramInput = z.strictObject({
  ...programFields,
  field: programFields.field.default(null),
  description: programFields.description.default(null),
  methods: programFields.methods.default([]),
  operator: programFields.operator.default(null),
  agencies: programFields.agencies.default(null),
  agencyCount: programFields.agencyCount.default(null),
  department: programFields.department.default(null),
  staffing: programFields.staffing.default(null),
  position: programFields.position.default(0),
});
export type ProgramInput = z.infer<typeof ZProgramInput>;

const { fiscalYear: _year, ...editable } = programFields;
export const ZProgramUpdate = z.strictObject({ ...editable, version: ZVersion }).partial({
  functionCode: true,
  name: true,
  field: true,
  description: true,
  methods: true,
  operator: true,
  agencies: true,
  agencyCount: true,
  department: true,
  staffing: true,
  position: true,
});
export type ProgramUpdate = z.infer<typeof ZProgramUpdate>;

export const ZProgram = z.object({
  id: ZId,
  fiscalYear: z.number(),
  functionCode: ZFunction,
  name: z.string(),
  field: z.enum(FIELDS).nullable(),
  description: z.string().nullable(),
  methods: z.array(z.enum(METHODS)),
  operator: z.string().nullable(),
  agencies: z.string().nullable(),
  agencyCount: z.number().nullable(),
  department: z.string().nullable(),
  staffing: z.string().nullable(),
  position: z.number(),
  version: z.number(),
});
export const ZProgramList = z.object({
  fiscalYear: z.number(),
  programs: z.array(ZProgram),
  previousYearCount: z.number(),
});
export const ZCopyForward = z.strictObject({ fromYear: ZFiscalYear, toYear: ZFiscalYear });

export const ZYearSettings = z.strictObject({
  population: ZWhole('人口', 50_000_000).nullable(),
  version: ZVersion.optional(),
});
export const ZYearSettingsView = z.object({
  fiscalYear: z.number(),
  population: z.number().nullable(),
  version: z.number().nullable(),
});

export const ZTargetInput = z.strictObject({
  fiscalYear: ZFiscalYear,
  indicatorKey: z.string().min(1).max(80),
  target: ZAmount('目標値'),
  note: optionalText('目標のメモ', 400).default(null),
});
export const ZTargetUpdate = z
  .strictObject({ target: ZAmount('目標値'), note: optionalText('目標のメモ', 400), version: ZVersion })
  .partial({ target: true, note: true });
export type TargetInput = z.infer<typeof ZTargetInput>;
export type TargetUpdate = z.infer<typeof ZTargetUpdate>;
export const ZTarget = z.object({
  id: ZId,
  fiscalYear: z.number(),
  indicatorKey: z.string(),
  target: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});

export const ZCustomIndicatorInput = z.strictObject({
  name: requiredText('指標名', 80),
  unit: requiredText('単位', 10),
  definition: requiredText('何をどう数えるか', 400),
  functionCode: ZFunction.nullable().default(null),
});
export type CustomIndicatorInput = z.infer<typeof ZCustomIndicatorInput>;
export const ZCustomValues = z.strictObject({
  fiscalYear: ZFiscalYear,
  /** The indicator's version as read: values saved by someone else meanwhile are a 409. */
  version: ZVersion,
  values: z
    .array(z.strictObject({ month: z.number().int().min(1).max(12), value: ZAmount('値').nullable() }))
    .max(12),
});
export type CustomValues = z.infer<typeof ZCustomValues>;
export const ZCustomIndicator = z.object({
  id: ZId,
  name: z.string(),
  unit: z.string(),
  definition: z.string(),
  functionCode: ZFunction.nullable(),
  version: z.number(),
  values: z.array(z.object({ month: z.number(), value: z.number() })),
});

const ZPoint = z.object({
  month: z.number(),
  value: z.number().nullable(),
  inMonth: z.number().nullable(),
  /** A typed indicator's month that nobody has entered yet. */
  notEntered: z.boolean().optional(),
});
export const ZIndicatorResult = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  functions: z.array(ZFunction),
  definition: z.string(),
  aboutPeople: z.boolean(),
  toDate: z.number().nullable(),
  missing: z.enum(['suppressed', 'needs_population', 'nothing_yet']).nullable(),
  months: z.array(ZPoint),
  target: z.object({ value: z.number(), note: z.string().nullable(), version: z.number() }).nullable(),
  targetId: ZId.nullable(),
  achievement: z.number().nullable(),
});
export const ZResults = z.object({
  fiscalYear: z.number(),
  monthsElapsed: z.number(),
  population: z.number().nullable(),
  indicators: z.array(ZIndicatorResult),
  warnings: z.array(z.object({ pillar: z.string(), message: z.string() })),
});

export const ZDashboard = z.object({
  fiscalYear: z.number(),
  monthsElapsed: z.number(),
  trend: z.array(
    z.object({
      month: z.number(),
      consultations: z.number().nullable(),
      referrals: z.number().nullable(),
      consultationsToDate: z.number().nullable(),
      referralsToDate: z.number().nullable(),
    }),
  ),
  pipeline: z.array(z.object({ status: z.string(), label: z.string(), count: ZSafeCount })),
  pipelineTotal: ZSafeCount,
  funnel: z.array(z.object({ step: z.string(), label: z.string(), count: ZSafeCount })),
  issuesByZone: z.object({
    zones: z.array(z.object({ id: z.string(), name: z.string() })),
    rows: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        threshold: z.number(),
        cells: z.record(z.string(), ZSafeCount),
      }),
    ),
  }),
  targets: z.array(ZIndicatorResult),
  warnings: z.array(z.object({ pillar: z.string(), message: z.string() })),
});

export const ZPlanInput = z.strictObject({
  title: requiredText('計画の名前', 120),
  firstYear: ZFiscalYear,
  lastYear: ZFiscalYear,
});
export const ZPlanUpdate = ZPlanInput.partial().extend({ version: ZVersion });
export type PlanInput = z.infer<typeof ZPlanInput>;
export type PlanUpdate = z.infer<typeof ZPlanUpdate>;

const itemFields = {
  headingNo: z
    .number({ error: '見出しの番号は数値で入力してください。' })
    .int()
    .min(1, { error: '見出しの番号は1〜9です。' })
    .max(9, { error: '見出しの番号は1〜9です。' }),
  heading: requiredText('見出し（プロジェクト名）', 120),
  label: requiredText('記号（ア・イ・ウ…）', 4),
  title: requiredText('取組', 400),
  position: ZWhole('並び順', 10_000),
  indicatorKeys: z.array(z.string().min(1).max(80)).max(10, { error: '結びつける指標は10個までです。' }),
};
export const ZPlanItemInput = z.strictObject({
  ...itemFields,
  position: itemFields.position.default(0),
  indicatorKeys: itemFields.indicatorKeys.default([]),
});
export const ZPlanItemUpdate = z.strictObject({ ...itemFields, version: ZVersion }).partial({
  headingNo: true,
  heading: true,
  label: true,
  title: true,
  position: true,
  indicatorKeys: true,
});
export type PlanItemInput = z.infer<typeof ZPlanItemInput>;
export type PlanItemUpdate = z.infer<typeof ZPlanItemUpdate>;

export const ZPlanYearInput = z
  .strictObject({
    planned: optionalText('計画（その年度に行うこと）', 1000),
    progress: optionalText('進捗', 2000),
    evaluation: ZEvaluation.nullable(),
    version: ZVersion.optional(),
  })
  .partial({ planned: true, progress: true, evaluation: true });
export type PlanYearInput = z.infer<typeof ZPlanYearInput>;
export const ZPlanYearParams = z.object({ id: ZId, fiscalYear: ZFiscalYear });
export const ZPlanIssues = z.strictObject({
  issueIds: z.array(ZId).max(20, { error: '結びつける地域課題は20件までです。' }),
});

const ZPlanYear = z.object({
  fiscalYear: z.number(),
  planned: z.string().nullable(),
  progress: z.string().nullable(),
  evaluation: ZEvaluation.nullable(),
  version: z.number(),
});
export const ZPlanView = z.object({
  plan: z
    .object({ id: ZId, title: z.string(), firstYear: z.number(), lastYear: z.number(), version: z.number() })
    .nullable(),
  items: z.array(
    z.object({
      id: ZId,
      headingNo: z.number(),
      heading: z.string(),
      label: z.string(),
      title: z.string(),
      position: z.number(),
      indicatorKeys: z.array(z.string()),
      version: z.number(),
      years: z.array(ZPlanYear),
      issues: z.array(z.object({ id: ZId, title: z.string(), status: z.string() })),
    }),
  ),
});
