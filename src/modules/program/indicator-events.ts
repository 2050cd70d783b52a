import { type SQL, sql } from 'drizzle-orm';

// What each indicator counts, as (entity, day) events of one municipality in one fiscal
// year: the entity is what is counted once (a consultation, a case, a person), the day is
// when it counts. An entity with several events counts once, in the month of its first.

export type Range = { tenantId: string; from: string; to: string };
export type EventSource = (r: Range) => SQL;

const jstDay = (column: SQL) => sql`(${column} at time zone 'Asia/Tokyo')::date`;
const within = (day: SQL, r: Range) => sql`${day} between ${r.from}::date and ${r.to}::date`;
/** A timestamp within the year's days in Japan, written so that an index on it serves. */
const withinTs = (column: SQL, r: Range) =>
  sql`${column} >= (${r.from}::date::timestamp at time zone 'Asia/Tokyo')
      and ${column} < ((${r.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;

/** Kinds of resource whose operators count as 就労準備体験等への協力企業・団体 (as in the 参加支援 counts). */
export const WORK_KINDS = '{work_experience,cooperating_company,agri_welfare}';

export const EVENT_SOURCES = {
  'consultations.new': (r) =>
    sql`select id as e, ${jstDay(sql`received_at`)} as d from consultations
         where tenant_id = ${r.tenantId} and ${withinTs(sql`received_at`, r)}`,
  'consultations.at_places': (r) =>
    sql`select id as e, ${jstDay(sql`received_at`)} as d from consultations
         where tenant_id = ${r.tenantId} and place_resource_id is not null and ${withinTs(sql`received_at`, r)}`,
  'referrals.sent': (r) =>
    sql`select id as e, ${jstDay(sql`sent_at`)} as d from referrals
         where tenant_id = ${r.tenantId} and sent_at is not null and status <> 'draft' and ${withinTs(sql`sent_at`, r)}`,
  'referrals.concluded': (r) =>
    sql`select id as e, ${jstDay(sql`sent_at`)} as d from referrals
         where tenant_id = ${r.tenantId} and sent_at is not null and ${withinTs(sql`sent_at`, r)}
           and status in ('completed', 'unsuccessful', 'declined')`,
  'cases.opened': (r) =>
    sql`select id as e, opened_on as d from cases where tenant_id = ${r.tenantId} and ${within(sql`opened_on`, r)}`,
  // the first record of each case in each year is kept by triggers (case_support_years, 0017)
  'cases.supported': (r) =>
    sql`select case_id as e, first_record_on as d from case_support_years
         where tenant_id = ${r.tenantId} and fiscal_year = ${Number(r.from.slice(0, 4))}`,
  'cases.closed': (r) =>
    sql`select id as e, closed_on as d from cases
         where tenant_id = ${r.tenantId} and status in ('closed', 'connected') and ${within(sql`closed_on`, r)}`,
  'cases.reviewed': (r) =>
    sql`select a.id as e, s.held_on as d from agenda_items a join meeting_sessions s on s.id = a.session_id
         where a.tenant_id = ${r.tenantId} and a.case_id is not null and a.removed_on is null
           and ${within(sql`s.held_on`, r)}`,
  // the second organisation is the earliest to join after the first one's (one sort, no per-pair grouping)
  'cases.collaborative': (r) =>
    sql`select case_id as e, greatest(min(joined_on) filter (where organisation_id <> first_org), ${r.from}::date) as d
          from (select case_id, organisation_id, joined_on,
                       first_value(organisation_id) over (partition by case_id order by joined_on, organisation_id) as first_org
                  from case_team_members
                 where tenant_id = ${r.tenantId} and joined_on <= ${r.to}::date
                   and (left_on is null or left_on >= ${r.from}::date)) t
         group by case_id having bool_or(organisation_id <> first_org)`,
  'plans.made': (r) =>
    sql`select id as e, ${jstDay(sql`created_at`)} as d from case_plans
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  'meetings.held': (r) =>
    sql`select id as e, held_on as d from meeting_sessions where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`,
  'outreach.reports': (r) =>
    sql`select id as e, received_on as d from concern_reports
         where tenant_id = ${r.tenantId} and ${within(sql`received_on`, r)}`,
  'outreach.reached': (r) =>
    sql`select record_id as e, changed_on as d from outreach_stage_changes
         where tenant_id = ${r.tenantId} and to_stage = 'met' and ${within(sql`changed_on`, r)}`,
  'outreach.connected': (r) =>
    sql`select record_id as e, changed_on as d from outreach_stage_changes
         where tenant_id = ${r.tenantId} and to_stage = 'consented' and ${within(sql`changed_on`, r)}`,
  'participation.people': (r) =>
    sql`select person_id as e, greatest(opened_on, ${r.from}::date) as d from participation_supports
         where tenant_id = ${r.tenantId} and opened_on <= ${r.to}::date
           and (closed_on is null or closed_on >= ${r.from}::date)`,
  'participation.placed': (r) =>
    sql`select s.person_id as e, p.started_on as d from placements p join participation_supports s on s.id = p.support_id
         where p.tenant_id = ${r.tenantId} and ${within(sql`p.started_on`, r)}`,
  'participation.placements': (r) =>
    sql`select id as e, started_on as d from placements
         where tenant_id = ${r.tenantId} and ${within(sql`started_on`, r)}`,
  'participation.companies': (r) =>
    sql`select operator_id as e, greatest(${jstDay(sql`created_at`)}, ${r.from}::date) as d from resources
         where tenant_id = ${r.tenantId} and status <> 'ended' and kinds && ${WORK_KINDS}::text[]
           and ${jstDay(sql`created_at`)} <= ${r.to}::date`,
  'resources.created': (r) =>
    sql`select resource_id as e, ${jstDay(sql`created_at`)} as d from project_resources
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  'issues.raised': (r) =>
    sql`select id as e, raised_on as d from regional_issues
         where tenant_id = ${r.tenantId} and ${within(sql`raised_on`, r)}`,
  'issues.projects': (r) =>
    sql`select id as e, ${jstDay(sql`created_at`)} as d from community_projects
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  'community.activities': (r) =>
    sql`select id as e, held_on as d from community_activities
         where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`,
  'trainings.internal': (r) =>
    sql`select id as e, held_on as d from trainings
         where tenant_id = ${r.tenantId} and scope = 'internal' and ${within(sql`held_on`, r)}`,
  'trainings.external': (r) =>
    sql`select id as e, held_on as d from trainings
         where tenant_id = ${r.tenantId} and scope = 'external' and ${within(sql`held_on`, r)}`,
} satisfies Record<string, EventSource>;

export type CountedKey = keyof typeof EVENT_SOURCES;

/** Sources whose rows are distinct entities already (one row per id): counted without grouping. */
export const ONE_ROW_PER_ENTITY = new Set<string>([
  'consultations.new',
  'consultations.at_places',
  'referrals.sent',
  'referrals.concluded',
  'cases.opened',
  'cases.supported',
  'cases.closed',
  'cases.reviewed',
  'cases.collaborative',
  'plans.made',
  'meetings.held',
  'outreach.reports',
  'participation.placements',
  'resources.created',
  'issues.raised',
  'issues.projects',
  'community.activities',
  'trainings.internal',
  'trainings.external',
]);

/** Sums rather than events: the participants of trainings, month by month. */
export const participantsOfTrainings = (r: Range) =>
  sql`select held_on as d, participants_total as n from trainings
       where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`;

/** Sessions held per meeting body. */
export const sessionsOfBody = (r: Range, bodyId: string) =>
  sql`select id as e, held_on as d from meeting_sessions
       where tenant_id = ${r.tenantId} and body_id = ${bodyId} and ${within(sql`held_on`, r)}`;
