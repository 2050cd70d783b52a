import { z } from 'zod';
import { ZVersion } from '../../db/versions';

export const ZTenantSettings = z.object({
  name: z.string(),
  code: z.string(),
  referralOverdueDays: z.number(),
  caseInactivityDays: z.number(),
  packetWindowDays: z.number(),
  outreachStaleDays: z.number(),
  backdateLimitDays: z.number(),
  resourceVerifyDays: z.number(),
  publicDirectory: z.boolean(),
  version: z.number(),
});
export type TenantSettings = z.infer<typeof ZTenantSettings>;

const days = (max: number, min = 1) =>
  z
    .number({ error: '日数は数字で入力してください。' })
    .int({ error: '日数は整数で入力してください。' })
    .min(min, { error: `${min}日以上にしてください。` })
    .max(max, { error: `${max}日以内にしてください。` });

export const ZUpdateTenantSettings = z.strictObject({
  referralOverdueDays: days(60).optional(),
  caseInactivityDays: days(365).optional(),
  packetWindowDays: days(90).optional(),
  outreachStaleDays: days(365).optional(),
  backdateLimitDays: days(3650).optional(),
  /** A resource of the directory not verified for this many days is flagged (30 to 3650). */
  resourceVerifyDays: days(3650, 30).optional(),
  /** The directory's active resources are published on a page without login (/public/{code}). */
  publicDirectory: z.boolean({ error: '公開するかどうかを選んでください。' }).optional(),
  version: ZVersion,
});
export type UpdateTenantSettings = z.infer<typeof ZUpdateTenantSettings>;
