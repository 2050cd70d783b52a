import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { badRequest, conflict, notFound } from '../../server/errors';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { noFutureDate } from '../cases/case-common';
import { dropItemsWithoutConsent } from '../meetings/agenda.service';
import { organisations } from '../organisations/organisations.tables';
import { requireVisiblePerson } from '../people/people.service';
import { personGroupIds } from '../people/people-merge.service';
import type { Consent, ConsentInput } from './consent.schemas';
import { consents } from './consent.tables';

const present = (row: typeof consents.$inferSelect): Consent => ({
  id: row.id,
  personId: row.personId,
  purpose: row.purpose,
  scope: row.scope,
  organisationIds: row.organisationIds,
  obtainedOn: row.obtainedOn,
  method: row.method,
  recordedByOrganisationId: row.recordedByOrganisationId,
  withdrawnOn: row.withdrawnOn,
});

/** Inside a transaction of the caller: records a consent and audits it. */
export async function insertConsent(
  tx: Database,
  context: ActorContext,
  input: ConsentInput,
): Promise<Consent> {
  const organisationId = requireOrganisation(context.actor);
  if (input.scope === 'organisations') {
    if (input.organisationIds.length === 0) {
      throw badRequest('CONSENT_NO_ORGANISATIONS', '共有先の機関を1つ以上選んでください。');
    }
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.tenantId, context.actor.tenantId),
          inArray(organisations.id, input.organisationIds),
        ),
      );
    if (found.length !== new Set(input.organisationIds).size) throw notFound('共有先の機関');
  }
  const [row] = await tx
    .insert(consents)
    .values({
      ...input,
      organisationIds: input.scope === 'organisations' ? input.organisationIds : [],
      tenantId: context.actor.tenantId,
      recordedByUserId: context.actor.userId,
      recordedByOrganisationId: organisationId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, context, {
    action: 'consent.create',
    targetType: 'person',
    targetId: input.personId,
    detail: { consentId: row.id, scope: input.scope },
  });
  return present(row);
}

export async function recordConsent(
  db: Database,
  context: ActorContext,
  input: ConsentInput,
): Promise<Consent> {
  requirePermission(context.actor, 'case_content.write');
  noFutureDate(input.obtainedOn, '同意を得た日');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'consentOf', input.personId);
    await refuseSameConsentInForce(tx, input);
    return insertConsent(tx, context, input);
  });
}

/** A second click must not record the same consent twice: one in force to the same agencies is enough. */
async function refuseSameConsentInForce(tx: Database, input: ConsentInput) {
  const group = await personGroupIds(tx, input.personId);
  const inForce = await tx
    .select({ scope: consents.scope, organisationIds: consents.organisationIds })
    .from(consents)
    .where(and(inArray(consents.personId, group), isNull(consents.withdrawnOn)));
  const wanted = input.scope === 'organisations' ? [...new Set(input.organisationIds)].sort().join() : '';
  const same = inForce.some(
    (c) =>
      c.scope === input.scope &&
      (c.scope === 'all_agencies' || [...new Set(c.organisationIds)].sort().join() === wanted),
  );
  if (same)
    throw conflict(
      'CONSENT_ALREADY_IN_FORCE',
      '同じ共有先への同意がすでに記録されています。内容を変えるときは、今の同意の撤回を記録してから記録してください。',
    );
}

export async function withdrawConsent(db: Database, context: ActorContext, id: string, withdrawnOn: string) {
  requirePermission(context.actor, 'case_content.write');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, id), eq(consents.tenantId, context.actor.tenantId)));
    if (!row) throw notFound('同意の記録');
    await requireVisible(tx, context.actor, 'consentOf', row.personId);
    noFutureDate(withdrawnOn, '撤回日');
    if (row.withdrawnOn) throw conflict('ALREADY_WITHDRAWN', 'この同意はすでに撤回されています。');
    if (withdrawnOn < row.obtainedOn)
      throw badRequest('WITHDRAWN_BEFORE_OBTAINED', '撤回日は同意日より後にしてください。');
    const [updated] = await tx.update(consents).set({ withdrawnOn }).where(eq(consents.id, id)).returning();
    if (!updated) throw new Error('update returned nothing');
    await recordAudit(tx, context, {
      action: 'consent.withdraw',
      targetType: 'person',
      targetId: row.personId,
      detail: { consentId: id },
    });
    const removedFromAgendas = await dropItemsWithoutConsent(tx, context, row.personId, withdrawnOn);
    return { ...present(updated), removedFromAgendas };
  });
}

/** Consents of a person (and of records merged into them), for one who may see the person. */
export async function listConsents(
  db: Database,
  context: ActorContext,
  personId: string,
): Promise<Consent[]> {
  requirePermission(context.actor, 'case_content.read');
  return db.transaction(async (tx) => {
    await requireVisiblePerson(tx, context, personId);
    const ids = await personGroupIds(tx, personId);
    const rows = await tx
      .select()
      .from(consents)
      .where(inArray(consents.personId, ids))
      .orderBy(asc(consents.obtainedOn));
    await recordAudit(tx, context, { action: 'consent.read', targetType: 'person', targetId: personId });
    return rows.map(present);
  });
}
