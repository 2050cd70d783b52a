import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { AGE_BANDS } from '../../shared/intake-vocabulary';
import {
  optionalText,
  plainText,
  requiredText,
  ZBirthDate,
  ZDoneDate,
  ZId,
  ZIsoDate,
} from '../../shared/schema-helpers';

const ZPhoneNumber = plainText('電話番号', 30).refine((v) => /^[0-9０-９()（）\-‐－ー+ ]{6,}$/.test(v), {
  error: '電話番号は数字とハイフンで入力してください。',
});

export const ZPersonInput = z.strictObject({
  familyName: requiredText('氏', 60),
  givenName: optionalText('名', 60),
  familyNameKana: optionalText('氏（フリガナ）', 80),
  givenNameKana: optionalText('名（フリガナ）', 80),
  birthDate: ZBirthDate.nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  ageBand: z.enum(AGE_BANDS).nullable().default(null),
  gender: optionalText('性別', 30),
  address: optionalText('住所', 200),
  phones: z.array(ZPhoneNumber).max(5).default([]),
  preferredLanguage: optionalText('使用言語', 40),
  notes: optionalText('備考', 2000),
  isDeceased: z.boolean().default(false),
  deceasedOn: ZDoneDate('亡くなった日').nullable().default(null),
});
export type PersonInput = z.infer<typeof ZPersonInput>;

export const ZPersonUpdate = ZPersonInput.partial().extend({ version: ZVersion });
export type PersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZDuplicateQuery = z.strictObject({
  familyName: plainText('氏', 60).default(''),
  givenName: plainText('名', 60).default(''),
  familyNameKana: plainText('氏（フリガナ）', 80).default(''),
  givenNameKana: plainText('名（フリガナ）', 80).default(''),
  birthDate: ZIsoDate.nullable().default(null),
  phones: z.array(plainText('電話番号', 30)).max(5).default([]),
});
export type DuplicateQuery = z.infer<typeof ZDuplicateQuery>;

export const ZPersonSearch = z.strictObject({
  q: plainText('氏名', 60).optional(),
  birthDate: ZIsoDate.optional(),
  phone: plainText('電話番号', 30).optional(),
  address: plainText('住所', 100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type PersonSearch = z.infer<typeof ZPersonSearch>;

export const ZPerson = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string().nullable(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  ageBand: z.string().nullable(),
  gender: z.string().nullable(),
  /** null when hidden: the person has not consented to share contact details with this organisation. */
  address: z.string().nullable(),
  phones: z.array(z.string()).nullable(),
  contactHidden: z.boolean(),
  preferredLanguage: z.string().nullable(),
  notes: z.string().nullable(),
  isDeceased: z.boolean(),
  deceasedOn: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  /** The organisation that registered the record (to tell two records apart before a merge). */
  registeredByOrganisationId: z.string().nullable(),
  registeredOn: z.string(),
  /** Sent back with a change (optimistic concurrency). */
  version: z.number(),
});
export type Person = z.infer<typeof ZPerson>;

export const ZDuplicateCandidate = z.object({
  person: ZPerson,
  reasons: z.array(z.enum(['kana_and_birth_date', 'name_and_birth_date', 'phone'])),
  /** The households the user may see that the person belongs to (to take the consultation into). */
  households: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const ZDuplicateResponse = z.object({
  candidates: z.array(ZDuplicateCandidate),
  /** Likely matches registered by organisations this user may not see (details withheld). */
  elsewhere: z.number(),
});
export const ZPersonSearchResult = ZPerson.extend({
  households: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Merges into this record still in force (ids only): each can be undone from the list. */
  mergeIds: z.array(z.string()),
});
export type PersonSearchResult = z.infer<typeof ZPersonSearchResult>;
export const ZPersonList = z.object({ people: z.array(ZPersonSearchResult) });
export const ZMergeRequest = z.strictObject({ mergedPersonId: ZId });
export const ZMerge = z.object({
  id: z.string(),
  keptPersonId: z.string(),
  mergedPersonId: z.string(),
  undone: z.boolean(),
});
