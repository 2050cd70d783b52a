import { z } from 'zod';
import { plainText, requiredText, ZId } from '../../shared/schema-helpers';
import { ROLES } from '../../shared/vocabulary';

export const ZPassword = z
  .string({ error: 'パスワードを入力してください。' })
  .min(10, { error: 'パスワードは10文字以上にしてください。' })
  .max(200, { error: 'パスワードは200文字以内にしてください。' });

export const ZLoginId = z
  .string({ error: 'ログインIDを入力してください。' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    error: 'ログインIDは半角英数字と . _ - で3〜64文字にしてください（先頭は英数字）。',
  });

export const ZMembershipInput = z.strictObject({
  organisationId: ZId,
  role: z.enum(ROLES, { error: '役割を選んでください。' }),
});
export type MembershipInput = z.infer<typeof ZMembershipInput>;

export const ZCreateUserRequest = z.strictObject({
  loginId: ZLoginId,
  displayName: requiredText('氏名', 80),
  displayNameKana: plainText('フリガナ', 120).nullable().default(null),
  password: ZPassword,
  memberships: z.array(ZMembershipInput).max(20).default([]),
});
export type CreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  displayName: requiredText('氏名', 80).optional(),
  displayNameKana: plainText('フリガナ', 120).nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.strictObject({ password: ZPassword });

export const ZMembership = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.enum(ROLES),
});

export const ZUser = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  displayNameKana: z.string().nullable(),
  isActive: z.boolean(),
  memberships: z.array(ZMembership),
});
export type User = z.infer<typeof ZUser>;
export const ZUserList = z.object({ users: z.array(ZUser) });
export const ZMembershipParams = z.object({ id: ZId, membershipId: ZId });
