import { type SQL, sql } from 'drizzle-orm';
import { CONFIDENTIALITY_BOUND } from '../../shared/meeting-vocabulary';
import type { Actor } from './access.policy';
import { can } from './access.policy';
import { consentInForce } from './case-scope';

// Who may see what of a meeting, as SQL for the WHERE of the meetings module's queries.
//
// Coordinators (who run the meetings) see every session of the municipality. Anyone else sees
// a session they attend or whose body they are a member of. At a body with a statutory duty
// of confidentiality (法第106条の6 etc.), an attendee sees the agenda and the packets only once
// recorded as told of the duty. Packets of tabled cases are readable from the session's
// preparation until the packet window after it; the full case file never comes through here.

const boundList = sql.raw(`array[${CONFIDENTIALITY_BOUND.map((b) => `'${b}'`).join(',')}]::text[]`);

/** The body (row alias) binds its members to confidentiality. */
export const confidentialityBound = (bodyAlias: string): SQL =>
  sql`${sql.raw(bodyAlias)}.legal_basis = any(${boundList})`;

/** Sessions (row alias) the actor may see at all. */
export function sessionAccess(actor: Actor, sessionAlias: string): SQL {
  const s = sql.raw(sessionAlias);
  if (can(actor, 'meetings.run')) return sql`${s}.tenant_id = ${actor.tenantId}`;
  // a member who now wears an administrator's or program manager's role sees nothing of meetings
  if (!can(actor, 'case_content.read')) return sql`false`;
  return sql`(${s}.tenant_id = ${actor.tenantId} and (
    exists (select 1 from session_attendees sa left join meeting_body_members sm on sm.id = sa.member_id
            where sa.session_id = ${s}.id and sa.user_id = ${actor.userId} and (sm.id is null or sm.left_on is null))
    or exists (select 1 from meeting_body_members bm where bm.body_id = ${s}.body_id
               and bm.user_id = ${actor.userId} and bm.left_on is null)))`;
}

/**
 * The actor may see the agenda and the packets of the session (row alias), given the body
 * (row alias): they run meetings, or they attend it and, at a confidentiality-bound body,
 * have been told of the duty (as an attendee or as a member).
 */
export function agendaAccess(actor: Actor, sessionAlias: string, bodyAlias: string): SQL {
  const s = sql.raw(sessionAlias);
  if (can(actor, 'meetings.run')) return sql`${s}.tenant_id = ${actor.tenantId}`;
  if (!can(actor, 'case_content.read')) return sql`false`;
  return sql`exists (select 1 from session_attendees sa
    left join meeting_body_members bm on bm.id = sa.member_id
    where sa.session_id = ${s}.id and sa.user_id = ${actor.userId}
      -- a member who has left (退任) reads nothing more, even of sessions they were down for
      and (bm.id is null or bm.left_on is null)
      and (not ${confidentialityBound(bodyAlias)}
           or sa.confidentiality_notified_on is not null or bm.confidentiality_notified_on is not null))`;
}

/**
 * The packet window of the session (row alias) is open: prepared, and not more than
 * windowDays after the day it was held.
 */
export function packetWindowOpen(sessionAlias: string, today: string, windowDays: number): SQL {
  const s = sql.raw(sessionAlias);
  return sql`(${s}.prepared_at is not null
    and (${s}.held_on is null or ${s}.held_on + coalesce(${s}.packet_window_days, ${windowDays}::int) >= ${today}::date))`;
}

/**
 * The consent gate of bodies that require consent: every concerned person of the case (row
 * alias) has a consent in force on `today` that lets their information go to all agencies.
 */
export function caseConsentInForce(caseAlias: string, today: string): SQL {
  const c = sql.raw(caseAlias);
  return sql`(cardinality(${c}.concerned_person_ids) > 0 and not exists (
    select 1 from unnest(${c}.concerned_person_ids) as cp(id)
    where not ${consentInForce(sql`cp.id`, null, today)}))`;
}
