import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import type { Actor } from '../access/access.policy';
import { householdAccess } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { insertConsents, type NewConsent } from '../consent/consents-bulk';
import {
  insertHouseholds,
  insertMembers,
  type NewHousehold,
  type NewMember,
} from '../households/households-bulk';
import { insertConsultations, type NewConsultation } from '../intake/consultations-bulk';
import { deferAccessTokens } from '../people/access-tokens';
import { insertPeople, type NewPerson } from '../people/people-bulk';
import { type Identity, identityKey, type ResolvedImport } from './import-plan';

// The writes of an import, all in the caller's transaction: people, households and their
// members, consultations and consents, a few thousand rows per statement, each chunk audited
// with the ids it created. The access tokens of everyone touched are computed once at the end.

const CHUNK = 5000;

export type Progress = (done: number, total: number) => void;

type Written = { people: string[]; households: string[]; consultations: string[]; consents: string[] };

/** For people already registered and in no household of the file: their one household the user may see. */
async function householdsOfLinked(tx: Database, actor: Actor, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ person_id: string; household_id: string }>(
    tx,
    sql`select hm.person_id::text, min(hm.household_id::text) as household_id from household_members hm
         where hm.person_id = any(${sql.param(personIds)}::uuid[]) and ${householdAccess(actor, sql`hm.household_id`)}
         group by hm.person_id having count(*) = 1`,
  );
  return new Map(rows.map((r) => [r.person_id, r.household_id]));
}

function planRecords(resolved: ResolvedImport) {
  const personIds = new Map<string, string>();
  const people: NewPerson[] = [];
  const idOf = (identity: Identity) => {
    if (identity.kind === 'existing') return identity.personId;
    const key = identityKey(identity);
    let id = personIds.get(key);
    if (!id) {
      id = randomUUID();
      personIds.set(key, id);
    }
    return id;
  };
  const groups = new Map<string, NewHousehold & { members: Map<string, string>; named: boolean }>();
  const grouped = new Set<string>();
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (!identity) continue;
    const personId = idOf(identity);
    if (identity.kind === 'new' && identity.row === plan.row)
      people.push({ id: personId, input: plan.person });
    if (!plan.household) continue;
    grouped.add(personId);
    const group = groups.get(plan.household.key) ?? {
      id: randomUUID(),
      name: `${plan.person.familyName}さん世帯`,
      named: false,
      members: new Map<string, string>(),
    };
    groups.set(plan.household.key, group);
    if (!group.members.has(personId)) group.members.set(personId, plan.household.relation);
    if (!group.named && plan.household.name) Object.assign(group, { name: plan.household.name, named: true });
    else if (!group.named && plan.household.relation === '本人')
      group.name = `${plan.person.familyName}さん世帯`;
  }
  const households: NewHousehold[] = [];
  const members: NewMember[] = [];
  const householdOfRow = new Map<number, string>();
  for (const group of groups.values()) {
    households.push({ id: group.id, name: group.name });
    for (const [personId, relation] of group.members)
      members.push({ householdId: group.id, personId, relation });
  }
  const own = new Map<string, string>();
  for (const person of people) {
    if (grouped.has(person.id)) continue;
    const id = randomUUID();
    own.set(person.id, id);
    households.push({ id, name: `${person.input.familyName}さん世帯` });
    members.push({ householdId: id, personId: person.id, relation: '本人' });
  }
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (!identity) continue;
    const household = plan.household ? groups.get(plan.household.key)?.id : own.get(idOf(identity));
    if (household) householdOfRow.set(plan.row, household);
  }
  return { idOf, people, households, members, householdOfRow };
}

export async function writeImport(
  tx: Database,
  context: ActorContext,
  organisationId: string,
  resolved: ResolvedImport,
  progress: Progress,
): Promise<Written> {
  const { actor } = context;
  await deferAccessTokens(tx);
  const { idOf, people, households, members, householdOfRow } = planRecords(resolved);
  const linked = [
    ...new Set([...resolved.identityOf.values()].flatMap((i) => (i.kind === 'existing' ? [i.personId] : []))),
  ];
  const linkedHousehold = await householdsOfLinked(tx, actor, linked);
  const consultations: NewConsultation[] = [];
  const consents = new Map<string, NewConsent>();
  for (const plan of resolved.accepted) {
    const identity = resolved.identityOf.get(plan.row);
    if (!identity || !plan.consultation) continue;
    const personId = idOf(identity);
    const c = plan.consultation;
    consultations.push({
      id: randomUUID(),
      personId,
      householdId: householdOfRow.get(plan.row) ?? linkedHousehold.get(personId) ?? null,
      input: c,
    });
    const on = c.receivedAt.slice(0, 10);
    if (c.shareConsent === 'given' && c.consentMethod && !consents.has(`${personId}:${on}`))
      consents.set(`${personId}:${on}`, {
        id: randomUUID(),
        personId,
        obtainedOn: on,
        method: c.consentMethod,
      });
  }
  const total = people.length + households.length + members.length + consultations.length + consents.size;
  let done = 0;
  const audit = (targetType: string, key: 'ids' | 'linked', ids: string[]) =>
    recordAudit(tx, context, { action: 'import.commit', targetType, detail: { [key]: [...new Set(ids)] } });
  const inChunks = async <T>(
    rows: T[],
    targetType: string,
    write: (chunk: T[]) => Promise<void>,
    id: (r: T) => string,
  ) => {
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK);
      await write(chunk);
      await audit(targetType, 'ids', chunk.map(id));
      done += chunk.length;
      progress(done, total);
    }
  };
  await inChunks(
    people,
    'person',
    (c) => insertPeople(tx, actor, organisationId, c),
    (p) => p.id,
  );
  for (let at = 0; at < linked.length; at += CHUNK)
    await audit('person', 'linked', linked.slice(at, at + CHUNK));
  await inChunks(
    households,
    'household',
    (c) => insertHouseholds(tx, actor, organisationId, c),
    (h) => h.id,
  );
  await inChunks(
    members,
    'household',
    (c) => insertMembers(tx, actor, c),
    (m) => m.householdId,
  );
  await inChunks(
    consultations,
    'consultation',
    (c) => insertConsultations(tx, actor, organisationId, c),
    (c) => c.id,
  );
  await inChunks(
    [...consents.values()],
    'consent',
    (c) => insertConsents(tx, actor, organisationId, c),
    (k) => k.id,
  );
  await refreshTokens(tx, [...people.map((p) => p.id), ...linked], [...new Set(linkedHousehold.values())]);
  return {
    people: people.map((p) => p.id),
    households: households.map((h) => h.id),
    consultations: consultations.map((c) => c.id),
    consents: [...consents.values()].map((k) => k.id),
  };
}

/** The people touched, and everyone in the existing households that got a consultation. */
async function refreshTokens(tx: Database, personIds: string[], householdIds: string[]) {
  const members = householdIds.length
    ? await queryRows<{ id: string }>(
        tx,
        sql`select person_id::text as id from household_members where household_id = any(${sql.param(householdIds)}::uuid[])`,
      )
    : [];
  const ids = [...new Set([...personIds, ...members.map((m) => m.id)])];
  await tx.execute(sql`select set_config('app.defer_access_tokens', 'off', true)`);
  for (let at = 0; at < ids.length; at += CHUNK)
    await tx.execute(sql`select app_refresh_access_tokens(${sql.param(ids.slice(at, at + CHUNK))}::uuid[])`);
}
