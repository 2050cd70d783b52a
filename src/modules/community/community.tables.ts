import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedBy, tenantRecord } from '../../db/columns';
import type {
  AreaWorkerRole,
  CommunityActivityKind,
  ExtraFigure,
  IssueSource,
  ProjectActivityKind,
  ProjectStatus,
  RegionalIssueStatus,
} from '../../shared/community-vocabulary';
import { areas } from '../areas/areas.tables';
import { cases } from '../cases/cases.tables';
import { agendaItems } from '../meetings/meetings.tables';
import { organisations } from '../organisations/organisations.tables';
import { resourceOperators, resources } from '../resources/resources.tables';
import { users } from '../users/users.tables';

// 地域プロフィール: an area's figures and words for one fiscal year, kept year by year.
export const areaProfiles = pgTable(
  'area_profiles',
  {
    ...tenantRecord(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    fiscalYear: integer('fiscal_year').notNull(),
    population: integer('population'),
    households: integer('households'),
    aged65: integer('aged_65'),
    aged75: integer('aged_75'),
    singleElderlyHouseholds: integer('single_elderly_households'),
    children: integer('children'),
    associationRate: numeric('association_rate', { precision: 4, scale: 1 }),
    extraFigures: jsonb('extra_figures').$type<ExtraFigure[]>().notNull().default([]),
    strengths: text('strengths'),
    issues: text('issues'),
    vision: text('vision'),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [unique('area_profiles_year').on(t.tenantId, t.areaId, t.fiscalYear)],
);

// Who works an area: a user of the system, or a named person outside it.
export const areaWorkers = pgTable(
  'area_workers',
  {
    ...tenantRecord(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    role: text('role').$type<AreaWorkerRole>().notNull(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    /** e.g. the 地区福祉委員会 the worker attends */
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('area_workers_area').on(t.tenantId, t.areaId)],
);

// 地域への働きかけ. Nothing here is about a resident.
export const communityActivities = pgTable(
  'community_activities',
  {
    ...tenantRecord(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    kind: text('kind').$type<CommunityActivityKind>().notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    participants: integer('participants'),
    resourceId: uuid('resource_id').references(() => resources.id),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [index('community_activities_area').on(t.tenantId, t.areaId, t.heldOn)],
);

// 地域課題: raised from meetings, cases, unmet needs, outreach or observation.
export const regionalIssues = pgTable(
  'regional_issues',
  {
    ...tenantRecord(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    areaIds: uuid('area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    issueCodes: text('issue_codes').array().notNull().default([]),
    source: text('source').$type<IssueSource>().notNull(),
    sourceAgendaItemId: uuid('source_agenda_item_id').references(() => agendaItems.id),
    status: text('status').$type<RegionalIssueStatus>().notNull().default('raised'),
    proposedTo: text('proposed_to'),
    proposedOn: date('proposed_on'),
    raisedOn: date('raised_on').notNull(),
    raisedByUserId: uuid('raised_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('regional_issues_tenant').on(t.tenantId, t.status)],
);

export const regionalIssueEvents = pgTable(
  'regional_issue_events',
  {
    ...tenantRecord(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id),
    fromStatus: text('from_status').$type<RegionalIssueStatus>(),
    toStatus: text('to_status').$type<RegionalIssueStatus>().notNull(),
    happenedOn: date('happened_on').notNull(),
    body: text('body'),
    note: text('note'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('regional_issue_events_issue').on(t.tenantId, t.issueId)],
);

// A case behind an issue; shown only to those who may see the case.
export const regionalIssueCases = pgTable(
  'regional_issue_cases',
  {
    ...tenantRecord(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    linkedByUserId: uuid('linked_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('regional_issue_cases_pair').on(t.issueId, t.caseId),
    index('regional_issue_cases_case').on(t.caseId),
  ],
);

// プロジェクト: the answer to one or more regional issues.
export const communityProjects = pgTable(
  'community_projects',
  {
    ...tenantRecord(),
    title: text('title').notNull(),
    aim: text('aim').notNull(),
    leadOperatorId: uuid('lead_operator_id').references(() => resourceOperators.id),
    status: text('status').$type<ProjectStatus>().notNull().default('planning'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    outcomes: text('outcomes'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    ...editedBy(),
  },
  (t) => [index('community_projects_tenant').on(t.tenantId, t.status)],
);

export const projectIssues = pgTable(
  'project_issues',
  {
    ...tenantRecord(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id),
  },
  (t) => [
    unique('project_issues_pair').on(t.projectId, t.issueId),
    index('project_issues_issue').on(t.issueId),
  ],
);

export const projectMembers = pgTable(
  'project_members',
  {
    ...tenantRecord(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => resourceOperators.id),
    role: text('role'),
  },
  (t) => [unique('project_members_pair').on(t.projectId, t.operatorId)],
);

export const projectActivities = pgTable(
  'project_activities',
  {
    ...tenantRecord(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id),
    kind: text('kind').$type<ProjectActivityKind>().notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    participants: integer('participants'),
    notes: text('notes'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('project_activities_project').on(t.tenantId, t.projectId, t.heldOn)],
);

// 資源創出: a resource of the directory that a project created.
export const projectResources = pgTable(
  'project_resources',
  {
    ...tenantRecord(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => communityProjects.id),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('project_resources_resource').on(t.resourceId),
    index('project_resources_project').on(t.projectId),
  ],
);
