import { randomUUID } from 'node:crypto';
import type { City, Named, Org, ParticipationSupport, Person, User } from './world';
import { type CitySpec, pick } from './world-spec';

/**
 * 参加支援 of the city: the 担当 is drawn from the users who read as outreach or participation
 * staff under some membership, or from every user; a person has at most one open support.
 */
export function resolveSupports(
  s: CitySpec,
  L: string,
  city: Pick<City, 'orgs' | 'users' | 'memberships' | 'persons' | 'consultations' | 'cases'>,
  day: (offset: number) => string,
  named: Named,
): ParticipationSupport[] {
  const personalUsers = city.users.filter((u) =>
    city.memberships.some(
      (m) => m.userId === u.id && (m.role === 'outreach_worker' || m.role === 'participation_coordinator'),
    ),
  );
  const open = new Set<string>();
  return s.supports.map((ps, i): ParticipationSupport => {
    const person = pick(city.persons, ps.person) as Person;
    const coordinator = (pick(ps.coordinator.personal ? personalUsers : city.users, ps.coordinator.index) ??
      pick(city.users, ps.coordinator.index)) as User;
    const closed = ps.closed || open.has(person.id);
    if (!closed) open.add(person.id);
    const { kind, index } = ps.source;
    return named({
      id: randomUUID(),
      label: `${L}.PS${i + 1}`,
      personId: person.id,
      orgId: (pick(city.orgs, ps.org) as Org).id,
      coordinatorId: coordinator.id,
      caseId: kind === 'case' ? (pick(city.cases, index)?.id ?? null) : null,
      consultationId: kind === 'consultation' ? (pick(city.consultations, index)?.id ?? null) : null,
      openedOn: day(-90),
      closedOn: closed ? day(-3) : null,
    });
  });
}
