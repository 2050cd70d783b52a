import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { runWithGenericPlan } from '../../db/prepared';
import { now } from '../../server/clock';
import { badRequest, notFound } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { consentInForce, householdAccess, householdContactVisible, personGroup } from '../access/case-scope';
import { requireHouseholdHolder } from '../access/household-holder';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { consultationsFor } from '../intake/intake.service';
import {
  createPersonIn,
  presentPerson,
  requireRecordHolder,
  requireVisiblePerson,
  selectVisiblePersons,
} from '../people/people.service';
import { persons } from '../people/people.tables';
import { referralsFor } from '../referrals/referrals.service';
import { requireDistrict } from './household-area.service';
import type { HouseholdInput, HouseholdView, MemberInput, RelationshipInput } from './households.schemas';
import { householdMembers, households, personRelationships } from './households.tables';

async function requireHousehold(tx: Database, context: ActorContext, id: string) {
  await requireVisible(tx, context.actor, 'household', id);
  const [row] = await tx
    .select({
      household: households,
      contactVisible: householdContactVisible(context.actor, sql`${households.id}`, formatWestern(now())),
    })
    .from(households)
    .where(eq(households.id, id));
  if (!row) throw notFound('世帯');
  return { ...row.household, contactVisible: row.contactVisible === true };
}

async function insertMember(tx: Database, context: ActorContext, householdId: string, member: MemberInput) {
  let personId: string;
  if (member.newPerson) personId = (await createPersonIn(tx, context, member.newPerson)).id;
  else {
    personId = (await requireVisiblePerson(tx, context, member.personId ?? '')).id;
    // someone seen only through a referral or a team must not be copied into a household of
    // one's own, where they would stay visible after the referral or the team ends
    await requireRecordHolder(tx, context, personId, 'この方を世帯員に加えること');
  }
  await tx
    .insert(householdMembers)
    .values({
      personId,
      relation: member.relation,
      livesTogether: member.livesTogether,
      householdId,
      tenantId: context.actor.tenantId,
    })
    .onConflictDoUpdate({
      target: [householdMembers.householdId, householdMembers.personId],
      set: { relation: member.relation, livesTogether: member.livesTogether },
    });
}

export async function createHousehold(db: Database, context: ActorContext, input: HouseholdInput) {
  requirePermission(context.actor, 'case_content.write');
  const organisationId = requireOrganisation(context.actor);
  const id = await db.transaction(async (tx) => {
    const { members, ...fields } = input;
    await requireDistrict(tx, context, fields.areaId);
    const [row] = await tx
      .insert(households)
      .values({ ...fields, tenantId: context.actor.tenantId, createdByOrganisationId: organisationId })
      .returning({ id: households.id });
    if (!row) throw new Error('insert returned nothing');
    for (const member of members) await insertMember(tx, context, row.id, member);
    await recordAudit(tx, context, { action: 'household.create', targetType: 'household', targetId: row.id });
    return row.id;
  });
  return getHousehold(db, context, id);
}

export async function addMember(
  db: Database,
  context: ActorContext,
  householdId: string,
  member: MemberInput,
) {
  requirePermission(context.actor, 'case_content.write');
  await db.transaction(async (tx) => {
    await requireHousehold(tx, context, householdId);
    await requireHouseholdHolder(tx, context.actor, householdId, '世帯員の追加');
    await insertMember(tx, context, householdId, member);
    await tx.update(households).set({ updatedAt: now() }).where(eq(households.id, householdId));
    await recordAudit(tx, context, {
      action: 'household.update',
      targetType: 'household',
      targetId: householdId,
      detail: { addedMember: member.personId ?? 'new' },
    });
  });
  return getHousehold(db, context, householdId);
}

export async function addRelationship(
  db: Database,
  context: ActorContext,
  householdId: string,
  input: RelationshipInput,
) {
  requirePermission(context.actor, 'case_content.write');
  if (input.personAId === input.personBId)
    throw badRequest('SAME_PERSON', '同じ人どうしの関係は登録できません。');
  await db.transaction(async (tx) => {
    await requireHousehold(tx, context, householdId);
    const members = await tx
      .select({ personId: householdMembers.personId })
      .from(householdMembers)
      .where(
        and(
          eq(householdMembers.householdId, householdId),
          inArray(householdMembers.personId, [input.personAId, input.personBId]),
        ),
      );
    if (members.length !== 2)
      throw badRequest('NOT_MEMBERS', '関係を登録できるのは、この世帯の世帯員どうしです。');
    await tx.insert(personRelationships).values({ ...input, householdId, tenantId: context.actor.tenantId });
    await recordAudit(tx, context, {
      action: 'household.update',
      targetType: 'household',
      targetId: householdId,
      detail: { relationship: input.kind },
    });
  });
  return getHousehold(db, context, householdId);
}

/** Whose consent to share is in force today (on any of their merged records), and how wide; or withdrawn. */
async function consentStates(tx: Database, personIds: string[]) {
  type State = 'all_agencies' | 'some_agencies' | 'withdrawn';
  const states = new Map<string, State>();
  if (personIds.length === 0) return states;
  const today = formatWestern(now());
  const rows = await queryRows<{ id: string; all_agencies: boolean; some: boolean; recorded: boolean }>(
    tx,
    sql`select p.id, ${consentInForce(sql`p.id`, null, today)} as all_agencies,
          exists (select 1 from consents k where k.person_id in ${personGroup(sql`p.id`)}
                  and k.obtained_on <= ${today} and (k.withdrawn_on is null or k.withdrawn_on > ${today})) as some,
          exists (select 1 from consents k where k.person_id in ${personGroup(sql`p.id`)}) as recorded
        from persons p where p.id = any(${sql.param(personIds)}::uuid[])`,
  );
  for (const r of rows) {
    const state: State | null = r.all_agencies
      ? 'all_agencies'
      : r.some
        ? 'some_agencies'
        : r.recorded
          ? 'withdrawn'
          : null;
    if (state) states.set(r.id, state);
  }
  return states;
}

export async function getHousehold(db: Database, context: ActorContext, id: string): Promise<HouseholdView> {
  requirePermission(context.actor, 'case_content.read');
  return readTransaction(db, async (tx) => {
    const household = await requireHousehold(tx, context, id);
    const memberRows = await tx
      .select()
      .from(householdMembers)
      .where(eq(householdMembers.householdId, id))
      .orderBy(householdMembers.createdAt);
    const personIds = memberRows.map((m) => m.personId);
    const visible = personIds.length
      ? await selectVisiblePersons(tx, context, inArray(persons.id, personIds) as SQL)
      : [];
    const byId = new Map(visible.map((v) => [v.row.id, presentPerson(v.row, v.contactVisible)]));
    const consent = await consentStates(tx, [...byId.keys()]);
    const members = memberRows.flatMap((m) => {
      const person = byId.get(m.personId);
      return person
        ? [
            {
              person,
              relation: m.relation,
              livesTogether: m.livesTogether,
              consent: consent.get(m.personId) ?? ('none' as const),
            },
          ]
        : [];
    });
    const relationships = await tx
      .select()
      .from(personRelationships)
      .where(eq(personRelationships.householdId, id));
    const consultations = await consultationsFor(tx, context, personIds, id);
    const referrals = await referralsFor(tx, context, personIds, id);
    await recordAudit(tx, context, { action: 'household.read', targetType: 'household', targetId: id });
    return {
      id: household.id,
      name: household.name,
      // the household's own address and notes follow the same consent rule as a person's
      address: household.contactVisible ? household.address : null,
      notes: household.contactVisible ? household.notes : null,
      areaId: household.areaId,
      contactHidden: !household.contactVisible,
      members,
      relationships: relationships.map(({ id: relId, personAId, personBId, kind, ended }) => ({
        id: relId,
        personAId,
        personBId,
        kind,
        ended,
      })),
      consultations,
      referrals,
    };
  });
}

/**
 * The households, among those the actor may see, that these people belong to: one query for
 * a whole list of search results, audited as a read of those households.
 */
/** The households the user may see of these people, for a list that names them (audited as read via it). */
export async function householdRefsFor(
  db: Database,
  context: ActorContext,
  personIds: string[],
  via: 'person.search' | 'person.duplicate_check' = 'person.search',
) {
  if (personIds.length === 0) return [];
  return readTransaction(db, async (tx) => {
    const rows = await runWithGenericPlan(
      tx,
      tx
        .select({ personId: householdMembers.personId, id: households.id, name: households.name })
        .from(householdMembers)
        .innerJoin(households, eq(households.id, householdMembers.householdId))
        .where(
          and(
            eq(households.tenantId, context.actor.tenantId),
            sql`${householdMembers.personId} = any(${sql.param(personIds)}::uuid[])`,
            householdAccess(context.actor, sql`${households.id}`),
          ),
        ),
    );
    if (rows.length > 0) {
      await recordAudit(tx, context, {
        action: 'household.read',
        detail: { households: [...new Set(rows.map((r) => r.id))], via },
      });
    }
    return rows;
  });
}

/**
 * Who lives in the household and how they are related, without contact details, for a caller
 * that has already decided access (the meeting packet of a tabled case). Not audited here:
 * the caller audits the read it is part of.
 */
export async function householdComposition(tx: Database, householdId: string) {
  const members = await tx
    .select({
      person: persons,
      relation: householdMembers.relation,
      livesTogether: householdMembers.livesTogether,
    })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(householdMembers.createdAt);
  const relationships = await tx
    .select({
      personAId: personRelationships.personAId,
      personBId: personRelationships.personBId,
      kind: personRelationships.kind,
      ended: personRelationships.ended,
    })
    .from(personRelationships)
    .where(eq(personRelationships.householdId, householdId));
  return {
    members: members.map((m) => ({
      person: presentPerson(m.person, false),
      relation: m.relation,
      livesTogether: m.livesTogether,
    })),
    relationships,
  };
}
