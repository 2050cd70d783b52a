import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, formatWestern } from './dates';
import {
  holdingEntryWindow,
  looksLikeMyNumber,
  requiredText,
  ZBirthDate,
  ZDoneDate,
  ZEntryDate,
} from './schema-helpers';

const today = formatWestern(new Date());

describe('individual numbers (マイナンバー) however they are written', () => {
  it.each([
    '123456789012',
    '1234 5678 9012',
    '1234-5678-9012',
    '1234.5678.9012',
    '1234_5678_9012',
    '123-456-789-012',
    '1234−5678−9012', // U+2212 minus
    '1234ー5678ー9012', // katakana long vowel mark
    '１２３４－５６７８－９０１２', // full width
    '一二三四五六七八九〇一二', // kanji digits
    '1234\u200B5678\u200B9012', // zero-width spaces
    '番号は1234 5678 9012です',
  ])('finds %s', (text) => {
    expect(looksLikeMyNumber(text)).toBe(true);
  });

  it.each([
    '090-1234-5678', // a mobile phone: eleven digits
    '06-1234-5678',
    '2026-11-28 と 2026-12-01 に訪問', // two dates: more than twelve digits in one run is not a number
    '090-1234-5678、06-1234-5678',
    '12345678901', // eleven
    '1234567890123', // thirteen
    '一二三', // a name
  ])('leaves %s alone', (text) => {
    expect(looksLikeMyNumber(text)).toBe(false);
  });
});

describe('text that hides what it says', () => {
  const name = requiredText('氏', 60);
  it('refuses bidirectional overrides, lone surrogates and names of invisible characters only', () => {
    const message = (value: string) => name.safeParse(value).error?.issues[0]?.message;
    expect(message('松岡\u202Eトメ')).toBe(
      '氏に文字の向きを変える見えない文字が含まれています。文字を打ち直してください。',
    );
    expect(message('松岡\uD800')).toBe('氏に壊れた文字が含まれています。文字を打ち直してください。');
    expect(message('\u200B\u200B\uFEFF')).toBe('氏を入力してください。');
    expect(name.safeParse('松岡 トメ').success).toBe(true);
    expect(name.safeParse('🌸さくら').success).toBe(true); // a real pair of surrogates is a character
  });
});

describe('dates that cannot be', () => {
  it('takes birth dates from 1900 to today only', () => {
    expect(ZBirthDate.safeParse('1899-12-31').error?.issues[0]?.message).toBe(
      '生年月日は1900年以降の日付を入力してください。',
    );
    expect(ZBirthDate.safeParse(addDays(today, 1)).error?.issues[0]?.message).toBe(
      '生年月日に未来の日付は入力できません。',
    );
    expect(ZBirthDate.safeParse('1942-02-02').success).toBe(true);
  });

  it('takes the day something was done up to tomorrow, not a year ahead', () => {
    const done = ZDoneDate('支援の日');
    expect(done.safeParse(addDays(today, 1)).success).toBe(true);
    expect(done.safeParse(addDays(today, 365)).error?.issues[0]?.message).toBe(
      '支援の日に未来の日付は入力できません。',
    );
    expect(done.safeParse('0201-04-01').success).toBe(false);
  });

  it('says a date it cannot read is not a date, and nothing more (not "in the future")', () => {
    const issues = ZDoneDate('支援の日').safeParse('２０２５-01-01').error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(['日付は YYYY-MM-DD の形式で入力してください。']);
  });
});

describe("the municipality's window of late entry", () => {
  const record = z.object({ recordedOn: ZEntryDate('支援の日') });
  const window = { earliest: addDays(today, -30), days: 30 };
  const old = { recordedOn: addDays(today, -40) };

  it('holds entry dates to the window only within the parse that holds it', () => {
    expect(record.safeParse(old).success).toBe(true);
    const held = holdingEntryWindow(window, () => record.safeParse(old));
    expect(held.error?.issues[0]).toMatchObject({ params: { code: 'TOO_FAR_BACK' } });
    expect(
      holdingEntryWindow(window, () => record.safeParse({ recordedOn: addDays(today, -20) })).success,
    ).toBe(true);
    expect(record.safeParse(old).success).toBe(true);
  });

  it('lets go of the window when the parse throws', () => {
    expect(() =>
      holdingEntryWindow(window, () => {
        throw new Error('parse failed');
      }),
    ).toThrow('parse failed');
    expect(record.safeParse(old).success).toBe(true);
  });

  it('cannot be held by a schema that waits on something (its parse would let other requests in)', () => {
    const waiting = record.refine(async () => true);
    expect(() => holdingEntryWindow(window, () => waiting.safeParse(old))).toThrow();
    expect(record.safeParse(old).success).toBe(true);
  });
});
