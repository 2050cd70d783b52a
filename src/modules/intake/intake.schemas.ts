import { z } from 'zod';
import { formatWestern } from '../../shared/dates';
import {
  BROUGHT_BY,
  CHANNELS,
  CONSENT_METHODS,
  OUTCOMES,
  SHARE_CONSENT,
} from '../../shared/intake-vocabulary';
import { optionalText, requiredText, ZEntryDate, ZId } from '../../shared/schema-helpers';
import { ZPersonInput } from '../people/people.schemas';

const ZReferralPart = z.strictObject({
  toOrganisationId: ZId.nullable().default(null),
  reason: requiredText('つなぐ理由', 2000),
  actionsTaken: optionalText('これまでの対応', 2000),
  send: z.boolean().default(true),
});

export const ZConsultationInput = z
  .strictObject({
    receivedAt: z.iso
      // abort: a moment that cannot be read has no day to check (and formatting it would throw)
      .datetime({ offset: true, error: '受付日時の形式が正しくありません。', abort: true })
      // the day it was received, under the rules of every done-date (not ahead, not too far back)
      .superRefine((value, ctx) => {
        const day = ZEntryDate('受付日').safeParse(formatWestern(value));
        for (const issue of day.success ? [] : day.error.issues)
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            params: issue.code === 'custom' ? issue.params : undefined,
          });
      }),
    channel: z.enum(CHANNELS, { error: '相談の経路を選んでください。' }),
    /** Taken at a place of the resource directory (a 相談会 at a salon). */
    placeResourceId: ZId.nullable().default(null),
    broughtBy: z.enum(BROUGHT_BY, { error: '相談者を選んでください。' }),
    personId: ZId.nullable().default(null),
    /** Register the person in the same step (the busy-desk path). */
    newPerson: ZPersonInput.nullable().default(null),
    householdId: ZId.nullable().default(null),
    /** Start a household for the person, named e.g. 「山田さん世帯」. */
    newHouseholdName: optionalText('世帯の呼び名', 80),
    mainComplaint: requiredText('主訴', 4000),
    issues: z.array(z.string().max(60)).max(30).default([]),
    primaryIssue: z.string().max(60).nullable().default(null),
    urgent: z.boolean().default(false),
    urgencyNote: optionalText('緊急の理由', 1000),
    outcome: z.enum(OUTCOMES, { error: '対応の結果を選んでください。' }),
    shareConsent: z.enum(SHARE_CONSENT, { error: '情報共有の同意を選んでください。' }),
    consentMethod: z.enum(CONSENT_METHODS).nullable().default(null),
    referral: ZReferralPart.nullable().default(null),
    /** The outreach record of the person who has now consented: its history goes with them. */
    outreachRecordId: ZId.nullable().default(null),
  })
  .refine((c) => !(c.personId && c.newPerson), {
    error: '本人は「選ぶ」か「新規登録」のどちらかにしてください。',
    path: ['personId'],
  })
  .refine((c) => !c.primaryIssue || c.issues.includes(c.primaryIssue), {
    error: '◎（最も優先する課題）は、チェックした課題から選んでください。',
    path: ['primaryIssue'],
  })
  .refine((c) => c.shareConsent !== 'given' || c.broughtBy !== 'anonymous', {
    error: '匿名の相談では、本人の情報共有への同意は記録できません。',
    path: ['shareConsent'],
  })
  .refine((c) => c.shareConsent !== 'given' || c.consentMethod !== null, {
    error: '同意を得た方法（書面・口頭）を選んでください。',
    path: ['consentMethod'],
  })
  .refine((c) => c.outcome !== 'refer_agency' || c.referral?.toOrganisationId, {
    error: '「他機関へつなぐ」ときは、つなぎ先の機関とつなぐ理由を入力してください。',
    path: ['referral'],
  })
  .refine((c) => !['refer_multi_agency', 'unsure_where'].includes(c.outcome) || c.referral, {
    error: '多機関協働へつなぐときは、つなぐ理由を入力してください。',
    path: ['referral'],
  });
export type ConsultationInput = z.infer<typeof ZConsultationInput>;

export const ZConsultation = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  receivedAt: z.string(),
  channel: z.enum(CHANNELS),
  placeResourceId: z.string().nullable(),
  broughtBy: z.enum(BROUGHT_BY),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  householdId: z.string().nullable(),
  mainComplaint: z.string(),
  issues: z.array(z.string()),
  primaryIssue: z.string().nullable(),
  urgent: z.boolean(),
  urgencyNote: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  shareConsent: z.enum(SHARE_CONSENT),
  referralIds: z.array(z.string()),
});
export type Consultation = z.infer<typeof ZConsultation>;
export const ZConsultationList = z.object({ consultations: z.array(ZConsultation) });

/** What coordinators see of an urgent consultation at another organisation: that it exists. */
export const ZUrgentAlert = z.object({
  consultationId: z.string(),
  organisationName: z.string(),
  receivedAt: z.string(),
});
export const ZUrgentAlerts = z.object({ alerts: z.array(ZUrgentAlert) });
