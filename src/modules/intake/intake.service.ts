import { and, desc, eq, gte, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { badRequest, forbidden, notFound } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { personName } from '../../shared/names';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { consultationAccess } from '../access/case-scope';
import { requireHouseholdHolder } from '../access/household-holder';
import { requireVisibleIfGiven } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { insertConsent } from '../consent/consent.service';
import { householdMembers, households } from '../households/households.tables';
import { organisations } from '../organisations/organisations.tables';
import { convertRecord } from '../outreach/relationship.service';
import { createPersonIn, requireRecordHolder } from '../people/people.service';
import { persons } from '../people/people.tables';
import { insertReferral } from '../referrals/referrals.service';
import { referrals } from '../referrals/referrals.tables';
import type { Consultation, ConsultationInput } from './intake.schemas';
import { consultations } from './intake.tables';
import { issueVocabulary } from './issues.service';

async function selectConsultations(db: Database, context: ActorContext, where: SQL | undefined, limit = 100) {
  const rows = await db
    .select({
      row: consultations,
      organisationName: organisations.name,
      familyName: persons.familyName,
      givenName: persons.givenName,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .leftJoin(persons, eq(persons.id, consultations.personId))
    .where(and(eq(consultations.tenantId, context.actor.tenantId), consultationAccess(context.actor), where))
    .orderBy(desc(consultations.receivedAt))
    .limit(limit);
  const ids = rows.map((r) => r.row.id);
  const refs = ids.length
    ? await db
        .select({ id: referrals.id, consultationId: referrals.consultationId })
        .from(referrals)
        .where(inArray(referrals.consultationId, ids))
    : [];
  return rows.map(
    (r): Consultation => ({
      id: r.row.id,
      organisationId: r.row.organisationId,
      organisationName: r.organisationName,
      receivedAt: r.row.receivedAt.toISOString(),
      channel: r.row.channel,
      placeResourceId: r.row.placeResourceId,
      broughtBy: r.row.broughtBy,
      personId: r.row.personId,
      personName: r.familyName ? personName({ familyName: r.familyName, givenName: r.givenName }) : null,
      householdId: r.row.householdId,
      mainComplaint: r.row.mainComplaint,
      issues: r.row.issues,
      primaryIssue: r.row.primaryIssue,
      urgent: r.row.urgent,
      urgencyNote: r.row.urgencyNote,
      outcome: r.row.outcome,
      shareConsent: r.row.shareConsent,
      referralIds: refs.filter((x) => x.consultationId === r.row.id).map((x) => x.id),
    }),
  );
}

export async function createConsultation(db: Database, context: ActorContext, input: ConsultationInput) {
  requirePermission(context.actor, 'case_content.write');
  const organisationId = requireOrganisation(context.actor);
  const known = new Set((await issueVocabulary(db, context.actor)).map((i) => i.code));
  const unknown = input.issues.filter((i) => !known.has(i));
  if (unknown.length) throw badRequest('UNKNOWN_ISSUE', `登録されていない課題です：${unknown.join('、')}`);

  const id = await db.transaction(async (tx) => {
    let personId = await requireVisibleIfGiven(tx, context.actor, 'person', input.personId);
    if (personId) await requireRecordHolder(tx, context, personId);
    if (input.newPerson) personId = (await createPersonIn(tx, context, input.newPerson)).id;

    let householdId = await requireVisibleIfGiven(tx, context.actor, 'household', input.householdId);
    await requireVisibleIfGiven(tx, context.actor, 'resource', input.placeResourceId);
    // a consultation about the household alone opens it for good: only for its record holders
    if (householdId && !personId)
      await requireHouseholdHolder(tx, context.actor, householdId, '世帯についての相談の受付');
    if (personId && householdId) {
      const [member] = await tx
        .select({ id: householdMembers.id })
        .from(householdMembers)
        .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.personId, personId)));
      if (!member)
        throw badRequest(
          'NOT_A_MEMBER',
          '選んだ方は、この世帯の世帯員ではありません。世帯を選び直してください。',
        );
    }
    if (!householdId && input.newHouseholdName && personId) {
      const [household] = await tx
        .insert(households)
        .values({
          tenantId: context.actor.tenantId,
          name: input.newHouseholdName,
          createdByOrganisationId: organisationId,
        })
        .returning({ id: households.id });
      householdId = household?.id ?? null;
      if (householdId) {
        await tx
          .insert(householdMembers)
          .values({ tenantId: context.actor.tenantId, householdId, personId, relation: '本人' });
        await recordAudit(tx, context, {
          action: 'household.create',
          targetType: 'household',
          targetId: householdId,
        });
      }
    }

    const [row] = await tx
      .insert(consultations)
      .values({
        tenantId: context.actor.tenantId,
        organisationId,
        takenByUserId: context.actor.userId,
        receivedAt: new Date(input.receivedAt),
        channel: input.channel,
        placeResourceId: input.placeResourceId,
        broughtBy: input.broughtBy,
        personId,
        householdId,
        mainComplaint: input.mainComplaint,
        issues: input.issues,
        primaryIssue: input.primaryIssue,
        urgent: input.urgent,
        urgencyNote: input.urgencyNote,
        outcome: input.outcome,
        shareConsent: input.shareConsent,
      })
      .returning({ id: consultations.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, {
      action: 'consultation.create',
      targetType: 'consultation',
      targetId: row.id,
    });

    if (input.shareConsent === 'given' && personId && input.consentMethod) {
      await insertConsent(tx, context, {
        personId,
        purpose: '相談・支援のための関係機関との情報共有',
        scope: 'all_agencies',
        organisationIds: [],
        obtainedOn: formatWestern(new Date(input.receivedAt)),
        method: input.consentMethod,
      });
    }
    if (input.outreachRecordId) {
      await convertRecord(tx, context, input.outreachRecordId, {
        consultationId: row.id,
        personId,
        householdId,
        shareConsent: input.shareConsent,
        on: formatWestern(new Date(input.receivedAt)),
      });
    }
    if (input.referral && input.outcome !== 'handled_here' && input.outcome !== 'info_only') {
      const toMultiAgency = input.outcome !== 'refer_agency';
      await insertReferral(
        tx,
        context,
        {
          consultationId: row.id,
          personId,
          householdId,
          toOrganisationId: toMultiAgency ? null : input.referral.toOrganisationId,
          toMultiAgency,
          mainComplaint: input.mainComplaint,
          reason: input.referral.reason,
          actionsTaken: input.referral.actionsTaken,
          urgent: input.urgent,
          send: input.referral.send,
          occurredOn: null,
        },
        formatWestern(new Date(input.receivedAt)),
      );
    }
    return row.id;
  });
  return getConsultation(db, context, id);
}

export async function getConsultation(
  db: Database,
  context: ActorContext,
  id: string,
): Promise<Consultation> {
  requirePermission(context.actor, 'case_content.read');
  return db.transaction(async (tx) => {
    const [found] = await selectConsultations(tx, context, eq(consultations.id, id), 1);
    if (!found) throw notFound('相談');
    await recordAudit(tx, context, { action: 'consultation.read', targetType: 'consultation', targetId: id });
    return found;
  });
}

/** The organisation's consultations, newest first: the screen's 100, or as many as an export takes. */
export async function listConsultations(db: Database, context: ActorContext, limit?: number) {
  requirePermission(context.actor, 'case_content.read');
  return db.transaction(async (tx) => {
    const found = await selectConsultations(
      tx,
      context,
      eq(consultations.organisationId, context.actor.organisationId ?? ''),
      limit,
    );
    await recordAudit(tx, context, {
      action: 'consultation.list',
      detail: { results: found.length, ids: found.map((c) => c.id) },
    });
    return found;
  });
}

/** Consultations about these people or this household that the actor may read (household page). */
export function consultationsFor(
  db: Database,
  context: ActorContext,
  personIds: string[],
  householdId: string | null,
) {
  const about = [
    personIds.length ? inArray(consultations.personId, personIds) : undefined,
    householdId ? eq(consultations.householdId, householdId) : undefined,
  ].filter(Boolean) as SQL[];
  if (!about.length) return Promise.resolve([]);
  return selectConsultations(db, context, or(...about));
}

/**
 * Urgent consultations of the last 14 days at any organisation, for coordinators: only that
 * one exists and where, so they can call that organisation; no personal data.
 */
export async function urgentAlerts(db: Database, context: ActorContext) {
  if (context.actor.role !== 'coordinator') throw forbidden();
  const since = new Date(now().getTime() - 14 * 86_400_000);
  const rows = await db
    .select({
      consultationId: consultations.id,
      organisationName: organisations.name,
      receivedAt: consultations.receivedAt,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(
      and(
        eq(consultations.tenantId, context.actor.tenantId),
        eq(consultations.urgent, true),
        gte(consultations.receivedAt, since),
      ),
    )
    .orderBy(desc(consultations.receivedAt))
    .limit(50);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
