import { z } from 'zod';
import { ROLES } from '../../shared/vocabulary';

export const ZLoginRequest = z.strictObject({
  loginId: z.string().trim().min(1, { error: 'ログインIDを入力してください。' }).max(64),
  password: z.string().min(1, { error: 'パスワードを入力してください。' }).max(200),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSwitchMembershipRequest = z.strictObject({ membershipId: z.uuid() });

export const ZSessionMembership = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.enum(ROLES),
});

export const ZSessionResponse = z.object({
  user: z.object({ id: z.string(), loginId: z.string(), displayName: z.string() }),
  tenant: z.object({ id: z.string(), code: z.string(), name: z.string(), isDemo: z.boolean() }),
  memberships: z.array(ZSessionMembership),
  activeMembershipId: z.string().nullable(),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  idleMinutes: z.number(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof ZSessionResponse>;

export const ZDemoLogin = z.object({
  loginId: z.string(),
  password: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisationName: z.string(),
});
export const ZLoginInfoResponse = z.object({
  demo: z.boolean(),
  setupRequired: z.boolean(),
  logins: z.array(ZDemoLogin),
});
export type LoginInfoResponse = z.infer<typeof ZLoginInfoResponse>;
