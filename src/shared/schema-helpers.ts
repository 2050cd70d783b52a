import { z } from 'zod';

export const ZId = z.uuid({ error: 'IDの形式が正しくありません。' });
export const ZIsoDate = z.iso.date({ error: '日付は YYYY-MM-DD の形式で入力してください。' });

// Control characters (other than tab and line breaks) are never meaningful in a record.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Twelve digits in a row (optionally 4-4-4 with spaces or hyphens) look like an individual
// number (マイナンバー), which this system never collects.
const LOOKS_LIKE_MY_NUMBER = /(?<!\d)\d{4}[-\s]?\d{4}[-\s]?\d{4}(?!\d)/;

export const looksLikeMyNumber = (value: string) => LOOKS_LIKE_MY_NUMBER.test(value.normalize('NFKC'));

export const MY_NUMBER_MESSAGE =
  '12桁の番号が含まれています。個人番号（マイナンバー）は収集しないため入力できません。番号を削除してください。';

/** Text of a record: trimmed, bounded, no control characters, never an individual number. */
export const plainText = (label: string, max: number) =>
  z
    .string({ error: `${label}は文字で入力してください。` })
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください。` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      error: `${label}に使えない制御文字が含まれています。`,
    })
    .refine((value) => !looksLikeMyNumber(value), { error: `${label}：${MY_NUMBER_MESSAGE}` });

export const requiredText = (label: string, max: number) =>
  plainText(label, max).refine((value) => value.length > 0, { error: `${label}を入力してください。` });

/** Optional text: empty or missing is stored as null. */
export const optionalText = (label: string, max: number) =>
  plainText(label, max)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

export const ZPage = z.coerce.number().int().min(1).default(1);
export const ZPageSize = z.coerce.number().int().min(1).max(200).default(50);
export const ZIdParam = z.object({ id: ZId });
