import { insertMany } from '../../db/bulk-insert';
import type { Database } from '../../db/client';
import type { Actor } from '../access/access.policy';
import type { ConsultationInput } from './intake.schemas';
import { consultations } from './intake.tables';

// Many consultations at once (the import of a ledger), taken by the importing user's
// organisation. Referrals are never imported: each is made on the screen with its recipient.

export type NewConsultation = {
  id: string;
  personId: string;
  householdId: string | null;
  input: Pick<
    ConsultationInput,
    | 'receivedAt'
    | 'channel'
    | 'broughtBy'
    | 'mainComplaint'
    | 'issues'
    | 'primaryIssue'
    | 'urgent'
    | 'outcome'
    | 'shareConsent'
  >;
};

export async function insertConsultations(
  tx: Database,
  actor: Actor,
  organisationId: string,
  rows: NewConsultation[],
) {
  await insertMany(
    tx,
    consultations,
    rows.map(({ id, personId, householdId, input }) => ({
      id,
      tenantId: actor.tenantId,
      organisationId,
      takenByUserId: actor.userId,
      receivedAt: new Date(input.receivedAt),
      channel: input.channel,
      placeResourceId: null,
      broughtBy: input.broughtBy,
      personId,
      householdId,
      mainComplaint: input.mainComplaint,
      issues: input.issues,
      primaryIssue: input.primaryIssue,
      urgent: input.urgent,
      urgencyNote: null,
      outcome: input.outcome,
      shareConsent: input.shareConsent,
    })),
  );
}
