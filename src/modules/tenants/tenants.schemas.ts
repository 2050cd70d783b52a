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
  version: z.number(),
});
export type TenantSettings = z.infer<typeof ZTenantSettings>;

const days = (max: number) =>
  z
    .number({ error: '日数は数字で入力してください。' })
    .int({ error: '日数は整数で入力してください。' })
    .min(1, { error: '1日以上にしてください。' })
    .max(max, { error: `${max}日以内にしてください。` });

export const ZUpdateTenantSettings = z.strictObject({
  referralOverdueDays: days(60).optional(),
  caseInactivityDays: days(365).optional(),
  packetWindowDays: days(90).optional(),
  outreachStaleDays: days(365).optional(),
  backdateLimitDays: days(3650).optional(),
  version: ZVersion,
});
export type UpdateTenantSettings = z.infer<typeof ZUpdateTenantSettings>;
