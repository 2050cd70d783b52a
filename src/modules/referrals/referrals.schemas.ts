import { z } from 'zod';
import { REFERRAL_STATUSES } from '../../shared/intake-vocabulary';
import { optionalText, requiredText, ZEntryDate, ZId } from '../../shared/schema-helpers';
import { ZPerson } from '../people/people.schemas';

export const ZReferralInput = z
  .strictObject({
    consultationId: ZId.nullable().default(null),
    personId: ZId.nullable().default(null),
    householdId: ZId.nullable().default(null),
    toOrganisationId: ZId.nullable().default(null),
    toMultiAgency: z.boolean().default(false),
    mainComplaint: requiredText('主訴', 2000),
    reason: requiredText('つなぐ理由', 2000),
    actionsTaken: optionalText('これまでの対応', 2000),
    urgent: z.boolean().default(false),
    /** false keeps it as a draft (下書き). */
    send: z.boolean().default(true),
    /** To a partner without a login: the day the sender contacted it (連絡した日). */
    occurredOn: ZEntryDate('やりとりの日').nullable().default(null),
  })
  .refine((r) => r.toMultiAgency !== (r.toOrganisationId !== null), {
    error: 'つなぎ先を、機関か多機関協働のどちらか一つ選んでください。',
    path: ['toOrganisationId'],
  });
export type ReferralInput = z.infer<typeof ZReferralInput>;

export const ZReferralTransition = z.strictObject({
  to: z.enum(REFERRAL_STATUSES),
  note: optionalText('理由・結果', 2000),
  /** For a partner without a login, logged by the sender: the day it happened (返事があった日). */
  occurredOn: ZEntryDate('やりとりの日').nullable().default(null),
});
export type ReferralTransition = z.infer<typeof ZReferralTransition>;

export const ZReferralEvent = z.object({
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  toStatus: z.enum(REFERRAL_STATUSES),
  at: z.string(),
  byOrganisationName: z.string().nullable(),
  byUserName: z.string().nullable(),
  note: z.string().nullable(),
  occurredOn: z.string().nullable(),
});

export const ZReferralSummary = z.object({
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  fromOrganisationId: z.string(),
  fromOrganisationName: z.string(),
  toOrganisationId: z.string().nullable(),
  toOrganisationName: z.string().nullable(),
  toMultiAgency: z.boolean(),
  /** To a partner without a login (外部の関係機関): the sender logs its answer (a logged referral). */
  toExternal: z.boolean(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  householdId: z.string().nullable(),
  consultationId: z.string().nullable(),
  mainComplaint: z.string(),
  urgent: z.boolean(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});
export type ReferralSummary = z.infer<typeof ZReferralSummary>;

export const ZReferral = ZReferralSummary.extend({
  reason: z.string(),
  actionsTaken: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  person: ZPerson.nullable(),
  /** Whom to call at a partner without a login (the sender phones and logs the answer). */
  partnerContact: z.object({ contactPerson: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** Whether a consent in force lets the person's information go to the recipient. */
  consentToShare: z.boolean(),
  events: z.array(ZReferralEvent),
});
export type Referral = z.infer<typeof ZReferral>;

export const ZReferralList = z.object({ referrals: z.array(ZReferralSummary) });
export const ZReferralBox = z.object({ box: z.enum(['inbox', 'sent']).default('inbox') });
