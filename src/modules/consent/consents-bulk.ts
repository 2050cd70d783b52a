import { insertMany } from '../../db/bulk-insert';
import type { Database } from '../../db/client';
import type { ConsentMethod } from '../../shared/intake-vocabulary';
import type { Actor } from '../access/access.policy';
import { consents } from './consent.tables';

// Consents to share recorded with imported consultations, as the intake form records them
// (to all agencies, on the day of the consultation). The caller audits them.

export const SHARING_PURPOSE = '相談・支援のための関係機関との情報共有';

export type NewConsent = { id: string; personId: string; obtainedOn: string; method: ConsentMethod };

export async function insertConsents(tx: Database, actor: Actor, organisationId: string, rows: NewConsent[]) {
  await insertMany(
    tx,
    consents,
    rows.map((k) => ({
      id: k.id,
      tenantId: actor.tenantId,
      personId: k.personId,
      purpose: SHARING_PURPOSE,
      scope: 'all_agencies' as const,
      organisationIds: [],
      obtainedOn: k.obtainedOn,
      method: k.method,
      recordedByUserId: actor.userId,
      recordedByOrganisationId: organisationId,
    })),
  );
}
