import { now } from '../../server/clock';
import type { CaseStatus } from '../../shared/case-vocabulary';
import { formatWestern } from '../../shared/dates';
import type { ReferralStatus } from '../../shared/intake-vocabulary';
import type { Role } from '../../shared/vocabulary';
import type { RecordKind } from './world-spec';

// A resolved world: two municipalities (A and B) of named records (A.org1, A.u2, A.P3 …) with
// fresh ids, and the actors who will read them.

/** Registers a record's label (for reports) and answers the record. */
export type Named = <T extends { id: string; label: string }>(record: T) => T;
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
/** 参加支援: coordinatorId is the 担当 (any user of the municipality); opened from a case, a consultation or neither. */
export type ParticipationSupport = {
  id: string;
  label: string;
  personId: string;
  orgId: string;
  coordinatorId: string;
  caseId: string | null;
  consultationId: string | null;
  openedOn: string;
  closedOn: string | null;
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
  supports: ParticipationSupport[];
};
export type Probe =
  | { kind: RecordKind; id: string }
  | { kind: 'people-search'; q: string; familyName: string }
  | { kind: 'consultation-list' }
  | { kind: 'referral-lists' }
  | { kind: 'case-list' }
  /** GET /api/participation?view=all (or the actor's own, view=mine), or filtered by a person or a case */
  | { kind: 'participation-list'; mine: boolean; personId: string | null; caseId: string | null };
export type Actor = { city: City; membership: Membership; token: string; probes: Probe[] };
export type World = { today: string; cities: City[]; actors: Actor[]; labels: Map<string, string> };

export const DAY = 86_400_000;

/** Today as the server dates records (Japan). */
export const todayInJapan = () => formatWestern(now());
