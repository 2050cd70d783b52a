import { z } from 'zod';
import { RELATIONSHIP_KINDS } from '../../shared/intake-vocabulary';
import { optionalText, requiredText, ZId } from '../../shared/schema-helpers';
import { ZConsultation } from '../intake/intake.schemas';
import { ZPerson, ZPersonInput } from '../people/people.schemas';
import { ZReferralSummary } from '../referrals/referrals.schemas';

export const ZMemberInput = z
  .strictObject({
    personId: ZId.nullable().default(null),
    /** Register a family member who has no record yet, in the same step. */
    newPerson: ZPersonInput.nullable().default(null),
    relation: requiredText('続柄', 30),
    livesTogether: z.boolean().default(true),
  })
  .refine((m) => (m.personId === null) !== (m.newPerson === null), {
    error: '世帯員は「登録済みの方を選ぶ」か「新しく登録する」のどちらかにしてください。',
    path: ['personId'],
  });
export type MemberInput = z.infer<typeof ZMemberInput>;

export const ZHouseholdInput = z.strictObject({
  name: requiredText('世帯の呼び名', 80),
  address: optionalText('住所', 200),
  areaId: ZId.nullable().default(null),
  notes: optionalText('備考', 2000),
  members: z.array(ZMemberInput).max(30).default([]),
});
export type HouseholdInput = z.infer<typeof ZHouseholdInput>;

export const ZRelationshipInput = z.strictObject({
  personAId: ZId,
  personBId: ZId,
  kind: z.enum(RELATIONSHIP_KINDS),
  ended: z.boolean().default(false),
});
export type RelationshipInput = z.infer<typeof ZRelationshipInput>;

export const ZHouseholdMember = z.object({
  person: ZPerson,
  relation: z.string(),
  livesTogether: z.boolean(),
  /** The person's consent to share in force today: to every agency, to some; withdrawn; or none recorded. */
  consent: z.enum(['all_agencies', 'some_agencies', 'withdrawn', 'none']),
});

export const ZHouseholdView = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  /** The 地区 the household lives in (counts of the 地域づくり overview). */
  areaId: z.string().nullable(),
  /** The address and notes are withheld: no own work with the household and no consent that covers the viewer. */
  contactHidden: z.boolean(),
  members: z.array(ZHouseholdMember),
  relationships: z.array(
    z.object({
      id: z.string(),
      personAId: z.string(),
      personBId: z.string(),
      kind: z.enum(RELATIONSHIP_KINDS),
      ended: z.boolean(),
    }),
  ),
  consultations: z.array(ZConsultation),
  referrals: z.array(ZReferralSummary),
});
export type HouseholdView = z.infer<typeof ZHouseholdView>;

export const ZHouseholdAreaInput = z.strictObject({ areaId: ZId.nullable() });
