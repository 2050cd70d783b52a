import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import { type Database, readTransaction } from '../../db/client';
import { now } from '../../server/clock';
import { RecordNotVisible } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { can } from '../access/access.policy';
import { referralAccess } from '../access/case-scope';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { type CaseRow, loadCase } from '../cases/case-common';
import { caseActionCompletions, caseDecisions, casePlans, caseTeamMembers } from '../cases/cases.tables';
import { consents } from '../consent/consent.tables';
import { householdMembers, households } from '../households/households.tables';
import { organisations } from '../organisations/organisations.tables';
import { selectVisiblePersons } from '../people/people.service';
import { persons } from '../people/people.tables';
import { referrals } from '../referrals/referrals.tables';
import { users } from '../users/users.tables';
import { caseBundle, referencedParties } from './fhir-bundle';
import type { FhirCaseData } from './fhir-case-data';
import type { Bundle } from './fhir-types';

// The FHIR export of a case: exactly those who may open the case page may export it, with
// what the page and the household page show them; everyone else gets the 404 of an unknown
// case. The export is audited in its transaction with every person, referral and consent it names.

async function loadMembers(tx: Database, context: ActorContext, row: CaseRow) {
  const rows = await tx
    .select({ memberId: householdMembers.id, relation: householdMembers.relation, personId: persons.id })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, row.householdId))
    .orderBy(asc(householdMembers.createdAt));
  const ids = rows.map((r) => r.personId);
  const visible = ids.length ? await selectVisiblePersons(tx, context, inArray(persons.id, ids)) : [];
  const byId = new Map(visible.map((v) => [v.row.id, v.row]));
  return rows.flatMap((r) => {
    const person = byId.get(r.personId);
    if (!person) return [];
    // only what a FHIR Patient carries: never contact details or notes
    const { id, familyName, givenName, familyNameKana, givenNameKana, birthDate, birthYear } = person;
    const { gender, isDeceased, deceasedOn } = person;
    return [
      {
        memberId: r.memberId,
        relation: r.relation,
        person: {
          id,
          familyName,
          givenName,
          familyNameKana,
          givenNameKana,
          birthDate,
          birthYear,
          gender,
          isDeceased,
          deceasedOn,
        },
      },
    ];
  });
}

/** Consents of the members, including those given on a record later merged into theirs. */
async function loadConsents(tx: Database, tenantId: string, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  const rows = await tx
    .select({ consent: consents, mergedIntoId: persons.mergedIntoId })
    .from(consents)
    .innerJoin(persons, eq(persons.id, consents.personId))
    .where(
      and(
        eq(consents.tenantId, tenantId),
        or(inArray(consents.personId, memberIds), inArray(persons.mergedIntoId, memberIds)),
      ),
    )
    .orderBy(asc(consents.obtainedOn), asc(consents.createdAt));
  return rows.map(({ consent: k, mergedIntoId }) => ({
    ...k,
    personId: memberIds.includes(k.personId) ? k.personId : (mergedIntoId ?? k.personId),
  }));
}

/** Referrals about the household or its members that the actor's organisation is part of (as the household page). */
async function loadReferrals(tx: Database, context: ActorContext, householdId: string, memberIds: string[]) {
  const about = [eq(referrals.householdId, householdId)];
  if (memberIds.length > 0) about.push(inArray(referrals.personId, memberIds));
  const rows = await tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.tenantId, context.actor.tenantId),
        referralAccess(context.actor),
        // a draft was never sent: it is not a referral yet for another system
        ne(referrals.status, 'draft'),
        or(...about),
      ),
    )
    .orderBy(asc(referrals.createdAt));
  return rows.flatMap((r) => (r.status === 'draft' ? [] : [{ ...r, status: r.status }]));
}

async function loadPlan(tx: Database, row: CaseRow): Promise<FhirCaseData['plan']> {
  if (!row.planInForceId) return null;
  const [found] = await tx
    .select({ plan: casePlans, approvedOn: caseDecisions.decidedOn })
    .from(casePlans)
    .leftJoin(caseDecisions, eq(caseDecisions.id, casePlans.approvedDecisionId))
    .where(eq(casePlans.id, row.planInForceId));
  if (!found) return null;
  const completions = await tx
    .select({ key: caseActionCompletions.actionKey })
    .from(caseActionCompletions)
    .where(eq(caseActionCompletions.caseId, row.id));
  const { plan } = found;
  return {
    id: plan.id,
    version: plan.version,
    content: plan.content,
    approvedOn: found.approvedOn,
    reviewOn: plan.reviewOn,
    createdAt: plan.createdAt,
    createdByOrganisationId: plan.createdByOrganisationId,
    completedActionKeys: completions.map((c) => c.key),
  };
}

async function loadParties(tx: Database, tenantId: string, organisationIds: string[], userIds: string[]) {
  const [orgRows, staffRows] = await Promise.all([
    organisationIds.length
      ? tx
          .select({
            id: organisations.id,
            name: organisations.name,
            kind: organisations.kind,
            phone: organisations.phone,
            isActive: organisations.isActive,
          })
          .from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, organisationIds)))
          .orderBy(asc(organisations.name))
      : [],
    userIds.length
      ? tx
          .select({ id: users.id, displayName: users.displayName, displayNameKana: users.displayNameKana })
          .from(users)
          .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds)))
          .orderBy(asc(users.displayNameKana))
      : [],
  ]);
  return { organisations: orgRows, staff: staffRows };
}

/** Whom the case is about first: its first concerned person the actor sees, else the household's 本人. */
function mainPersonOf(row: CaseRow, members: { relation: string; person: { id: string } }[]): string {
  const concerned = row.concernedPersonIds.find((id) => members.some((m) => m.person.id === id));
  return concerned ?? (members.find((m) => m.relation.trim() === '本人') ?? members[0])?.person.id ?? '';
}

export async function exportCaseFhir(db: Database, context: ActorContext, id: string): Promise<Bundle> {
  // program managers and administrators read no case content: the answer of an unknown case
  if (!can(context.actor, 'case_content.read')) throw new RecordNotVisible('case', id, '事例');
  return readTransaction(db, async (tx) => {
    const row = await loadCase(tx, context, id, 'read');
    const tenantId = context.actor.tenantId;
    const [household] = await tx
      .select({ id: households.id, name: households.name })
      .from(households)
      .where(eq(households.id, row.householdId));
    if (!household) throw new Error('case household vanished');
    const members = await loadMembers(tx, context, row);
    const memberIds = members.map((m) => m.person.id);
    const [consentRows, referralRows, plan, team] = await Promise.all([
      loadConsents(tx, tenantId, memberIds),
      loadReferrals(tx, context, row.householdId, memberIds),
      loadPlan(tx, row),
      tx
        .select()
        .from(caseTeamMembers)
        .where(eq(caseTeamMembers.caseId, row.id))
        .orderBy(asc(caseTeamMembers.joinedOn)),
    ]);
    const core = {
      today: formatWestern(now()),
      generatedAt: now(),
      case: row,
      household,
      members,
      mainPersonId: mainPersonOf(row, members),
      consents: consentRows,
      referrals: referralRows,
      plan,
      team,
    };
    const parties = referencedParties(core);
    const data: FhirCaseData = {
      ...core,
      ...(await loadParties(tx, tenantId, parties.organisationIds, parties.userIds)),
    };
    await recordAudit(tx, context, {
      action: 'case.export_fhir',
      targetType: 'case',
      targetId: id,
      detail: {
        persons: memberIds,
        referrals: referralRows.map((r) => r.id),
        consents: consentRows.map((c) => c.id),
      },
    });
    return caseBundle(data);
  });
}
