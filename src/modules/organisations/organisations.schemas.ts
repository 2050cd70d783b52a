import { z } from 'zod';
import { ZVersion } from '../../db/versions';
import { optionalText, plainText, requiredText, ZId } from '../../shared/schema-helpers';
import { FIELDS, ORGANISATION_KINDS, STATUTORY_FUNCTIONS } from '../../shared/vocabulary';

const ZPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9０-９()（）\-‐－ー+ ]*$/, { error: '電話番号は数字とハイフンで入力してください。' })
  // ０６－６９４１ as typed on a Japanese keyboard is kept as 06-6941
  .transform((phone) => phone.normalize('NFKC').replace(/[‐－ー]/g, '-'));

export const ZCreateOrganisationRequest = z.strictObject({
  name: requiredText('機関名', 120),
  kind: z.enum(ORGANISATION_KINDS, { error: '機関の種別を選んでください。' }),
  functions: z.array(z.enum(STATUTORY_FUNCTIONS)).max(STATUTORY_FUNCTIONS.length).default([]),
  fields: z.array(z.enum(FIELDS)).max(FIELDS.length).default([]),
  areaId: ZId.nullable().default(null),
  phone: ZPhone.nullable().default(null),
  /** 外部の関係機関: a partner without staff accounts (保護観察所, ハローワーク…); fixed once registered. */
  external: z.boolean().default(false),
  contactPerson: optionalText('先方の担当者', 60),
  /** Also list the partner among the operators of the resource directory (社会資源の運営団体). */
  listInDirectory: z.boolean().default(false),
});
export type CreateOrganisationRequest = z.infer<typeof ZCreateOrganisationRequest>;

export const ZUpdateOrganisationRequest = z.strictObject({
  name: requiredText('機関名', 120).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  functions: z.array(z.enum(STATUTORY_FUNCTIONS)).max(STATUTORY_FUNCTIONS.length).optional(),
  fields: z.array(z.enum(FIELDS)).max(FIELDS.length).optional(),
  areaId: ZId.nullable().optional(),
  phone: ZPhone.nullable().optional(),
  contactPerson: plainText('先方の担当者', 60).nullable().optional(),
  isActive: z.boolean().optional(),
  version: ZVersion,
});
export type UpdateOrganisationRequest = z.infer<typeof ZUpdateOrganisationRequest>;

export const ZOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  functions: z.array(z.enum(STATUTORY_FUNCTIONS)),
  fields: z.array(z.enum(FIELDS)),
  areaId: z.string().nullable(),
  phone: z.string().nullable(),
  external: z.boolean(),
  contactPerson: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number(),
});
export type Organisation = z.infer<typeof ZOrganisation>;
export const ZOrganisationList = z.object({ organisations: z.array(ZOrganisation) });
