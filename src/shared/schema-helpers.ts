import { z } from 'zod';

export const ZId = z.uuid({ error: 'IDの形式が正しくありません。' });
export const ZIsoDate = z.iso.date({ error: '日付は YYYY-MM-DD の形式で入力してください。' });

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, { error: `${label}を入力してください。` })
    .max(max, { error: `${label}は${max}文字以内で入力してください。` });

export const ZPage = z.coerce.number().int().min(1).default(1);
export const ZPageSize = z.coerce.number().int().min(1).max(200).default(50);
export const ZIdParam = z.object({ id: ZId });
