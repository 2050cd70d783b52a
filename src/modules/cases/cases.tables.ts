import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CaseStatus,
  ClosureReason,
  DecisionKind,
  NextStep,
  PlanConsentMethod,
  RecordType,
  ScreeningOutcome,
} from '../../shared/case-vocabulary';
import { households } from '../households/households.tables';
import { meetingSessions } from '../meetings/meetings.tables';
import { organisations } from '../organisations/organisations.tables';
import { referrals } from '../referrals/referrals.tables';
import { tenants } from '../tenants/tenants.tables';
import { users } from '../users/users.tables';
import type { AssessmentContent, EvaluationGoal, PlanContent } from './case-content';
import { ACTIVE_STATUS_ARRAY } from './case-state';

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id);
/** The columns every record of a case starts with. */
const ofCase = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantId(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
});
/** Who wrote a document or decision (the worker and the organisation they wrote it for). */
const writtenBy = () => ({
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisations.id),
});

// 多機関協働事例: one household that no single agency can carry, supported by one team with one plan.
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    concernedPersonIds: uuid('concerned_person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    summary: text('summary').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id),
    leadUserId: uuid('lead_user_id').references(() => users.id),
    screeningOutcome: text('screening_outcome').$type<ScreeningOutcome>(),
    closureReason: text('closure_reason').$type<ClosureReason>(),
    // Kept up to date on every support record and plan approval so that work queues read one row.
    lastRecordOn: date('last_record_on'),
    nextReviewOn: date('next_review_on'),
    // The approved plan the team works to; its actions are in case_actions.
    planInForceId: uuid('plan_in_force_id').references((): AnyPgColumn => casePlans.id),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_tenant_status').on(t.tenantId, t.status),
    index('cases_household').on(t.householdId),
    index('cases_referral').on(t.referralId),
    index('cases_review_due').on(t.tenantId, t.status, t.nextReviewOn),
    index('cases_lead_status').on(t.leadOrganisationId, t.status),
    index('cases_tenant_opened').on(t.tenantId, t.openedOn),
    // The work queue's parts, each read from its index alone (migration 0026 adds the columns
    // the queue reads as INCLUDE, which Drizzle does not declare).
    index('cases_lead_review_due').on(t.leadOrganisationId, t.nextReviewOn).where(sql`status = 'supporting'`),
    index('cases_lead_last_record')
      .on(t.leadOrganisationId, sql`coalesce(last_record_on, opened_on)`)
      .where(sql`status = any(${ACTIVE_STATUS_ARRAY})`),
    index('cases_awaiting_screening')
      .on(t.tenantId, t.openedOn)
      .where(sql`status in ('received', 'screening')`),
  ],
);

// 役割分担: organisations on the team, with their role; leaving keeps the row (history).
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    ...ofCase(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    addedByUserId: uuid('added_by_user_id').references(() => users.id),
  },
  (t) => [
    index('case_team_current_org').on(t.organisationId, t.caseId).where(sql`left_on is null`),
    index('case_team_case').on(t.caseId),
  ],
);

// Decisions (date, deciding body, content) are records of their own, linked to the session that took them.
export const caseDecisions = pgTable(
  'case_decisions',
  {
    ...ofCase(),
    kind: text('kind').$type<DecisionKind>().notNull(),
    decidedOn: date('decided_on').notNull(),
    decidingBody: text('deciding_body').notNull(),
    content: text('content').notNull(),
    screeningOutcome: text('screening_outcome').$type<ScreeningOutcome>(),
    closureReason: text('closure_reason').$type<ClosureReason>(),
    // Set when the decision was taken at a session of a meeting body (the meetings module).
    meetingSessionId: uuid('meeting_session_id').references((): AnyPgColumn => meetingSessions.id),
    ...writtenBy(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_decisions_case').on(t.caseId)],
);

// State changes and team changes, in order: the skeleton of the case timeline.
export const caseEvents = pgTable(
  'case_events',
  {
    ...ofCase(),
    kind: text('kind').$type<'status' | 'team_joined' | 'team_left' | 'lead_changed'>().notNull(),
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>(),
    decisionId: uuid('decision_id').references(() => caseDecisions.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    byOrganisationId: uuid('by_organisation_id').references(() => organisations.id),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
);

// アセスメントシート: each save is a new version; older ones stay readable and comparable.
export const caseAssessments = pgTable(
  'case_assessments',
  {
    ...ofCase(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<AssessmentContent>().notNull(),
    ...writtenBy(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('case_assessments_version').on(t.caseId, t.version)],
);

// 重層的支援プラン, versioned like the assessment; approval points at its decision.
export const casePlans = pgTable(
  'case_plans',
  {
    ...ofCase(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    reviewOn: date('review_on').notNull(),
    consentOn: date('consent_on'),
    consentMethod: text('consent_method').$type<PlanConsentMethod>(),
    approvedDecisionId: uuid('approved_decision_id').references(() => caseDecisions.id),
    ...writtenBy(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('case_plans_version').on(t.caseId, t.version)],
);

/**
 * The actions of every plan version, one row each, written with the version: the work queue
 * finds an organisation's overdue actions through an index instead of reading plan documents.
 */
export const caseActions = pgTable(
  'case_actions',
  {
    ...ofCase(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => casePlans.id),
    actionKey: text('action_key').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    text: text('text').notNull(),
    until: date('until').notNull(),
    /**
     * The action is outstanding: of the plan in force of a case in support (支援中・評価中) and not
     * marked done, so the work queue follows it. Kept by triggers (migrations 0025, 0029): the
     * actions of past plan versions, of ended cases and those done, years of them, stay out of the
     * queue's index.
     */
    outstanding: boolean('outstanding').notNull().default(false),
  },
  (t) => [
    index('case_actions_outstanding_org_until').on(t.organisationId, t.until).where(sql`outstanding`),
    index('case_actions_plan').on(t.planId),
  ],
);

/** An action of the plan (役割分担) marked done by its organisation. */
export const caseActionCompletions = pgTable(
  'case_action_completions',
  {
    ...ofCase(),
    actionKey: text('action_key').notNull(),
    completedOn: date('completed_on').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [unique('case_action_completions_key').on(t.caseId, t.actionKey)],
);

// 支援経過記録: each team member records its contacts.
export const supportRecords = pgTable(
  'support_records',
  {
    ...ofCase(),
    recordedOn: date('recorded_on').notNull(),
    type: text('type').$type<RecordType>().notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    minutes: integer('minutes'),
    content: text('content').notNull(),
    goalKey: text('goal_key'),
    actionKey: text('action_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_records_case').on(t.caseId, t.recordedOn),
    index('support_records_case_org').on(t.caseId, t.organisationId, t.recordedOn),
  ],
);

// 評価シート: per goal of the plan evaluated, and the next step.
export const caseEvaluations = pgTable(
  'case_evaluations',
  {
    ...ofCase(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => casePlans.id),
    evaluatedOn: date('evaluated_on').notNull(),
    goals: jsonb('goals').$type<EvaluationGoal[]>().notNull(),
    overall: text('overall').notNull(),
    nextStep: text('next_step').$type<NextStep>().notNull(),
    ...writtenBy(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_evaluations_case').on(t.caseId)],
);

// つながり継続 after closure: who keeps in touch, how often, and when next.
export const continuedConnections = pgTable(
  'continued_connections',
  {
    ...ofCase(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    intervalDays: integer('interval_days').notNull(),
    how: text('how').notNull(),
    nextContactOn: date('next_contact_on').notNull(),
    endedOn: date('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('continued_connections_org').on(t.organisationId, t.nextContactOn).where(sql`ended_on is null`),
    unique('continued_connections_case').on(t.caseId),
  ],
);
