import { z } from 'zod';
import { CONSENT_METHODS, CONSENT_SCOPES } from '../../shared/intake-vocabulary';
import { requiredText, ZEntryDate, ZId } from '../../shared/schema-helpers';

export const ZConsentInput = z.strictObject({
  personId: ZId,
  purpose: requiredText('同意の目的', 200),
  scope: z.enum(CONSENT_SCOPES),
  organisationIds: z.array(ZId).max(50).default([]),
  obtainedOn: ZEntryDate('同意を得た日'),
  method: z.enum(CONSENT_METHODS, { error: '同意の方法（書面・口頭）を選んでください。' }),
});
export type ConsentInput = z.infer<typeof ZConsentInput>;

export const ZWithdrawConsent = z.strictObject({ withdrawnOn: ZEntryDate('撤回の日') });

export const ZConsent = z.object({
  id: z.string(),
  personId: z.string(),
  purpose: z.string(),
  scope: z.enum(CONSENT_SCOPES),
  organisationIds: z.array(z.string()),
  obtainedOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  recordedByOrganisationId: z.string(),
  withdrawnOn: z.string().nullable(),
});
export type Consent = z.infer<typeof ZConsent>;
/** A withdrawal also says how many items it took off consent-bound meeting agendas. */
export const ZWithdrawnConsent = ZConsent.extend({ removedFromAgendas: z.number() });
export const ZConsentList = z.object({ consents: z.array(ZConsent) });
