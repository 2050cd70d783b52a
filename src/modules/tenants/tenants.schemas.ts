import { z } from 'zod';

export const ZTenantSettings = z.object({
  name: z.string(),
  code: z.string(),
  referralOverdueDays: z.number(),
});

export const ZUpdateTenantSettings = z.strictObject({
  referralOverdueDays: z
    .number({ error: '日数は数字で入力してください。' })
    .int()
    .min(1, { error: '1日以上にしてください。' })
    .max(60, { error: '60日以内にしてください。' }),
});
export type UpdateTenantSettings = z.infer<typeof ZUpdateTenantSettings>;
