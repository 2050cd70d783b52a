import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '../db/client';
import * as t from '../db/schema';
import type { PlanContent } from '../modules/cases/case-content';
import { addressKey, kanaKey, nameKey, phoneKey, searchGrams } from '../modules/people/name-normalise';
import { now } from '../server/clock';
import { CASE_STATUSES, type CaseStatus } from '../shared/case-vocabulary';
import { formatWestern } from '../shared/dates';
import { REFERRAL_STATUSES, type ReferralStatus } from '../shared/intake-vocabulary';
import { ROLES, type Role } from '../shared/vocabulary';

// Random worlds for the access oracle (src/modules/access/access-oracle.test.ts): two new
// municipalities with organisations, staff of every role, residents, consultations, referrals,
// consents and 多機関協働 cases, written straight into the tables through the owner's handle
// (one transaction per world), and staff sessions made without a password.
//
// A world is generated as a spec of small numbers (indices resolved modulo the list they
// point into, so that fast-check can shrink any part without breaking references), then
// resolved into named records (A.org1, A.u2, A.P3 …) and inserted with fresh ids.

// ---- the generated spec ----

export type MembershipSpec = { org: number; role: Role };
export type UserSpec = { first: MembershipSpec; second: MembershipSpec | null };
export type PersonSpec = { org: number; byUser: number | null; given: number };
export type HouseholdSpec = { org: number; members: number[] };
export type ConsultationSpec = {
  org: number;
  takenBy: number | null;
  person: number | null;
  household: number | null;
};
export type ReferralSpec = {
  from: number;
  /** null: to 多機関協働 (to_multi_agency, no organisation) */
  to: number | null;
  status: ReferralStatus;
  person: number | null;
  household: number | null;
  consultation: number | null;
  createdBy: number | null;
};
export type ConsentSpec = {
  person: number;
  /** null: all agencies; otherwise the organisations named */
  organisations: number[] | null;
  /** days from today (≤ 0) */
  obtained: number;
  /** days from today, or null when never withdrawn */
  withdrawn: number | null;
};
export type TeamSpec = { org: number; user: number | null; left: number | null };
export type PlanSpec = { actions: { team: number; user: number | null }[] };
export type CaseSpec = {
  household: number;
  status: CaseStatus;
  /** the first is the lead, never left */
  team: TeamSpec[];
  plans: PlanSpec[];
  inForce: number | null;
};
export type CitySpec = {
  orgCount: number;
  users: UserSpec[];
  persons: PersonSpec[];
  households: HouseholdSpec[];
  consultations: ConsultationSpec[];
  referrals: ReferralSpec[];
  consents: ConsentSpec[];
  cases: CaseSpec[];
};

export const RECORD_KINDS = ['person', 'household', 'consultation', 'referral', 'case'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type ProbeSpec =
  /** other: a record of the other municipality instead of the actor's own */
  | { kind: RecordKind; other: boolean; index: number }
  | { kind: 'people-search'; kana: boolean }
  | { kind: 'consultation-list' }
  | { kind: 'referral-lists' }
  | { kind: 'case-list' };
/**
 * pool: whom the actor is drawn from: any membership; the memberships of staff named on a record
 * (taker, registrar, writer, team member, plan action); or those of named staff that read as
 * outreach or participation staff (rarely involved otherwise).
 */
export type ActorSpec = {
  city: number;
  pool: 'any' | 'named' | 'personal';
  membership: number;
  probes: ProbeSpec[];
};
/** family: the family name of every resident of the world (people search finds them all) */
export type WorldSpec = { family: number; cities: [CitySpec, CitySpec]; actors: ActorSpec[] };

export const FAMILY_NAMES = [
  { name: '山田', kana: 'ヤマダ' },
  { name: '佐藤', kana: 'サトウ' },
  { name: '鈴木', kana: 'スズキ' },
] as const;
const GIVEN_NAMES = [
  { name: '太郎', kana: 'タロウ' },
  { name: '花子', kana: 'ハナコ' },
  { name: '一郎', kana: 'イチロウ' },
  { name: '道子', kana: 'ミチコ' },
] as const;

const index = fc.nat({ max: 15 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const membershipSpec = (role: fc.Arbitrary<Role>): fc.Arbitrary<MembershipSpec> =>
  fc.record({ org: index, role });
const userSpec = (role: fc.Arbitrary<Role>): fc.Arbitrary<UserSpec> =>
  fc.record({
    first: membershipSpec(role),
    second: fc.option(membershipSpec(fc.constantFrom(...ROLES)), { nil: null, freq: 2 }),
  });

const citySpec: fc.Arbitrary<CitySpec> = fc.record({
  orgCount: fc.integer({ min: 3, max: 5 }),
  // one user of every role, then a few more of any role
  users: fc
    .tuple(
      fc.tuple(...ROLES.map((role) => userSpec(fc.constant(role)))),
      fc.array(userSpec(fc.constantFrom(...ROLES)), { maxLength: 3 }),
    )
    .map(([base, extra]) => [...base, ...extra]),
  persons: fc.array(fc.record({ org: index, byUser: maybe(index), given: index }), {
    minLength: 1,
    maxLength: 8,
  }),
  households: fc.array(fc.record({ org: index, members: fc.uniqueArray(index, { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  consultations: fc.array(
    fc.record({ org: index, takenBy: maybe(index), person: maybe(index), household: maybe(index) }),
    { maxLength: 8 },
  ),
  referrals: fc.array(
    fc.record({
      from: index,
      to: maybe(index),
      status: fc.constantFrom(...REFERRAL_STATUSES),
      person: maybe(index),
      household: maybe(index),
      consultation: maybe(index),
      createdBy: maybe(index),
    }),
    { maxLength: 8 },
  ),
  consents: fc.array(
    fc.record({
      person: index,
      organisations: fc.option(fc.uniqueArray(index, { minLength: 1, maxLength: 2 }), { nil: null }),
      obtained: fc.constantFrom(0, -1, -30, -400),
      withdrawn: fc.option(fc.constantFrom(-10, -1, 0, 1, 30), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  cases: fc.array(
    fc.record({
      household: index,
      status: fc.constantFrom(...CASE_STATUSES),
      team: fc.array(
        fc.record({
          org: index,
          user: maybe(index),
          left: fc.option(fc.constantFrom(-20, 0, 10), { nil: null }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      plans: fc.array(
        fc.record({
          actions: fc.array(fc.record({ team: index, user: maybe(index) }), { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      inForce: maybe(index),
    }),
    { maxLength: 4 },
  ),
});

const probeSpec: fc.Arbitrary<ProbeSpec> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      kind: fc.oneof(
        { weight: 4, arbitrary: fc.constant('household' as const) },
        { weight: 2, arbitrary: fc.constant('person' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('consultation' as const, 'referral' as const, 'case' as const),
        },
      ),
      other: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      index,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('people-search' as const), kana: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('consultation-list' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('referral-lists' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('case-list' as const) }) },
);

export const worldSpec: fc.Arbitrary<WorldSpec> = fc.record({
  family: fc.nat({ max: FAMILY_NAMES.length - 1 }),
  cities: fc.tuple(citySpec, citySpec),
  actors: fc.array(
    fc.record({
      city: fc.nat({ max: 1 }),
      pool: fc.constantFrom('any' as const, 'named' as const, 'personal' as const),
      membership: fc.nat({ max: 30 }),
      probes: fc.array(probeSpec, { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

// ---- the resolved world ----

export type Org = { id: string; label: string };
export type User = { id: string; label: string };
export type Membership = { id: string; label: string; userId: string; orgId: string; role: Role };
export type Person = {
  id: string;
  label: string;
  orgId: string;
  userId: string | null;
  familyName: string;
  familyNameKana: string;
  givenName: string;
  givenNameKana: string;
};
export type Household = { id: string; label: string; orgId: string; memberIds: string[] };
export type Consultation = {
  id: string;
  label: string;
  orgId: string;
  takenById: string | null;
  personId: string | null;
  householdId: string | null;
};
export type Referral = {
  id: string;
  label: string;
  fromId: string;
  toId: string | null;
  toMultiAgency: boolean;
  status: ReferralStatus;
  personId: string | null;
  householdId: string | null;
  consultationId: string | null;
  createdById: string | null;
};
export type Consent = {
  id: string;
  label: string;
  personId: string;
  scope: 'all_agencies' | 'organisations';
  orgIds: string[];
  obtainedOn: string;
  withdrawnOn: string | null;
};
export type TeamMember = { orgId: string; userId: string | null; leftOn: string | null };
export type Plan = { id: string; version: number; actions: { orgId: string; userId: string | null }[] };
export type Case = {
  id: string;
  label: string;
  householdId: string;
  status: CaseStatus;
  leadOrgId: string;
  team: TeamMember[];
  plans: Plan[];
  planInForceId: string | null;
};
export type City = {
  label: string;
  tenantId: string;
  code: string;
  orgs: Org[];
  users: User[];
  memberships: Membership[];
  persons: Person[];
  households: Household[];
  consultations: Consultation[];
  referrals: Referral[];
  consents: Consent[];
  cases: Case[];
};
export type Probe =
  | { kind: RecordKind; id: string }
  | { kind: 'people-search'; q: string; familyName: string }
  | { kind: 'consultation-list' }
  | { kind: 'referral-lists' }
  | { kind: 'case-list' };
export type Actor = { city: City; membership: Membership; token: string; probes: Probe[] };
export type World = { today: string; cities: City[]; actors: Actor[]; labels: Map<string, string> };

const DAY = 86_400_000;
const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;
const pickOrNull = <T>(list: readonly T[], n: number | null): T | null =>
  n === null ? null : (pick(list, n) ?? null);

let nextCode = 0;
/** A 6-digit municipality code not used before in this process (the demo city's is skipped). */
function freshCode(taken: Set<string>): string {
  for (;;) {
    const code = String(200_000 + (nextCode++ % 700_000));
    if (!taken.has(code)) return code;
  }
}

/** Today as the server dates records (Japan). */
export const todayInJapan = () => formatWestern(now());

export function resolveWorld(spec: WorldSpec, takenCodes: Set<string>): World {
  const today = todayInJapan();
  const day = (offset: number) => formatWestern(new Date(now().getTime() + offset * DAY));
  const labels = new Map<string, string>();
  const family = pick(FAMILY_NAMES, spec.family) ?? FAMILY_NAMES[0];
  const named = <T extends { id: string; label: string }>(record: T): T => {
    labels.set(record.id, record.label);
    return record;
  };
  const cities = spec.cities.map((s, ci): City => {
    const L = ci === 0 ? 'A' : 'B';
    const tenantId = randomUUID();
    const code = freshCode(takenCodes);
    labels.set(tenantId, `${L}市`);
    const orgs = Array.from({ length: s.orgCount }, (_, i) =>
      named({ id: randomUUID(), label: `${L}.org${i + 1}` }),
    );
    const users: User[] = [];
    const memberships: Membership[] = [];
    s.users.forEach((u, i) => {
      const user = named({ id: randomUUID(), label: `${L}.u${i + 1}` });
      users.push(user);
      const wanted = [u.first, ...(u.second ? [u.second] : [])];
      const seen = new Set<string>();
      for (const m of wanted) {
        const org = pick(orgs, m.org) as Org;
        const key = `${org.id}/${m.role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        memberships.push(
          named({
            id: randomUUID(),
            label: `${user.label}(${m.role}@${org.label})`,
            userId: user.id,
            orgId: org.id,
            role: m.role,
          }),
        );
      }
    });
    /** A user working at this organisation (any role), or null. */
    const userOf = (orgId: string, n: number | null): string | null => {
      if (n === null) return null;
      const staff = [...new Set(memberships.filter((m) => m.orgId === orgId).map((m) => m.userId))];
      return pick(staff, n) ?? null;
    };
    const persons = s.persons.map((p, i): Person => {
      const org = pick(orgs, p.org) as Org;
      const given = pick(GIVEN_NAMES, p.given) ?? GIVEN_NAMES[0];
      return named({
        id: randomUUID(),
        label: `${L}.P${i + 1}`,
        orgId: org.id,
        userId: userOf(org.id, p.byUser),
        familyName: family.name,
        familyNameKana: family.kana,
        givenName: given.name,
        givenNameKana: given.kana,
      });
    });
    const households = s.households.map(
      (h, i): Household =>
        named({
          id: randomUUID(),
          label: `${L}.H${i + 1}`,
          orgId: (pick(orgs, h.org) as Org).id,
          memberIds: [...new Set(h.members.map((m) => (pick(persons, m) as Person).id))],
        }),
    );
    const consultations = s.consultations.map((c, i): Consultation => {
      const org = pick(orgs, c.org) as Org;
      return named({
        id: randomUUID(),
        label: `${L}.C${i + 1}`,
        orgId: org.id,
        takenById: userOf(org.id, c.takenBy),
        personId: pickOrNull(persons, c.person)?.id ?? null,
        householdId: pickOrNull(households, c.household)?.id ?? null,
      });
    });
    const referrals = s.referrals.map((r, i): Referral => {
      const from = pick(orgs, r.from) as Org;
      const to = pickOrNull(orgs, r.to);
      return named({
        id: randomUUID(),
        label: `${L}.F${i + 1}`,
        fromId: from.id,
        toId: to?.id ?? null,
        toMultiAgency: to === null,
        status: r.status,
        personId: pickOrNull(persons, r.person)?.id ?? null,
        householdId: pickOrNull(households, r.household)?.id ?? null,
        consultationId: pickOrNull(consultations, r.consultation)?.id ?? null,
        createdById: userOf(from.id, r.createdBy),
      });
    });
    const consents = s.consents.map(
      (k, i): Consent =>
        named({
          id: randomUUID(),
          label: `${L}.K${i + 1}`,
          personId: (pick(persons, k.person) as Person).id,
          scope: k.organisations ? 'organisations' : 'all_agencies',
          orgIds: k.organisations ? [...new Set(k.organisations.map((o) => (pick(orgs, o) as Org).id))] : [],
          obtainedOn: day(k.obtained),
          withdrawnOn: k.withdrawn === null ? null : day(Math.max(k.withdrawn, k.obtained)),
        }),
    );
    const cases = households.length
      ? s.cases.map((c, i): Case => {
          const team = c.team.map((m, j): TeamMember => {
            const org = pick(orgs, m.org) as Org;
            return {
              orgId: org.id,
              userId: userOf(org.id, m.user),
              leftOn: j === 0 || m.left === null ? null : day(m.left),
            };
          });
          const plans = c.plans.map(
            (p, v): Plan => ({
              id: randomUUID(),
              version: v + 1,
              actions: p.actions.map((a) => {
                const member = pick(team, a.team) as TeamMember;
                return { orgId: member.orgId, userId: userOf(member.orgId, a.user) };
              }),
            }),
          );
          return named({
            id: randomUUID(),
            label: `${L}.S${i + 1}`,
            householdId: (pick(households, c.household) as Household).id,
            status: c.status,
            leadOrgId: (team[0] as TeamMember).orgId,
            team,
            plans,
            planInForceId: pickOrNull(plans, c.inForce)?.id ?? null,
          });
        })
      : [];
    return {
      label: L,
      tenantId,
      code,
      orgs,
      users,
      memberships,
      persons,
      households,
      consultations,
      referrals,
      consents,
      cases,
    };
  });
  const actors = spec.actors.map((a): Actor => {
    const city = cities[a.city % cities.length] as City;
    const named = new Set<string | null>([
      ...city.persons.map((p) => p.userId),
      ...city.consultations.map((c) => c.takenById),
      ...city.referrals.map((f) => f.createdById),
      ...city.cases.flatMap((k) => [
        ...k.team.map((m) => m.userId),
        ...k.plans.flatMap((p) => p.actions.map((x) => x.userId)),
      ]),
    ]);
    const namedStaff = city.memberships.filter((m) => named.has(m.userId));
    const personal = namedStaff.filter(
      (m) => m.role === 'outreach_worker' || m.role === 'participation_coordinator',
    );
    const pool =
      a.pool === 'personal' && personal.length
        ? personal
        : a.pool !== 'any' && namedStaff.length
          ? namedStaff
          : city.memberships;
    const membership = pick(pool, a.membership) as Membership;
    const probes = a.probes.flatMap((p): Probe[] => {
      switch (p.kind) {
        case 'people-search': {
          return [{ kind: p.kind, q: p.kana ? family.kana : family.name, familyName: family.name }];
        }
        case 'consultation-list':
        case 'referral-lists':
        case 'case-list':
          return [{ kind: p.kind }];
        default: {
          const target = p.other ? (cities.find((c) => c !== city) as City) : city;
          const list = recordsOf(target, p.kind);
          const record = pick(list, p.index);
          return record ? [{ kind: p.kind, id: record.id }] : [];
        }
      }
    });
    return { city, membership, token: randomBytes(24).toString('base64url'), probes };
  });
  return { today, cities, actors, labels };
}

export function recordsOf(city: City, kind: RecordKind): { id: string; label: string }[] {
  switch (kind) {
    case 'person':
      return city.persons;
    case 'household':
      return city.households;
    case 'consultation':
      return city.consultations;
    case 'referral':
      return city.referrals;
    case 'case':
      return city.cases;
  }
}

// ---- writing the world ----

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const planContent = (plan: Plan, today: string, until: string): PlanContent => ({
  vision: '世帯が地域で安心して暮らす。',
  issues: ['生活の立て直し'],
  goals: [{ key: 'g1', text: '生活を安定させる', timeframe: '6か月' }],
  actions: plan.actions.map((a, i) => ({
    key: `a${i + 1}`,
    goalKey: 'g1',
    text: `支援内容${i + 1}`,
    organisationId: a.orgId,
    userId: a.userId,
    frequency: '月1回',
    from: today,
    until,
  })),
});

/**
 * Inserts the world as the tables' owner in one statement (each table's rows in a
 * data-modifying WITH: foreign keys are checked at its end), with a session per actor.
 */
export async function insertWorld(owner: Database, world: World): Promise<void> {
  const at = now();
  const until = formatWestern(new Date(at.getTime() + 60 * DAY));
  const longAgo = formatWestern(new Date(at.getTime() - 40 * DAY));
  const parts: SQL[] = [];
  const add = <T>(rows: T[], insert: (rows: T[]) => { getSQL(): SQL }) => {
    if (rows.length) parts.push(insert(rows).getSQL());
  };
  const each = <T>(rows: (c: City) => T[]) => world.cities.flatMap(rows);
  add(
    world.cities.map((c) => ({ id: c.tenantId, code: c.code, name: `${c.label}市（検査）` })),
    (rows) => owner.insert(t.tenants).values(rows),
  );
  add(
    each((c) =>
      c.orgs.map((o) => ({ id: o.id, tenantId: c.tenantId, name: o.label, kind: 'other' as const })),
    ),
    (rows) => owner.insert(t.organisations).values(rows),
  );
  add(
    each((c) =>
      c.users.map((u) => ({
        id: u.id,
        tenantId: c.tenantId,
        loginId: `oracle-${u.id}`,
        displayName: u.label,
        passwordHash: 'not-a-password-hash',
      })),
    ),
    (rows) => owner.insert(t.users).values(rows),
  );
  add(
    each((c) =>
      c.memberships.map((m) => ({
        id: m.id,
        tenantId: c.tenantId,
        userId: m.userId,
        organisationId: m.orgId,
        role: m.role,
      })),
    ),
    (rows) => owner.insert(t.memberships).values(rows),
  );
  add(
    each((c) =>
      c.persons.map((p, i) => {
        const address = `${c.label}市本町${i + 1}-1`;
        const phones = [`090-0000-${String(1000 + i)}`];
        const keys = {
          nameKey: nameKey(`${p.familyName}${p.givenName}`),
          kanaKey: kanaKey(`${p.familyNameKana}${p.givenNameKana}`),
        };
        return {
          id: p.id,
          tenantId: c.tenantId,
          familyName: p.familyName,
          givenName: p.givenName,
          familyNameKana: p.familyNameKana,
          givenNameKana: p.givenNameKana,
          address,
          phones,
          notes: `${p.label}の備考`,
          createdByOrganisationId: p.orgId,
          createdByUserId: p.userId,
          ...keys,
          phoneKeys: phones.map(phoneKey),
          nameGrams: searchGrams(keys.nameKey, keys.kanaKey),
          addressGrams: searchGrams(addressKey(address)),
        };
      }),
    ),
    (rows) => owner.insert(t.persons).values(rows),
  );
  add(
    each((c) =>
      c.households.map((h, i) => ({
        id: h.id,
        tenantId: c.tenantId,
        name: `${h.label}世帯`,
        address: `${c.label}市本町${i + 1}`,
        notes: `${h.label}の備考`,
        createdByOrganisationId: h.orgId,
      })),
    ),
    (rows) => owner.insert(t.households).values(rows),
  );
  add(
    each((c) =>
      c.households.flatMap((h) =>
        h.memberIds.map((personId, i) => ({
          tenantId: c.tenantId,
          householdId: h.id,
          personId,
          relation: i === 0 ? '本人' : '家族',
        })),
      ),
    ),
    (rows) => owner.insert(t.householdMembers).values(rows),
  );
  add(
    each((c) =>
      c.consultations.map((k, i) => ({
        id: k.id,
        tenantId: c.tenantId,
        organisationId: k.orgId,
        takenByUserId: k.takenById,
        receivedAt: new Date(at.getTime() - (i + 1) * 3_600_000),
        channel: 'phone' as const,
        broughtBy: 'self' as const,
        personId: k.personId,
        householdId: k.householdId,
        mainComplaint: `${k.label}の主訴`,
        outcome: 'handled_here' as const,
        shareConsent: 'not_asked' as const,
      })),
    ),
    (rows) => owner.insert(t.consultations).values(rows),
  );
  add(
    each((c) =>
      c.referrals.map((f) => ({
        id: f.id,
        tenantId: c.tenantId,
        consultationId: f.consultationId,
        personId: f.personId,
        householdId: f.householdId,
        fromOrganisationId: f.fromId,
        toOrganisationId: f.toId,
        toMultiAgency: f.toMultiAgency,
        mainComplaint: `${f.label}の主訴`,
        reason: 'つなぎの理由',
        status: f.status,
        createdByUserId: f.createdById,
        sentAt: f.status === 'draft' ? null : at,
      })),
    ),
    (rows) => owner.insert(t.referrals).values(rows),
  );
  add(
    each((c) =>
      c.consents.map((k) => ({
        id: k.id,
        tenantId: c.tenantId,
        personId: k.personId,
        purpose: '関係機関での情報共有',
        scope: k.scope,
        organisationIds: k.orgIds,
        obtainedOn: k.obtainedOn,
        method: 'written' as const,
        recordedByOrganisationId: (c.persons.find((p) => p.id === k.personId) as Person).orgId,
        withdrawnOn: k.withdrawnOn,
      })),
    ),
    (rows) => owner.insert(t.consents).values(rows),
  );
  const cases = each((c) => c.cases.map((k) => ({ c, k })));
  const plans = cases.flatMap(({ c, k }) => k.plans.map((p) => ({ c, k, p })));
  const approvals = new Map(
    plans.filter(({ k, p }) => k.planInForceId === p.id).map(({ p }) => [p.id, randomUUID()]),
  );
  add(
    cases.map(({ c, k }) => ({
      id: k.id,
      tenantId: c.tenantId,
      householdId: k.householdId,
      summary: `${k.label}の概要`,
      status: k.status,
      leadOrganisationId: k.leadOrgId,
      planInForceId: k.planInForceId,
      openedOn: longAgo,
    })),
    (rows) => owner.insert(t.cases).values(rows),
  );
  add(
    cases.flatMap(({ c, k }) =>
      k.team.map((m) => ({
        tenantId: c.tenantId,
        caseId: k.id,
        organisationId: m.orgId,
        userId: m.userId,
        role: '支援',
        joinedOn: longAgo,
        leftOn: m.leftOn,
      })),
    ),
    (rows) => owner.insert(t.caseTeamMembers).values(rows),
  );
  add(
    plans
      .filter(({ p }) => approvals.has(p.id))
      .map(({ c, k, p }) => ({
        id: approvals.get(p.id) as string,
        tenantId: c.tenantId,
        caseId: k.id,
        kind: 'plan_approval' as const,
        decidedOn: world.today,
        decidingBody: '重層的支援会議',
        content: 'プランを承認した。',
      })),
    (rows) => owner.insert(t.caseDecisions).values(rows),
  );
  add(
    plans.map(({ c, k, p }) => ({
      id: p.id,
      tenantId: c.tenantId,
      caseId: k.id,
      version: p.version,
      content: planContent(p, world.today, until),
      reviewOn: until,
      approvedDecisionId: approvals.get(p.id) ?? null,
      createdAt: at,
    })),
    (rows) => owner.insert(t.casePlans).values(rows),
  );
  add(
    plans.flatMap(({ c, k, p }) =>
      p.actions.map((a, i) => ({
        tenantId: c.tenantId,
        caseId: k.id,
        planId: p.id,
        actionKey: `a${i + 1}`,
        organisationId: a.orgId,
        userId: a.userId,
        text: `支援内容${i + 1}`,
        until,
      })),
    ),
    (rows) => owner.insert(t.caseActions).values(rows),
  );
  add(
    world.actors.map((a) => ({
      tokenHash: sha256(a.token),
      tenantId: a.city.tenantId,
      userId: a.membership.userId,
      membershipId: a.membership.id,
      csrfToken: randomBytes(16).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + 12 * 3_600_000),
    })),
    (rows) => owner.insert(t.sessions).values(rows),
  );
  const ctes = sql.join(
    parts.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`),
    sql`, `,
  );
  await owner.execute(sql`with ${ctes} select 1`);
}

/** The municipality codes already in the database (the demo city's), never to be reused. */
export async function takenTenantCodes(owner: Database): Promise<Set<string>> {
  const rows = await owner.select({ code: t.tenants.code }).from(t.tenants);
  return new Set(rows.map((r) => r.code));
}

// ---- reading the world back in words ----

export function describeWorld(world: World): string {
  const L = (id: string | null) => (id === null ? '—' : (world.labels.get(id) ?? id));
  const lines: string[] = [`today ${world.today}`];
  for (const c of world.cities) {
    lines.push(`${c.label}市 (tenant ${c.code}): organisations ${c.orgs.map((o) => o.label).join(', ')}`);
    const staff = c.users.map((u) => {
      const roles = c.memberships.filter((m) => m.userId === u.id).map((m) => `${m.role}@${L(m.orgId)}`);
      return `${u.label} ${roles.join(' + ')}`;
    });
    lines.push(`  staff: ${staff.join('; ')}`);
    for (const p of c.persons)
      lines.push(
        `  person ${p.label} ${p.familyName}${p.givenName}: registered by ${L(p.orgId)} / ${L(p.userId)}`,
      );
    for (const h of c.households)
      lines.push(
        `  household ${h.label}: created by ${L(h.orgId)}, members [${h.memberIds.map(L).join(', ')}]`,
      );
    for (const k of c.consultations)
      lines.push(
        `  consultation ${k.label}: by ${L(k.orgId)}, taken by ${L(k.takenById)}, person ${L(k.personId)}, household ${L(k.householdId)}`,
      );
    for (const f of c.referrals)
      lines.push(
        `  referral ${f.label}: ${f.status}, ${L(f.fromId)} → ${f.toMultiAgency ? '多機関協働' : L(f.toId)}, created by ${L(f.createdById)}, person ${L(f.personId)}, household ${L(f.householdId)}, consultation ${L(f.consultationId)}`,
      );
    for (const k of c.consents)
      lines.push(
        `  consent ${k.label}: person ${L(k.personId)}, ${k.scope === 'all_agencies' ? 'all agencies' : `to [${k.orgIds.map(L).join(', ')}]`}, obtained ${k.obtainedOn}, withdrawn ${k.withdrawnOn ?? '—'}`,
      );
    for (const s of c.cases) {
      const team = s.team
        .map(
          (m) => `${L(m.orgId)}${m.userId ? `/${L(m.userId)}` : ''}${m.leftOn ? ` (left ${m.leftOn})` : ''}`,
        )
        .join(', ');
      const plans = s.plans
        .map(
          (p) =>
            `v${p.version}${p.id === s.planInForceId ? ' in force' : ''}: [${p.actions.map((a) => `${L(a.orgId)}/${L(a.userId)}`).join(', ')}]`,
        )
        .join('; ');
      lines.push(
        `  case ${s.label}: ${s.status}, household ${L(s.householdId)}, lead ${L(s.leadOrgId)}, team [${team}], plans [${plans || '—'}]`,
      );
    }
  }
  return lines.join('\n');
}
