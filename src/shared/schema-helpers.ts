import { z } from 'zod';

export const ZId = z.uuid({ error: 'IDの形式が正しくありません。' });
export const ZIsoDate = z.iso.date({ error: '日付は YYYY-MM-DD の形式で入力してください。' });

// Control characters (other than tab and line breaks) are never meaningful in a record.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const plainText = (label: string, max: number) =>
  z
    .string({ error: `${label}は文字で入力してください。` })
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください。` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      error: `${label}に使えない制御文字が含まれています。`,
    });

export const requiredText = (label: string, max: number) =>
  plainText(label, max).refine((value) => value.length > 0, { error: `${label}を入力してください。` });

export const ZPage = z.coerce.number().int().min(1).default(1);
export const ZPageSize = z.coerce.number().int().min(1).max(200).default(50);
export const ZIdParam = z.object({ id: ZId });
