import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type {
  FunctionCode,
  ImportKind,
  PlanEvaluation,
  ProgramField,
  ProgramMethod,
} from '../../shared/program-vocabulary';
import { cases } from '../cases/cases.tables';
import { regionalIssues } from '../community/community.tables';
import { tenants } from '../tenants/tenants.tables';

// 事業の実施体制: one program of the municipality in one fiscal year (芦屋's tables).
export const programs = pgTable(
  'programs',
  {
    ...tenantRecord(),
    fiscalYear: integer('fiscal_year').notNull(),
    functionCode: text('function_code').$type<FunctionCode>().notNull(),
    name: text('name').notNull(),
    field: text('field').$type<ProgramField>(),
    description: text('description'),
    methods: text('methods').array().$type<ProgramMethod[]>().notNull().default(sql`'{}'::text[]`),
    operator: text('operator'),
    agencies: text('agencies'),
    agencyCount: integer('agency_count'),
    department: text('department'),
    staffing: text('staffing'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('programs_year').on(t.tenantId, t.fiscalYear)],
);

// The year's figures the municipality gives (人口 for the rate per 100,000).
export const programYears = pgTable(
  'program_years',
  {
    ...tenantRecord(),
    fiscalYear: integer('fiscal_year').notNull(),
    population: integer('population'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('program_years_year').on(t.tenantId, t.fiscalYear)],
);

// An indicator the municipality counts itself where no record of the product exists.
export const customIndicators = pgTable(
  'custom_indicators',
  {
    ...tenantRecord(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    definition: text('definition').notNull(),
    functionCode: text('function_code').$type<FunctionCode>(),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('custom_indicators_tenant').on(t.tenantId)],
);

/** A month's figure of a typed indicator (month 1 = April of the fiscal year … 12 = March). */
export const customIndicatorValues = pgTable(
  'custom_indicator_values',
  {
    ...tenantRecord(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => customIndicators.id),
    fiscalYear: integer('fiscal_year').notNull(),
    month: smallint('month').notNull(),
    value: numeric('value', { precision: 12, scale: 2 }).notNull(),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('custom_indicator_values_month').on(t.tenantId, t.indicatorId, t.fiscalYear, t.month)],
);

/** 成果目標: a target for one indicator (a key of the catalogue, or `custom:<id>`) in one year. */
export const programTargets = pgTable(
  'program_targets',
  {
    ...tenantRecord(),
    fiscalYear: integer('fiscal_year').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    target: numeric('target', { precision: 12, scale: 2 }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('program_targets_indicator').on(t.tenantId, t.fiscalYear, t.indicatorKey)],
);

// 年度計画: the plan period, its projects by heading, and each project's years.
export const programPlans = pgTable(
  'program_plans',
  {
    ...tenantRecord(),
    title: text('title').notNull(),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('program_plans_tenant').on(t.tenantId)],
);

export const planItems = pgTable(
  'plan_items',
  {
    ...tenantRecord(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => programPlans.id),
    /** (1)〜(5) */
    headingNo: smallint('heading_no').notNull(),
    heading: text('heading').notNull(),
    /** ア, イ, ウ … */
    label: text('label').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull().default(0),
    indicatorKeys: text('indicator_keys').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('plan_items_plan').on(t.tenantId, t.planId)],
);

export const planItemYears = pgTable(
  'plan_item_years',
  {
    ...tenantRecord(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id),
    fiscalYear: integer('fiscal_year').notNull(),
    planned: text('planned'),
    progress: text('progress'),
    evaluation: text('evaluation').$type<PlanEvaluation>(),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('plan_item_years_year').on(t.tenantId, t.itemId, t.fiscalYear)],
);

export const planItemIssues = pgTable(
  'plan_item_issues',
  {
    ...tenantRecord(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id),
    createdAt: createdAt(),
  },
  (t) => [unique('plan_item_issues_pair').on(t.tenantId, t.itemId, t.issueId)],
);

/** A spreadsheet's column mapping, saved per source (e.g. 「kintone 相談台帳」) so the next import needs none. */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...tenantRecord(),
    kind: text('kind').$type<ImportKind>().notNull(),
    source: text('source').notNull(),
    /** field of tsunagu → the spreadsheet's column header */
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    /** field → one value for every row, where the source has no column for it */
    fixed: jsonb('fixed').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('import_mappings_source').on(t.tenantId, t.kind, t.source)],
);

/**
 * The first support record of each case in each fiscal year, kept by triggers on
 * support_records (migration 0017) so that 「支援件数」 is read from one row per case, not from
 * the year's whole pile of records. Nothing else writes it.
 */
export const caseSupportYears = pgTable(
  'case_support_years',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    firstRecordOn: date('first_record_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.fiscalYear] }),
    index('case_support_years_year').on(t.tenantId, t.fiscalYear),
  ],
);

/**
 * The periods in which a case's team had two or more organisations at once (連携・協働), kept by
 * triggers on case_team_members (migration 0018) so that the year's count reads a few rows per
 * case instead of sorting every team membership. Nothing else writes it.
 */
export const caseCollaborationPeriods = pgTable(
  'case_collaboration_periods',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    fromOn: date('from_on').notNull(),
    /** The last day together; null while they still are. */
    toOn: date('to_on'),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.fromOn] }),
    index('case_collaboration_periods_from').on(t.tenantId, t.fromOn),
  ],
);
