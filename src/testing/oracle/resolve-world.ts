import { randomUUID } from 'node:crypto';
import { now } from '../../server/clock';
import { formatWestern } from '../../shared/dates';
import { newSessionToken } from './actor-session';
import { resolveSupports } from './resolve-supports';
import {
  type Actor,
  type Case,
  type City,
  type Consent,
  type Consultation,
  DAY,
  type Household,
  type Membership,
  type Named,
  type Org,
  type Person,
  type Plan,
  type Probe,
  type Referral,
  type TeamMember,
  todayInJapan,
  type User,
  type World,
} from './world';
import {
  type ActorSpec,
  type CitySpec,
  FAMILY_NAMES,
  GIVEN_NAMES,
  pick,
  pickOrNull,
  type RecordKind,
  type WorldSpec,
} from './world-spec';

type Family = (typeof FAMILY_NAMES)[number];

let nextCode = 0;
/** A 6-digit municipality code not used before in this process (the demo city's is skipped). */
function freshCode(taken: Set<string>): string {
  for (;;) {
    const code = String(200_000 + (nextCode++ % 700_000));
    if (!taken.has(code)) return code;
  }
}

export function resolveWorld(spec: WorldSpec, takenCodes: Set<string>): World {
  const today = todayInJapan();
  const labels = new Map<string, string>();
  const family = pick(FAMILY_NAMES, spec.family) ?? FAMILY_NAMES[0];
  const named: Named = (record) => {
    labels.set(record.id, record.label);
    return record;
  };
  const cities = spec.cities.map((s, ci): City => {
    const city = resolveCity(s, ci === 0 ? 'A' : 'B', freshCode(takenCodes), family, named);
    labels.set(city.tenantId, `${city.label}市`);
    return city;
  });
  const actors = spec.actors.map((a) => resolveActor(a, cities, family));
  return { today, cities, actors, labels };
}

function resolveCity(s: CitySpec, L: string, code: string, family: Family, named: Named): City {
  const day = (offset: number) => formatWestern(new Date(now().getTime() + offset * DAY));
  const orgs = Array.from({ length: s.orgCount }, (_, i) =>
    named({ id: randomUUID(), label: `${L}.org${i + 1}` }),
  );
  const users: User[] = [];
  const memberships: Membership[] = [];
  s.users.forEach((u, i) => {
    const user = named({ id: randomUUID(), label: `${L}.u${i + 1}` });
    users.push(user);
    const seen = new Set<string>();
    for (const m of [u.first, ...(u.second ? [u.second] : [])]) {
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
  const cases = s.cases.map((c, i): Case => {
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
  });
  const supports = resolveSupports(
    s,
    L,
    { orgs, users, memberships, persons, consultations, cases },
    day,
    named,
  );
  return {
    label: L,
    tenantId: randomUUID(),
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
    supports,
  };
}

function resolveActor(a: ActorSpec, cities: City[], family: Family): Actor {
  const city = cities[a.city % cities.length] as City;
  const namedUsers = new Set<string | null>([
    ...city.persons.map((p) => p.userId),
    ...city.consultations.map((c) => c.takenById),
    ...city.referrals.map((f) => f.createdById),
    ...city.cases.flatMap((k) => [
      ...k.team.map((m) => m.userId),
      ...k.plans.flatMap((p) => p.actions.map((x) => x.userId)),
    ]),
    ...city.supports.map((s) => s.coordinatorId),
  ]);
  const namedStaff = city.memberships.filter((m) => namedUsers.has(m.userId));
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
      case 'people-search':
        return [{ kind: p.kind, q: p.kana ? family.kana : family.name, familyName: family.name }];
      case 'consultation-list':
      case 'referral-lists':
      case 'case-list':
        return [{ kind: p.kind }];
      case 'participation-list': {
        const person = p.filter === 'person' ? pick(city.persons, p.index) : undefined;
        const someCase = p.filter === 'case' ? pick(city.cases, p.index) : undefined;
        return [
          {
            kind: p.kind,
            mine: p.filter === 'mine',
            personId: person?.id ?? null,
            caseId: someCase?.id ?? null,
          },
        ];
      }
      default: {
        const target = p.other ? (cities.find((c) => c !== city) as City) : city;
        const record = pick(recordsOf(target, p.kind), p.index);
        return record ? [{ kind: p.kind, id: record.id }] : [];
      }
    }
  });
  return { city, membership, token: newSessionToken(), probes };
}

function recordsOf(city: City, kind: RecordKind): { id: string; label: string }[] {
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
    case 'participation':
      return city.supports;
  }
}
