import { randomUUID } from 'node:crypto';
import type { NewConsent } from '../consent/consents-bulk';
import type { NewHousehold, NewMember } from '../households/households-bulk';
import type { NewConsultation } from '../intake/consultations-bulk';
import type { NewPerson } from '../people/people-bulk';
import type { ResolvedImport } from './import-plan';

// The records an import creates, worked out before anything is written, each tagged with the
// row of the file that brings it in: a person with the first row that is them; a household of
// the file with the first row of its 世帯番号; a person in no household of the file with a
// household of their own (「山田さん世帯」, as the intake form makes one); people already registered
// join a household of the file only along with someone new; a membership with
// the first row that puts the person in the household; a consultation with its row.

/** Who a row's person is: someone registered, or the new person of the (first) row that is them. */
export type Identity = { kind: 'existing'; personId: string } | { kind: 'new'; row: number };

export const identityKey = (identity: Identity) =>
  identity.kind === 'existing' ? `p:${identity.personId}` : `r:${identity.row}`;

type Tagged<T> = T & { row: number };

export type PlannedRecords = {
  people: Tagged<NewPerson>[];
  households: Tagged<NewHousehold>[];
  members: Tagged<NewMember>[];
  consultations: Tagged<Omit<NewConsultation, 'householdId'> & { householdId: string | null }>[];
  consents: Tagged<NewConsent>[];
  /** People already registered that the file adds to. */
  linked: string[];
};

/**
 * The households of the file that will be made: those with at least one new person (a 世帯番号 of
 * people all registered already makes none: their households exist), and who is in one of them.
 */
export function householdsOfFile(resolved: Pick<ResolvedImport, 'accepted' | 'identityOf'>) {
  // only a new person's own (first) row brings a 世帯番号 in: a later row decided to be the same
  // person adds its consultation to that person, and makes no second household of one
  const withNewPeople = new Set<string>();
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (plan.household && identity?.kind === 'new' && identity.row === plan.row)
      withNewPeople.add(plan.household.key);
  }
  const grouped = new Set<string>();
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (identity && plan.household && withNewPeople.has(plan.household.key))
      grouped.add(identityKey(identity));
  }
  return { withNewPeople, grouped };
}

type Group = NewHousehold & { row: number; named: boolean; members: Set<string> };

export function planRecords(resolved: ResolvedImport): PlannedRecords {
  const newIds = new Map<string, string>();
  const idOf = (identity: Identity) => {
    if (identity.kind === 'existing') return identity.personId;
    const key = identityKey(identity);
    let id = newIds.get(key);
    if (!id) {
      id = randomUUID();
      newIds.set(key, id);
    }
    return id;
  };
  const { grouped, withNewPeople } = householdsOfFile(resolved);
  const records: PlannedRecords = {
    people: [],
    households: [],
    members: [],
    consultations: [],
    consents: [],
    linked: [],
  };
  const groups = new Map<string, Group>();
  const linked = new Set<string>();
  const consents = new Set<string>();
  const firstHouseholdOf = new Map<string, string>();
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (!identity) continue;
    const personId = idOf(identity);
    const { row } = plan;
    let householdId: string | null = null;
    if (identity.kind === 'existing') linked.add(personId);
    if (identity.kind === 'new' && identity.row === row) {
      records.people.push({ row, id: personId, input: plan.person });
      if (!grouped.has(identityKey(identity))) {
        householdId = randomUUID();
        records.households.push({ row, id: householdId, name: `${plan.person.familyName}さん世帯` });
        records.members.push({ row, householdId, personId, relation: '本人' });
        firstHouseholdOf.set(personId, householdId);
      }
    }
    if (plan.household && withNewPeople.has(plan.household.key)) {
      let group = groups.get(plan.household.key);
      if (!group) {
        group = {
          row,
          id: randomUUID(),
          name: `${plan.person.familyName}さん世帯`,
          named: false,
          members: new Set(),
        };
        groups.set(plan.household.key, group);
        records.households.push(group);
      }
      // the household is named by its own column, else after its 本人
      if (!group.named && plan.household.name)
        Object.assign(group, { name: plan.household.name, named: true });
      else if (!group.named && plan.household.relation === '本人')
        group.name = `${plan.person.familyName}さん世帯`;
      householdId = group.id;
      if (!group.members.has(personId)) {
        group.members.add(personId);
        records.members.push({ row, householdId, personId, relation: plan.household.relation });
        if (!firstHouseholdOf.has(personId)) firstHouseholdOf.set(personId, householdId);
      }
    }
    const c = plan.consultation;
    if (!c) continue;
    // a new person's own household; for one already registered, filled in when written
    const about = householdId ?? firstHouseholdOf.get(personId) ?? null;
    records.consultations.push({ row, id: randomUUID(), personId, householdId: about, input: c });
    const on = c.receivedAt.slice(0, 10);
    if (c.shareConsent === 'given' && c.consentMethod && !consents.has(`${personId}:${on}`)) {
      consents.add(`${personId}:${on}`);
      records.consents.push({ row, id: randomUUID(), personId, obtainedOn: on, method: c.consentMethod });
    }
  }
  // plain objects for the writers (the groups carry bookkeeping)
  records.households = records.households.map(({ row, id, name }) => ({ row, id, name }));
  records.linked = [...linked];
  return records;
}
