import type { Role } from '../../shared/vocabulary';
import type {
  Actor,
  Case,
  City,
  Consultation,
  Household,
  ParticipationSupport,
  Person,
  Referral,
} from './world';

// The rules of who may read what, written out here on their own (nothing is taken from
// src/modules/access). Actor = a user acting under one membership (organisation o, role r,
// user u). Another municipality's records are never visible to anyone.

export type Reader = 'organisation' | 'personal' | 'none';
/** Org readers read by organisation; personal readers by their own name; the rest read no case content. */
function readerOf(role: Role): Reader {
  if (role === 'consultant' || role === 'coordinator') return 'organisation';
  if (role === 'outreach_worker' || role === 'participation_coordinator') return 'personal';
  return 'none'; // community_worker, program_manager, administrator, meeting_member
}

/** Referral statuses that give the recipient access (a draft was never sent; declined and cancelled ended it). */
const GRANTING = new Set(['requested', 'accepted', 'in_progress', 'completed', 'unsuccessful']);

/** Each check answers the reasons the rule grants (empty: not visible). */
export class Rules {
  readonly city: City;
  readonly o: string;
  readonly u: string;
  readonly role: Role;
  readonly reader: Reader;
  readonly coordinator: boolean;

  constructor(
    actor: Actor,
    readonly today: string,
    readonly L: (id: string | null) => string,
  ) {
    this.city = actor.city;
    this.o = actor.membership.orgId;
    this.u = actor.membership.userId;
    this.role = actor.membership.role;
    this.reader = readerOf(this.role);
    this.coordinator = this.role === 'coordinator';
  }

  /** A referral reaches the actor's organisation: in a granting status, to o (coordinators: or to 多機関協働). */
  private referralGrants(f: Referral): boolean {
    return GRANTING.has(f.status) && (f.toId === this.o || (this.coordinator && f.toMultiAgency));
  }

  /** R1: a resident. */
  personReasons(p: Person): string[] {
    const reasons: string[] = [];
    if (this.reader === 'none') return reasons;
    if (this.reader === 'organisation') {
      if (p.orgId === this.o) reasons.push(`R1: ${p.label} registered by ${this.L(this.o)}`);
      for (const c of this.city.consultations)
        if (c.orgId === this.o && c.personId === p.id)
          reasons.push(`R1: consultation ${c.label} by ${this.L(this.o)} about ${p.label}`);
      for (const f of this.city.referrals)
        if (f.personId === p.id && this.referralGrants(f))
          reasons.push(`R1: referral ${f.label} (${f.status}) about ${p.label} received`);
    } else {
      if (p.userId === this.u) reasons.push(`R1: ${p.label} registered by ${this.L(this.u)}`);
      for (const c of this.city.consultations)
        if (c.takenById === this.u && c.personId === p.id)
          reasons.push(`R1: consultation ${c.label} taken by ${this.L(this.u)} about ${p.label}`);
      for (const s of this.city.supports)
        if (s.coordinatorId === this.u && s.personId === p.id)
          reasons.push(
            `R1: ${this.L(this.u)} is 担当 of participation support ${s.label} (${s.closedOn ? 'closed' : 'open'}) of ${p.label}`,
          );
    }
    for (const h of this.city.households) {
      if (!h.memberIds.includes(p.id)) continue;
      const why = this.householdReasons(h);
      if (why.length) reasons.push(`R1: member of ${h.label}, which is visible (${why.join('; ')})`);
    }
    return reasons;
  }

  /** R2: a household. */
  householdReasons(h: Household): string[] {
    const reasons: string[] = [];
    if (this.reader === 'none') return reasons;
    if (this.reader === 'organisation') {
      if (h.orgId === this.o) reasons.push(`R2: ${h.label} created by ${this.L(this.o)}`);
      for (const c of this.city.consultations)
        if (c.orgId === this.o && c.householdId === h.id)
          reasons.push(`R2: consultation ${c.label} by ${this.L(this.o)} about ${h.label}`);
      for (const f of this.city.referrals)
        if (f.householdId === h.id && this.referralGrants(f))
          reasons.push(`R2: referral ${f.label} (${f.status}) about ${h.label} received`);
    } else {
      for (const c of this.city.consultations)
        if (c.takenById === this.u && c.householdId === h.id)
          reasons.push(`R2: consultation ${c.label} taken by ${this.L(this.u)} about ${h.label}`);
    }
    for (const k of this.city.cases) {
      if (k.householdId !== h.id) continue;
      const why = this.caseReasons(k);
      if (why.length) reasons.push(`R2: case ${k.label} on ${h.label} is visible (${why.join('; ')})`);
    }
    return reasons;
  }

  /** R3: a consultation. */
  consultationReasons(c: Consultation): string[] {
    const reasons: string[] = [];
    if (this.reader === 'organisation') {
      if (c.orgId === this.o) reasons.push(`R3: ${c.label} taken at ${this.L(this.o)}`);
      for (const f of this.city.referrals)
        if (f.consultationId === c.id && this.referralGrants(f))
          reasons.push(`R3: referral ${f.label} (${f.status}) of ${c.label} received`);
    } else if (this.reader === 'personal') {
      if (c.takenById === this.u) reasons.push(`R3: ${c.label} taken by ${this.L(this.u)}`);
    }
    return reasons;
  }

  /** R4: sent by the actor's organisation (any status), or received once sent. */
  referralSent(f: Referral): boolean {
    return this.reader === 'organisation' && f.fromId === this.o;
  }
  referralReceived(f: Referral): boolean {
    return (
      this.reader === 'organisation' &&
      f.status !== 'draft' &&
      (f.toId === this.o || (this.coordinator && f.toMultiAgency))
    );
  }
  referralReasons(f: Referral): string[] {
    const reasons: string[] = [];
    if (this.referralSent(f)) reasons.push(`R4: ${f.label} sent by ${this.L(this.o)}`);
    if (this.referralReceived(f))
      reasons.push(`R4: ${f.label} (${f.status}) sent to ${f.toMultiAgency ? '多機関協働' : this.L(this.o)}`);
    if (this.reader === 'personal' && f.createdById === this.u)
      reasons.push(`R4: ${f.label} written by ${this.L(this.u)}`);
    return reasons;
  }

  /** R5: a 多機関協働 case. */
  caseReasons(k: Case): string[] {
    const reasons: string[] = [];
    if (this.reader === 'none') return reasons;
    if (this.coordinator) reasons.push('R5: coordinators see every case of the municipality');
    if (this.role === 'consultant' && k.team.some((m) => m.orgId === this.o && m.leftOn === null))
      reasons.push(`R5: ${this.L(this.o)} is on the current team of ${k.label}`);
    if (this.reader === 'personal') {
      if (k.team.some((m) => m.userId === this.u && m.leftOn === null))
        reasons.push(`R5: ${this.L(this.u)} is named on the current team of ${k.label}`);
      const plan = k.plans.find((p) => p.id === k.planInForceId);
      if (plan?.actions.some((a) => a.userId === this.u))
        reasons.push(
          `R5: ${this.L(this.u)} is named on an action of the plan in force (v${plan.version}) of ${k.label}`,
        );
    }
    return reasons;
  }

  /** R8: a participation support (参加支援) is part of the person's record: visible with the person. */
  participationReasons(s: ParticipationSupport): string[] {
    if (this.reader === 'none') return [];
    const person = this.city.persons.find((p) => p.id === s.personId) as Person;
    const why = this.personReasons(person);
    return why.length ? [`R8: ${s.label} of ${person.label}, who is visible (${why.join('; ')})`] : [];
  }

  /** A consent in force today for the person that covers the actor's organisation. */
  private consentReasons(personId: string): string[] {
    return this.city.consents
      .filter(
        (k) =>
          k.personId === personId &&
          k.obtainedOn <= this.today &&
          (k.withdrawnOn === null || k.withdrawnOn > this.today) &&
          (k.scope === 'all_agencies' || k.orgIds.includes(this.o)),
      )
      .map((k) => `consent ${k.label} of ${this.L(personId)} in force for ${this.L(this.o)}`);
  }

  /** R6: contact details of a visible person. */
  personContactReasons(p: Person): string[] {
    const reasons: string[] = [];
    if (this.reader === 'organisation') {
      if (p.orgId === this.o) reasons.push(`R6: own work: ${p.label} registered by ${this.L(this.o)}`);
      for (const c of this.city.consultations)
        if (c.orgId === this.o && c.personId === p.id)
          reasons.push(`R6: own work: consultation ${c.label} by ${this.L(this.o)}`);
    } else if (this.reader === 'personal') {
      if (p.userId === this.u) reasons.push(`R6: own work: ${p.label} registered by ${this.L(this.u)}`);
      for (const c of this.city.consultations)
        if (c.takenById === this.u && c.personId === p.id)
          reasons.push(`R6: own work: consultation ${c.label} taken by ${this.L(this.u)}`);
    }
    return [...reasons, ...this.consentReasons(p.id).map((r) => `R6: ${r}`)];
  }

  /** R7: address and notes of a visible household. */
  householdContactReasons(h: Household): string[] {
    const reasons: string[] = [];
    if (this.reader === 'organisation') {
      if (h.orgId === this.o) reasons.push(`R7: own work: ${h.label} created by ${this.L(this.o)}`);
      for (const c of this.city.consultations)
        if (c.orgId === this.o && c.householdId === h.id)
          reasons.push(`R7: own work: consultation ${c.label} by ${this.L(this.o)}`);
    } else if (this.reader === 'personal') {
      for (const c of this.city.consultations)
        if (c.takenById === this.u && c.householdId === h.id)
          reasons.push(`R7: own work: consultation ${c.label} taken by ${this.L(this.u)}`);
    }
    for (const member of h.memberIds) reasons.push(...this.consentReasons(member).map((r) => `R7: ${r}`));
    return reasons;
  }
}
