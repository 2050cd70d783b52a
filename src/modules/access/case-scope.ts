import { type SQL, sql } from 'drizzle-orm';
import { stringPlaceholder } from '../../db/prepared';
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

/**
 * How far the actor's reading of residents' records reaches (need to know, by role):
 * - 'organisation': consultants and coordinators read their organisation's work;
 * - 'personal': outreach and participation staff read only what they did themselves (including
 *   the people whose participation support they are 担当 of) and the cases they are named on;
 * - null: community workers, program managers, administrators and meeting members read no
 *   case content here (meeting members see packets through meeting-scope).
 */
type Reader = { scope: 'organisation' | 'personal'; org: string; user: string; tenant: string } | null;

function readerOf(actor: Actor): Reader {
  if (!can(actor, 'case_content.read') || !actor.organisationId) return null;
  const base = { org: actor.organisationId, user: actor.userId, tenant: actor.tenantId };
  switch (actor.role) {
    case 'consultant':
    case 'coordinator':
      return { scope: 'organisation', ...base };
    case 'outreach_worker':
    case 'participation_coordinator':
      return { scope: 'personal', ...base };
    default:
      return null;
  }
}

const isCoordinator = (actor: Actor) => can(actor, 'cases.coordinate');

/** A sent referral (row alias) reaches the reader's organisation; coordinators receive those to 多機関協働. */
function referralReaches(actor: Actor, reader: NonNullable<Reader>, alias: string): SQL {
  const a = sql.raw(alias);
  return isCoordinator(actor)
    ? sql`(${a}.to_organisation_id = ${reader.org} or (${a}.to_multi_agency and ${a}.tenant_id = ${reader.tenant}))`
    : sql`${a}.to_organisation_id = ${reader.org}`;
}

const organisationOnTeam = (reader: NonNullable<Reader>, caseId: SQL) =>
  sql`exists (select 1 from case_team_members tm where tm.case_id = ${caseId}
              and tm.organisation_id = ${reader.org} and tm.left_on is null)`;

/**
 * A 多機関協働 case (row alias) reaches the actor: coordinators see every case of their
 * municipality; a consultant's organisation is on the current team; outreach and participation
 * staff are named on it (a current team member, or an action of the plan in force).
 */
function caseReaches(actor: Actor, reader: NonNullable<Reader>, alias: string): SQL {
  const a = sql.raw(alias);
  if (isCoordinator(actor)) return sql`${a}.tenant_id = ${reader.tenant}`;
  if (reader.scope === 'organisation') return organisationOnTeam(reader, sql`${a}.id`);
  return sql`(exists (select 1 from case_team_members tm where tm.case_id = ${a}.id
                      and tm.user_id = ${reader.user} and tm.left_on is null)
           or exists (select 1 from case_actions ca where ca.plan_id = ${a}.plan_in_force_id
                      and ca.user_id = ${reader.user}))`;
}

/** A case about the household reaches the actor (one join: this sits inside every person and household check). */
function householdHasVisibleCase(actor: Actor, reader: NonNullable<Reader>, householdId: SQL): SQL {
  if (isCoordinator(actor)) {
    return sql`exists (select 1 from cases hc where hc.household_id = ${householdId} and hc.tenant_id = ${reader.tenant})`;
  }
  if (reader.scope === 'organisation') {
    return sql`exists (select 1 from cases hc join case_team_members tm on tm.case_id = hc.id
                       where hc.household_id = ${householdId} and tm.organisation_id = ${reader.org} and tm.left_on is null)`;
  }
  return sql`exists (select 1 from cases hc where hc.household_id = ${householdId} and ${caseReaches(actor, reader, 'hc')})`;
}

/** Actors standing in for SQL built once (actorAsPlaceholders), with the number of tokens they hold. */
const standIns = new WeakMap<Actor, number>();

/**
 * The actor for access SQL built once and kept (db/prepared.ts): its ids become the named
 * placeholders actorUserId, actorTenantId and actorOrganisationId, and its access tokens
 * actorTokens (all) and actorToken0, actorToken1… (each); their values go with each run. What
 * the SQL says depends on nothing else than the role and whether an organisation is chosen
 * (readerOf), and those make the key it is kept under.
 */
export function actorAsPlaceholders(actor: Actor): {
  shape: string;
  actor: Actor;
  values: Record<string, string | string[] | null>;
} {
  const reader = readerOf(actor);
  const tokens = reader ? tokensHeld(actor, reader) : [];
  const standIn: Actor = {
    ...actor,
    userId: stringPlaceholder('actorUserId'),
    tenantId: stringPlaceholder('actorTenantId'),
    organisationId: actor.organisationId ? stringPlaceholder('actorOrganisationId') : null,
  };
  standIns.set(standIn, tokens.length);
  return {
    shape: `${actor.role ?? 'none'}_${actor.organisationId ? 'org' : 'none'}`,
    actor: standIn,
    values: {
      actorUserId: actor.userId,
      actorTenantId: actor.tenantId,
      actorOrganisationId: actor.organisationId,
      actorTokens: tokens,
      ...Object.fromEntries(tokens.map((token, i) => [`actorToken${i}`, token])),
    },
  };
}

/** Cases the actor may see (reads the "cases" table of the query, or the row alias given). */
export function caseAccess(actor: Actor, alias = '"cases"'): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  return caseReaches(actor, reader, alias);
}

/**
 * The case with this id reaches the actor, for rows that carry a case's id and tenant but not the
 * case itself (a plan action, a continued connection): coordinators and organisations decide on
 * the id alone, personal readers on the case row.
 */
export function caseIdAccess(actor: Actor, caseId: SQL, caseTenantId: SQL): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (isCoordinator(actor)) return sql`${caseTenantId} = ${reader.tenant}`;
  if (reader.scope === 'organisation') return organisationOnTeam(reader, caseId);
  return sql`exists (select 1 from cases rc where rc.id = ${caseId} and ${caseReaches(actor, reader, 'rc')})`;
}

/** The actor's own work with the household: registered it, or took a consultation about it. */
function ownWorkWithHousehold(reader: NonNullable<Reader>, householdId: SQL): SQL {
  if (reader.scope === 'personal') {
    return sql`exists (select 1 from consultations cw where cw.household_id = ${householdId} and cw.taken_by_user_id = ${reader.user})`;
  }
  return sql`(exists (select 1 from households hw where hw.id = ${householdId} and hw.created_by_organisation_id = ${reader.org})
    or exists (select 1 from consultations cw where cw.household_id = ${householdId} and cw.organisation_id = ${reader.org}))`;
}

/** True when the actor may see the household with this id. */
export function householdAccess(actor: Actor, householdId: SQL): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (reader.scope === 'personal') {
    return sql`(${ownWorkWithHousehold(reader, householdId)} or ${householdHasVisibleCase(actor, reader, householdId)})`;
  }
  return sql`(
    ${ownWorkWithHousehold(reader, householdId)}
    or exists (select 1 from referrals rx where rx.household_id = ${householdId}
               and rx.status = any(${statusList}) and ${referralReaches(actor, reader, 'rx')})
    or ${householdHasVisibleCase(actor, reader, householdId)}
  )`;
}

/**
 * True when the household's own address and notes may be shown: the actor's own work with it,
 * or a member's consent in force that covers the actor's organisation.
 */
export function householdContactVisible(actor: Actor, householdId: SQL, today: string): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  return sql`(${ownWorkWithHousehold(reader, householdId)}
    or exists (select 1 from household_members hk where hk.household_id = ${householdId}
               and ${consentInForce(sql`hk.person_id`, reader.org, today)}))`;
}

function directPersonAccess(
  actor: Actor,
  reader: NonNullable<Reader>,
  personId: SQL,
  registeredBy?: SQL,
): SQL {
  const member = sql`exists (select 1 from household_members hp where hp.person_id = ${personId}
               and ${householdAccess(actor, sql`hp.household_id`)})`;
  if (reader.scope === 'personal') {
    return sql`(
      exists (select 1 from persons px where px.id = ${personId} and px.created_by_user_id = ${reader.user})
      or exists (select 1 from consultations cp where cp.person_id = ${personId} and cp.taken_by_user_id = ${reader.user})
      or exists (select 1 from participation_supports ps where ps.person_id = ${personId} and ps.coordinator_user_id = ${reader.user})
      or ${member}
    )`;
  }
  const registered = registeredBy
    ? sql`${registeredBy} = ${reader.org}`
    : sql`exists (select 1 from persons px where px.id = ${personId} and px.created_by_organisation_id = ${reader.org})`;
  return sql`(
    ${registered}
    or exists (select 1 from consultations cp where cp.person_id = ${personId} and cp.organisation_id = ${reader.org})
    or exists (select 1 from referrals rp where rp.person_id = ${personId}
               and rp.status = any(${statusList}) and ${referralReaches(actor, reader, 'rp')})
    or ${member}
  )`;
}

/**
 * True when the actor may see the person with this id (or a record merged into it).
 * registeredBy: the person row's created_by_organisation_id column, when the query reads
 * the persons table itself (saves a lookup per row).
 */
export function personAccess(actor: Actor, personId: SQL, registeredBy?: SQL): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  return sql`(${tokensAdmit(actor, reader, personId)} and (
    ${directPersonAccess(actor, reader, personId, registeredBy)}
    or exists (select 1 from persons pm where pm.merged_into_id = ${personId}
               and ${directPersonAccess(actor, reader, sql`pm.id`)})
  ))`;
}

/**
 * The person's access tokens (kept by triggers, migration 0011) include one the actor holds:
 * a superset of the rules below, checked first because it is one probe where they are a dozen.
 * Most people a name search finds have nothing to do with the actor's organisation.
 */
function tokensAdmit(actor: Actor, reader: NonNullable<Reader>, personId: SQL): SQL {
  // A scalar subquery, not EXISTS: the planner must not turn it into a join that scans every
  // person's tokens first; it is one primary-key probe per row the other conditions leave.
  return sql`coalesce((select pt.tokens && ${heldTokens(actor, reader).all}::text[] from person_access_tokens pt
                       where pt.person_id = ${personId}), false)`;
}

function tokensHeld(actor: Actor, reader: NonNullable<Reader>): string[] {
  if (reader.scope === 'personal') return [`user:${reader.user}`];
  return isCoordinator(actor) ? [`org:${reader.org}`, 'ma', 'case'] : [`org:${reader.org}`];
}

/** The actor's tokens as parameters: the list, and each token (placeholders for a stand-in). */
function heldTokens(actor: Actor, reader: NonNullable<Reader>): { all: SQL; each: SQL[] } {
  const count = standIns.get(actor);
  if (count !== undefined) {
    const each = Array.from({ length: count }, (_, i) => sql`${sql.placeholder(`actorToken${i}`)}`);
    return { all: sql`${sql.placeholder('actorTokens')}`, each };
  }
  const tokens = tokensHeld(actor, reader);
  return { all: sql`${sql.param(tokens)}`, each: tokens.map((token) => sql`${token}`) };
}

/**
 * The ids of the people whose name has all these grams (one list per way of writing the query)
 * and whose tokens admit the actor, from the index of token-and-gram pairs (app_people_named,
 * migration 0027): a first cut of personAccess like tokensAdmit, never the rule.
 */
export function peopleNamed(actor: Actor, gramLists: SQL[]): SQL {
  const reader = readerOf(actor);
  if (!reader) return sql`select null::uuid where false`;
  const calls = heldTokens(actor, reader).each.flatMap((token) =>
    gramLists.map((grams) => sql`select n from app_people_named(${token}, ${grams}::text[]) n`),
  );
  return sql.join(calls, sql` union `);
}

/** The person's access tokens admit the actor (a cheap first cut of personAccess, never the rule). */
export function personTokensAdmit(actor: Actor, personId: SQL): SQL {
  const reader = readerOf(actor);
  return reader ? tokensAdmit(actor, reader, personId) : nothing;
}

/**
 * True when the actor's access to the person rests on its own work (registered them, took a
 * consultation) rather than only on a referral received or a case.
 * Contact details need this or a consent that covers the actor's organisation.
 */
export function ownWorkWithPerson(actor: Actor, personId: SQL): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (reader.scope === 'personal') {
    return sql`(
      exists (select 1 from persons po where po.id = ${personId} and po.created_by_user_id = ${reader.user})
      or exists (select 1 from consultations co where co.person_id = ${personId} and co.taken_by_user_id = ${reader.user})
    )`;
  }
  // Not "a member of a household the organisation registered": putting someone who is known
  // elsewhere into one's own household must not open their contact details.
  return sql`(
    exists (select 1 from persons po where po.id = ${personId} and po.created_by_organisation_id = ${reader.org})
    or exists (select 1 from consultations co where co.person_id = ${personId} and co.organisation_id = ${reader.org})
  )`;
}

/**
 * True when the actor may record or withdraw consent for the person: coordinators, the
 * organisations that registered them or took a consultation about them (outreach and
 * participation staff: what they did themselves), and the lead organisation of a case about their household. Not a
 * recipient whose access the consent would widen.
 */
export function consentKeeper(actor: Actor, personId: SQL): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (isCoordinator(actor)) return sql`true`;
  const group = sql`(select ${personId} union all select pg.id from persons pg where pg.merged_into_id = ${personId})`;
  const tookConsultation =
    reader.scope === 'personal'
      ? sql`(exists (select 1 from consultations ck where ck.person_id in ${group} and ck.taken_by_user_id = ${reader.user})
          or exists (select 1 from persons rk where rk.id in ${group} and rk.created_by_user_id = ${reader.user}))`
      : sql`(exists (select 1 from consultations ck where ck.person_id in ${group} and ck.organisation_id = ${reader.org})
          or exists (select 1 from persons rk where rk.id in ${group} and rk.created_by_organisation_id = ${reader.org}))`;
  return sql`(${tookConsultation}
    or exists (select 1 from household_members hl join cases cl on cl.household_id = hl.household_id
               where hl.person_id in ${group} and cl.lead_organisation_id = ${reader.org}))`;
}

/**
 * The records of one person after 名寄せ: the surviving record and every record merged into it
 * (merges are one level deep: merging re-points earlier merges to the survivor). A consent given
 * on either record counts for the person.
 */
export function personGroup(personId: SQL): SQL {
  // the person, the record they were merged into, the records merged into them, and the other
  // records merged into the same one. No comparison holds a subquery: under row-level security
  // PostgreSQL uses no index for such a condition (it cannot prove it leaks nothing), and the
  // group took a scan of every person per consent (minutes per case list on the benchmark city).
  return sql`(select (${personId})::uuid
    union all select pr.merged_into_id from persons pr where pr.id = ${personId} and pr.merged_into_id is not null
    union all select pg.id from persons pg where pg.merged_into_id = ${personId}
    union all select pg.id from persons pr join persons pg on pg.merged_into_id = pr.merged_into_id
      where pr.id = ${personId} and pg.id <> ${personId})`;
}

/**
 * True when a consent in force on `today` lets the person's information go to this
 * organisation; with null, only a consent to all agencies counts (a referral to 多機関協働).
 */
export function consentInForce(personId: SQL, organisationId: string | null, today: string): SQL {
  const reaches = organisationId
    ? sql`(k.scope = 'all_agencies' or ${organisationId}::uuid = any(k.organisation_ids))`
    : sql`k.scope = 'all_agencies'`;
  return sql`exists (select 1 from consents k where k.person_id in ${personGroup(personId)}
    and k.obtained_on <= ${today} and (k.withdrawn_on is null or k.withdrawn_on > ${today}) and ${reaches})`;
}

/** True when a consent in force lets the person's information be shared with the actor's organisation. */
export function consentCovers(actor: Actor, personId: SQL, today: string): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  return consentInForce(personId, reader.org, today);
}

/** Consultations the actor may read: taken by their organisation (or themselves), or referred to it. */
export function consultationAccess(actor: Actor): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (reader.scope === 'personal') return sql`"consultations"."taken_by_user_id" = ${reader.user}`;
  return sql`("consultations"."organisation_id" = ${reader.org}
    or exists (select 1 from referrals rc where rc.consultation_id = "consultations"."id"
               and rc.status = any(${statusList}) and ${referralReaches(actor, reader, 'rc')}))`;
}

/**
 * Referrals the actor's organisation sent (drafts included), or received once sent
 * (coordinators receive those to 多機関協働); outreach and participation staff, only those
 * they wrote. Without a box, either.
 */
export function referralAccess(actor: Actor, box?: 'inbox' | 'sent'): SQL {
  const reader = readerOf(actor);
  if (!reader) return nothing;
  if (reader.scope === 'personal') {
    return box === 'inbox' ? nothing : sql`"referrals"."created_by_user_id" = ${reader.user}`;
  }
  const sent = sql`"referrals"."from_organisation_id" = ${reader.org}`;
  const received = sql`("referrals"."status" <> 'draft' and ${referralReaches(actor, reader, '"referrals"')})`;
  if (box === 'sent') return sent;
  if (box === 'inbox') return received;
  return sql`(${sent} or ${received})`;
}
