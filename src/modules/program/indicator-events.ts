import { type SQL, sql } from 'drizzle-orm';

// What each indicator counts, as (entity, day) events of one municipality in one fiscal
// year: the entity is what is counted once (a consultation, a case, a person), the day is
// when it counts. An entity with several events counts once, in the month of its first.

export type Range = { tenantId: string; from: string; to: string };

/**
 * Rows (e, d) of one indicator. `d` is a timestamp (counted on its day in Japan) or a date;
 * sources whose rows are distinct entities already are counted without grouping. The month
 * is found by comparing `d` with the month boundaries, never by converting every row's time
 * zone (which cost most of the year's counting).
 */
export type EventSource = { rows: (r: Range) => SQL; d: 'instant' | 'day'; oneRowPerEntity: boolean };

const instant = (rows: (r: Range) => SQL, oneRowPerEntity = true): EventSource => ({
  rows,
  d: 'instant',
  oneRowPerEntity,
});
const day = (rows: (r: Range) => SQL, oneRowPerEntity = true): EventSource => ({
  rows,
  d: 'day',
  oneRowPerEntity,
});

/** Midnight in Japan at the start of a day. */
export const jstMidnight = (dayText: SQL) => sql`(${dayText}::date::timestamp at time zone 'Asia/Tokyo')`;
const within = (d: SQL, r: Range) => sql`${d} between ${r.from}::date and ${r.to}::date`;
/** A timestamp within the year's days in Japan, written so that an index on it serves. */
const withinTs = (column: SQL, r: Range) =>
  sql`${column} >= ${jstMidnight(sql`${r.from}`)} and ${column} < ${jstMidnight(sql`(${r.to}::date + 1)`)}`;

/** Kinds of resource whose operators count as 就労準備体験等への協力企業・団体 (as in the 参加支援 counts). */
export const WORK_KINDS = '{work_experience,cooperating_company,agri_welfare}';

export const EVENT_SOURCES = {
  'consultations.new': instant(
    (r) =>
      sql`select id as e, received_at as d from consultations
         where tenant_id = ${r.tenantId} and ${withinTs(sql`received_at`, r)}`,
  ),
  'consultations.at_places': instant(
    (r) =>
      sql`select id as e, received_at as d from consultations
         where tenant_id = ${r.tenantId} and place_resource_id is not null and ${withinTs(sql`received_at`, r)}`,
  ),
  'referrals.sent': instant(
    (r) =>
      sql`select id as e, sent_at as d from referrals
         where tenant_id = ${r.tenantId} and sent_at is not null and status <> 'draft' and ${withinTs(sql`sent_at`, r)}`,
  ),
  'referrals.concluded': instant(
    (r) =>
      sql`select id as e, sent_at as d from referrals
         where tenant_id = ${r.tenantId} and sent_at is not null and ${withinTs(sql`sent_at`, r)}
           and status in ('completed', 'unsuccessful', 'declined')`,
  ),
  'cases.opened': day(
    (r) =>
      sql`select id as e, opened_on as d from cases where tenant_id = ${r.tenantId} and ${within(sql`opened_on`, r)}`,
  ),
  // the first record of each case in each year is kept by triggers (case_support_years, 0017)
  'cases.supported': day(
    (r) =>
      sql`select case_id as e, first_record_on as d from case_support_years
         where tenant_id = ${r.tenantId} and fiscal_year = ${Number(r.from.slice(0, 4))}`,
  ),
  'cases.closed': day(
    (r) =>
      sql`select id as e, closed_on as d from cases
         where tenant_id = ${r.tenantId} and status in ('closed', 'connected') and ${within(sql`closed_on`, r)}`,
  ),
  'cases.reviewed': day(
    (r) =>
      sql`select a.id as e, s.held_on as d from agenda_items a join meeting_sessions s on s.id = a.session_id
         where a.tenant_id = ${r.tenantId} and a.case_id is not null and a.removed_on is null
           and ${within(sql`s.held_on`, r)}`,
  ),
  // the periods with two or more organisations on the team at once are kept by triggers (0018)
  'cases.collaborative': day(
    (r) =>
      sql`select case_id as e, greatest(from_on, ${r.from}::date) as d from case_collaboration_periods
         where tenant_id = ${r.tenantId} and from_on <= ${r.to}::date and (to_on is null or to_on >= ${r.from}::date)`,
    false,
  ),
  'plans.made': instant(
    (r) =>
      sql`select id as e, created_at as d from case_plans
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  ),
  'meetings.held': day(
    (r) =>
      sql`select id as e, held_on as d from meeting_sessions where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`,
  ),
  'outreach.reports': day(
    (r) =>
      sql`select id as e, received_on as d from concern_reports
         where tenant_id = ${r.tenantId} and ${within(sql`received_on`, r)}`,
  ),
  'outreach.reached': day(
    (r) =>
      sql`select record_id as e, changed_on as d from outreach_stage_changes
         where tenant_id = ${r.tenantId} and to_stage = 'met' and ${within(sql`changed_on`, r)}`,
    // a record may reach 'met' again after stepping back: counted once, at the first
    false,
  ),
  'outreach.connected': day(
    (r) =>
      sql`select record_id as e, changed_on as d from outreach_stage_changes
         where tenant_id = ${r.tenantId} and to_stage = 'consented' and ${within(sql`changed_on`, r)}`,
    false,
  ),
  'participation.people': day(
    (r) =>
      sql`select person_id as e, greatest(opened_on, ${r.from}::date) as d from participation_supports
         where tenant_id = ${r.tenantId} and opened_on <= ${r.to}::date
           and (closed_on is null or closed_on >= ${r.from}::date)`,
    false,
  ),
  'participation.placed': day(
    (r) =>
      sql`select s.person_id as e, p.started_on as d from placements p join participation_supports s on s.id = p.support_id
         where p.tenant_id = ${r.tenantId} and ${within(sql`p.started_on`, r)}`,
    false,
  ),
  'participation.placements': day(
    (r) =>
      sql`select id as e, started_on as d from placements
         where tenant_id = ${r.tenantId} and ${within(sql`started_on`, r)}`,
  ),
  'participation.companies': instant(
    (r) =>
      sql`select operator_id as e, greatest(created_at, ${jstMidnight(sql`${r.from}`)}) as d from resources
         where tenant_id = ${r.tenantId} and status <> 'ended' and kinds && ${WORK_KINDS}::text[]
           and created_at < ${jstMidnight(sql`(${r.to}::date + 1)`)}`,
    false,
  ),
  'resources.created': instant(
    (r) =>
      sql`select resource_id as e, created_at as d from project_resources
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  ),
  'issues.raised': day(
    (r) =>
      sql`select id as e, raised_on as d from regional_issues
         where tenant_id = ${r.tenantId} and ${within(sql`raised_on`, r)}`,
  ),
  'issues.projects': instant(
    (r) =>
      sql`select id as e, created_at as d from community_projects
         where tenant_id = ${r.tenantId} and ${withinTs(sql`created_at`, r)}`,
  ),
  'community.activities': day(
    (r) =>
      sql`select id as e, held_on as d from community_activities
         where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`,
  ),
  'trainings.internal': day(
    (r) =>
      sql`select id as e, held_on as d from trainings
         where tenant_id = ${r.tenantId} and scope = 'internal' and ${within(sql`held_on`, r)}`,
  ),
  'trainings.external': day(
    (r) =>
      sql`select id as e, held_on as d from trainings
         where tenant_id = ${r.tenantId} and scope = 'external' and ${within(sql`held_on`, r)}`,
  ),
} satisfies Record<string, EventSource>;

export type CountedKey = keyof typeof EVENT_SOURCES;

/** Sums rather than events: the participants of trainings, month by month. */
export const participantsOfTrainings = (r: Range) =>
  sql`select held_on as d, participants_total as n from trainings
       where tenant_id = ${r.tenantId} and ${within(sql`held_on`, r)}`;

/** Sessions held per meeting body. */
export const sessionsOfBody = (r: Range, bodyId: string) =>
  sql`select id as e, held_on as d from meeting_sessions
       where tenant_id = ${r.tenantId} and body_id = ${bodyId} and ${within(sql`held_on`, r)}`;
