import { z } from 'zod';
import { now } from '../server/clock';
import { addDays, formatWareki, formatWestern } from './dates';

export const ZId = z.uuid({ error: 'IDの形式が正しくありません。' });
// abort: a date that cannot be read is not also "in the future" or "too old" (full-width digits compare after ASCII)
export const ZIsoDate = z.iso.date({ error: '日付は YYYY-MM-DD の形式で入力してください。', abort: true });

// Today in Japan, by the server's clock, worked out once a minute: a day in Japan always begins
// on a minute, and formatting a date is the dearest step of checking one (imports check many).
let today = { minute: Number.NaN, day: '', offsets: new Map<number, string>() };
function todayInJapan() {
  const minute = Math.floor(now().getTime() / 60_000);
  if (minute !== today.minute) today = { minute, day: formatWestern(now()), offsets: new Map() };
  return today;
}

/** Today, tomorrow or another day counted from today in Japan, by the server's clock. */
function isoDay(offsetDays: number): string {
  const { day, offsets } = todayInJapan();
  if (offsetDays === 0) return day;
  let shifted = offsets.get(offsetDays);
  if (shifted === undefined) {
    shifted = addDays(day, offsetDays);
    offsets.set(offsetDays, shifted);
  }
  return shifted;
}

/** A birth date: from 1900 to today (Japan time). */
export const ZBirthDate = ZIsoDate.refine((value) => value >= '1900-01-01', {
  error: '生年月日は1900年以降の日付を入力してください。',
}).refine((value) => value <= isoDay(0), {
  error: '生年月日に未来の日付は入力できません。',
  params: { code: 'FUTURE_DATE' },
});

const notBefore1900 = (label: string, daysAhead: number) =>
  ZIsoDate.refine((value) => value >= '1900-01-01', {
    error: `${label}が古すぎます。日付を確かめてください。`,
    params: { code: 'DATE_TOO_OLD' },
  }).refine((value) => value <= isoDay(daysAhead), {
    error: `${label}に未来の日付は入力できません。`,
    params: { code: 'FUTURE_DATE' },
  });

/** A schema made once per label: building a zod schema costs far more than using one. */
function oncePerLabel<S>(make: (label: string) => S): (label: string) => S {
  const made = new Map<string, S>();
  return (label) => {
    let schema = made.get(label);
    if (!schema) {
      schema = make(label);
      made.set(label, schema);
    }
    return schema;
  };
}

/**
 * The day something happened or was done (received, met, recorded, agreed):
 * not before 1900, and no more than a day ahead (a record typed just after midnight).
 */
export const ZDoneDate = oncePerLabel((label: string) => notBefore1900(label, 1));

/** A day not after today at all: a decision is taken before it is recorded. */
export const ZDecidedDate = oncePerLabel((label: string) => notBefore1900(label, 0));

/**
 * The day of something recorded as it happens (a consultation received, support given, a
 * contact, a consent obtained): a done-date within the municipality's window for late entry.
 * Facts of the past (an agreement signed years ago, a death) are plain done-dates.
 */
export const ZEntryDate = oncePerLabel((label: string) =>
  ZDoneDate(label).superRefine((value, ctx) => {
    const window = heldWindow;
    if (window && value < window.earliest)
      ctx.addIssue({
        code: 'custom',
        message: tooFarBack(label, window),
        params: { code: 'TOO_FAR_BACK' },
      });
  }),
);

/** How far back a record may be dated: a municipal setting, and the earliest day it allows today. */
export type EntryWindow = { earliest: string; days: number };
let heldWindow: EntryWindow | null = null;

/** What a day before the window is told (TOO_FAR_BACK). */
export const tooFarBack = (label: string, window: EntryWindow) =>
  `${label}は${formatWareki(`${window.earliest}T00:00:00+09:00`)}以降の日付にしてください（${window.days}日より前の記録は、自治体の設定で入力できません）。`;

/**
 * Runs a synchronous parse in which entry dates are held to the municipality's window (the
 * server parses a write's body again so, after the validator's own parse; elsewhere, as in the
 * browser, no window is held). Nothing else runs while the parse does: zod refuses a schema with
 * asynchronous parts in a synchronous parse, so the window cannot reach another request.
 * (An AsyncLocalStorage did this before, and kept node's promise hooks on for every promise of
 * every request: 7 % of node's CPU on a case page.)
 */
export function holdingEntryWindow<T>(window: EntryWindow, parse: () => T): T {
  heldWindow = window;
  try {
    return parse();
  } finally {
    heldWindow = null;
  }
}

// Control characters (other than tab and line breaks) are never meaningful in a record.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Twelve digits (マイナンバー), which this system never collects, however they are written:
// full-width or kanji digits, split by any dashes, dots, underscores or spaces, or by
// invisible characters. A run of more than twelve digits (two dates, a list of phone
// numbers) is not one.
// Zero-width spaces and joiners, soft hyphens, bidi marks, variation selectors, fillers.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const KANJI_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const SEPARATOR = '[\\s\\-_.,・、/\u2010-\u2015\u2212\u30FC\uFF0D\uFF3F]';
const TWELVE_DIGITS = new RegExp(`(?<!\\d${SEPARATOR}*)\\d(?:${SEPARATOR}*\\d){11}(?!${SEPARATOR}*\\d)`, 'u');

export const looksLikeMyNumber = (value: string) =>
  TWELVE_DIGITS.test(
    value
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .replace(/[〇零一二三四五六七八九]/gu, (kanji) => KANJI_DIGITS[kanji] ?? kanji),
  );

// Bidirectional overrides and isolates make text read differently from what is stored.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
// A surrogate half without its other half is not a character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text that shows nothing (only spaces and invisible characters). */
export const isBlank = (value: string) => value.replace(INVISIBLE, '').trim().length === 0;

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
    .refine((value) => !BIDI_CONTROLS.test(value), {
      error: `${label}に文字の向きを変える見えない文字が含まれています。文字を打ち直してください。`,
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      error: `${label}に壊れた文字が含まれています。文字を打ち直してください。`,
    })
    .refine((value) => !looksLikeMyNumber(value), { error: `${label}：${MY_NUMBER_MESSAGE}` });

export const requiredText = (label: string, max: number) =>
  plainText(label, max).refine((value) => !isBlank(value), { error: `${label}を入力してください。` });

/** Optional text: empty or missing is stored as null. */
export const optionalText = (label: string, max: number) =>
  plainText(label, max)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

export const ZPage = z.coerce.number().int().min(1).default(1);
export const ZPageSize = z.coerce.number().int().min(1).max(200).default(50);
export const ZIdParam = z.object({ id: ZId });
