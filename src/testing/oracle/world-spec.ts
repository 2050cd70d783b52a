import fc from 'fast-check';
import { CASE_STATUSES, type CaseStatus } from '../../shared/case-vocabulary';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../shared/intake-vocabulary';
import { ROLES, type Role } from '../../shared/vocabulary';

// A random world is generated as a spec of small numbers: indices are resolved modulo the list
// they point into (resolve-world.ts), so that fast-check can shrink any part without breaking
// references.

/** The item an index points to (modulo the list's length), or undefined when the list is empty. */
export const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;
export const pickOrNull = <T>(list: readonly T[], n: number | null): T | null =>
  n === null ? null : (pick(list, n) ?? null);

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
export type ParticipationSpec = {
  person: number;
  /** the opener organisation */
  org: number;
  /** the 担当: personal: among users who read as outreach or participation staff somewhere; else any user */
  coordinator: { personal: boolean; index: number };
  source: { kind: 'case' | 'consultation' | 'none'; index: number };
  closed: boolean;
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
  supports: ParticipationSpec[];
};

export type RecordKind = 'person' | 'household' | 'consultation' | 'referral' | 'case' | 'participation';
export type ProbeSpec =
  /** other: a record of the other municipality instead of the actor's own */
  | { kind: RecordKind; other: boolean; index: number }
  | { kind: 'people-search'; kana: boolean }
  | { kind: 'consultation-list' }
  | { kind: 'referral-lists' }
  | { kind: 'case-list' }
  | { kind: 'participation-list'; filter: 'all' | 'mine' | 'person' | 'case'; index: number };
/**
 * pool: whom the actor is drawn from: every membership; the memberships of staff named on a record
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
export const GIVEN_NAMES = [
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
  supports: fc.array(
    fc.record({
      person: index,
      org: index,
      coordinator: fc.record({ personal: fc.boolean(), index }),
      source: fc.record({
        kind: fc.constantFrom('case' as const, 'consultation' as const, 'none' as const),
        index,
      }),
      closed: fc.boolean(),
    }),
    { maxLength: 3 },
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
        { weight: 1, arbitrary: fc.constant('participation' as const) },
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
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('participation-list' as const),
      filter: fc.constantFrom(
        'all' as const,
        'all' as const,
        'mine' as const,
        'person' as const,
        'case' as const,
      ),
      index,
    }),
  },
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
