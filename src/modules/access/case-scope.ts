import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import type { ReferralStatus } from '../../shared/intake-vocabulary';
import type { Actor } from './access.policy';
import { can } from './access.policy';

// Who may see a resident (people, households, consultations, referrals), as SQL that goes
// into the WHERE of every query: filtering happens in the database, never after fetching.
//
// A person is visible to the organisation that registered them or took a consultation
// about them, to an organisation that received a referral about them, to coordinators when
// they were referred to 多機関協働, and to whoever may see a household they belong to (which
// includes the team of a 多機関協働 case about the household, and coordinators).

/** Statuses in which a referral gives its recipient access (a draft was never sent). */
const REFERRAL_STATUSES_GRANTING_ACCESS: ReferralStatus[] = [
  'requested',
  'accepted',
  'in_progress',
  'completed',
  'unsuccessful',
];

const statusList = sql.raw(
  `array[${REFERRAL_STATUSES_GRANTING_ACCESS.map((s) => `'${s}'`).join(',')}]::text[]`,
);

const nothing = sql`false`;

function organisationOf(actor: Actor): string | null {
  return can(actor, 'case_content.read') ? actor.organisationId : null;
}

const isCoordinator = (actor: Actor) => actor.role === 'coordinator';

function referralReaches(actor: Actor, org: string, alias: string): SQL {
  const a = sql.raw(alias);
  return isCoordinator(actor)
    ? sql`(${a}.to_organisation_id = ${org} or ${a}.to_multi_agency)`
    : sql`${a}.to_organisation_id = ${org}`;
}

/**
 * A 多機関協働 case (row alias) reaches the actor: its organisation is on the current team,
 * or the actor is a coordinator of the municipality (they see every case).
 */
function caseReaches(actor: Actor, org: string, alias: string): SQL {
  const a = sql.raw(alias);
  if (can(actor, 'cases.coordinate')) return sql`${a}.tenant_id = ${actor.tenantId}`;
  return sql`exists (select 1 from case_team_members tm where tm.case_id = ${a}.id
                     and tm.organisation_id = ${org} and tm.left_on is null)`;
}

/** A case about the household reaches the actor (one join, not nested subqueries: this sits
 *  inside every person and household check, and each subquery adds to planning time). */
function householdHasVisibleCase(actor: Actor, org: string, householdId: SQL): SQL {
  if (can(actor, 'cases.coordinate')) {
    return sql`exists (select 1 from cases hc where hc.household_id = ${householdId} and hc.tenant_id = ${actor.tenantId})`;
  }
  return sql`exists (select 1 from cases hc join case_team_members tm on tm.case_id = hc.id
                     where hc.household_id = ${householdId} and tm.organisation_id = ${org} and tm.left_on is null)`;
}

/** Cases the actor may see (reads the "cases" table of the query). */
export function caseAccess(actor: Actor): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return caseReaches(actor, org, '"cases"');
}

/** True when the actor may see the household with this id. */
export function householdAccess(actor: Actor, householdId: SQL): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return sql`(
    exists (select 1 from households hx where hx.id = ${householdId} and hx.tenant_id = ${actor.tenantId}
            and hx.created_by_organisation_id = ${org})
    or exists (select 1 from consultations cx where cx.household_id = ${householdId} and cx.organisation_id = ${org})
    or exists (select 1 from referrals rx where rx.household_id = ${householdId}
               and rx.status = any(${statusList}) and ${referralReaches(actor, org, 'rx')})
    or ${householdHasVisibleCase(actor, org, householdId)}
  )`;
}

function directPersonAccess(actor: Actor, org: string, personId: SQL, registeredBy?: SQL): SQL {
  const registered = registeredBy
    ? sql`${registeredBy} = ${org}`
    : sql`exists (select 1 from persons px where px.id = ${personId} and px.created_by_organisation_id = ${org})`;
  return sql`(
    ${registered}
    or exists (select 1 from consultations cp where cp.person_id = ${personId} and cp.organisation_id = ${org})
    or exists (select 1 from referrals rp where rp.person_id = ${personId}
               and rp.status = any(${statusList}) and ${referralReaches(actor, org, 'rp')})
    or exists (select 1 from household_members hp where hp.person_id = ${personId}
               and ${householdAccess(actor, sql`hp.household_id`)})
  )`;
}

/**
 * True when the actor may see the person with this id (or a record merged into it).
 * registeredBy: the person row's created_by_organisation_id column, when the query reads
 * the persons table itself (saves a lookup per row).
 */
export function personAccess(actor: Actor, personId: SQL, registeredBy?: SQL): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return sql`(
    ${directPersonAccess(actor, org, personId, registeredBy)}
    or exists (select 1 from persons pm where pm.merged_into_id = ${personId}
               and ${directPersonAccess(actor, org, sql`pm.id`)})
  )`;
}

/**
 * True when the actor's access to the person rests on its own work (registered them, took a
 * consultation, registered their household) rather than only on a referral received.
 * Contact details need this or a consent that covers the actor's organisation.
 */
export function ownWorkWithPerson(actor: Actor, personId: SQL): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return sql`(
    exists (select 1 from persons po where po.id = ${personId} and po.created_by_organisation_id = ${org})
    or exists (select 1 from consultations co where co.person_id = ${personId} and co.organisation_id = ${org})
    or exists (select 1 from household_members ho join households hh on hh.id = ho.household_id
               where ho.person_id = ${personId} and hh.created_by_organisation_id = ${org})
  )`;
}

/**
 * True when a consent in force on `today` lets the person's information go to this
 * organisation; with null, only a consent to all agencies counts (a referral to 多機関協働).
 */
export function consentInForce(personId: SQL, organisationId: string | null, today: string): SQL {
  const reaches = organisationId
    ? sql`(k.scope = 'all_agencies' or ${organisationId}::uuid = any(k.organisation_ids))`
    : sql`k.scope = 'all_agencies'`;
  return sql`exists (select 1 from consents k where k.person_id = ${personId}
    and k.obtained_on <= ${today} and (k.withdrawn_on is null or k.withdrawn_on > ${today}) and ${reaches})`;
}

/** True when a consent in force lets the person's information be shared with the actor's organisation. */
export function consentCovers(actor: Actor, personId: SQL, today: string): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return consentInForce(personId, org, today);
}

/** Consultations the actor may read: taken by their organisation, or referred to it. */
export function consultationAccess(actor: Actor): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  return sql`("consultations"."organisation_id" = ${org}
    or exists (select 1 from referrals rc where rc.consultation_id = "consultations"."id"
               and rc.status = any(${statusList}) and ${referralReaches(actor, org, 'rc')}))`;
}

/**
 * Referrals the actor's organisation sent (drafts included), or received once sent
 * (coordinators receive those to 多機関協働). Without a box, either.
 */
export function referralAccess(actor: Actor, box?: 'inbox' | 'sent'): SQL {
  const org = organisationOf(actor);
  if (!org) return nothing;
  const sent = sql`"referrals"."from_organisation_id" = ${org}`;
  const received = sql`("referrals"."status" <> 'draft' and ${referralReaches(actor, org, '"referrals"')})`;
  if (box === 'sent') return sent;
  if (box === 'inbox') return received;
  return sql`(${sent} or ${received})`;
}

/** For single ids handed in by a request: may the actor see this household? */
export async function isHouseholdVisible(db: Database, actor: Actor, householdId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${householdAccess(actor, sql`${householdId}::uuid`)} as ok`,
  );
  return row?.ok === true;
}
