import type { ScheduleSlot } from './resources.tables';

// The values of the directory's CSV columns as people write them in a spreadsheet: labels
// in Japanese (or the codes), several in one cell separated by 「；」, weekdays and times as
// 「月 13:00-16:00；水 10:00-12:00」, ages as 「65-」. Full-width digits and signs are fine.

/** Between several values in one cell. 「；」 is the documented one; 「;」「、」「|」 also work. */
export const LIST_SEPARATOR = '；';
const SEPARATORS = /[；;、|｜]/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** NFKC, and a label's bracketed remark dropped: 「その他（市の追加）」 matches 「その他」. */
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)$/, '');

export const cellsOf = (text: string) =>
  text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A code of a vocabulary from its label (or the code itself). */
export function codeOf<C extends string>(text: string, labels: Record<C, string>): C | null {
  const wanted = comparable(text);
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    if (wanted === comparable(label) || wanted === comparable(code) || text.trim() === code) return code;
  }
  return null;
}

export function listOf<C extends string>(
  text: string,
  labels: Record<C, string>,
  what: string,
  extra: string[] = [],
): Parsed<C[]> {
  const codes: C[] = [];
  for (const cell of cellsOf(text)) {
    if (extra.some((word) => comparable(word) === comparable(cell))) continue;
    const code = codeOf(cell, labels);
    if (!code)
      return fail(
        `「${cell}」は${what}にありません。使える値: ${Object.values<string>(labels).join('、')}（複数は「${LIST_SEPARATOR}」で区切ります）`,
      );
    if (!codes.includes(code)) codes.push(code);
  }
  return ok(codes);
}

export const IRREGULAR_WORD = '不定期';
const WEEKDAYS = '日月火水木金土';
const SLOT = /^([日月火水木金土・]+)(?:曜日?)?\s*(\d{1,2}):(\d{2})\s*[-~〜ー－‐]\s*(\d{1,2}):(\d{2})$/;

export function scheduleOf(text: string): Parsed<{ slots: ScheduleSlot[]; irregular: boolean }> {
  const slots: ScheduleSlot[] = [];
  let irregular = false;
  for (const cell of cellsOf(text)) {
    const normalized = cell.normalize('NFKC').replace(/\s+/g, ' ');
    if (normalized === IRREGULAR_WORD) {
      irregular = true;
      continue;
    }
    const match = normalized.match(SLOT);
    if (!match)
      return fail(
        `「${cell}」を読み取れません。「月 13:00-16:00${LIST_SEPARATOR}水 10:00-12:00」または「${IRREGULAR_WORD}」のように書いてください。`,
      );
    const [, days = '', openHour = '', openMinute, closeHour = '', closeMinute] = match;
    for (const day of days.replace(/・/g, '')) {
      slots.push({
        weekday: WEEKDAYS.indexOf(day),
        opens: `${openHour.padStart(2, '0')}:${openMinute}`,
        closes: `${closeHour.padStart(2, '0')}:${closeMinute}`,
      });
    }
  }
  return ok({ slots, irregular });
}

/** 「65-」 65歳以上, 「18-39」, 「-18」 18歳まで, 「65歳以上」; empty: no limit. */
export function agesOf(text: string): Parsed<{ ageMin: number | null; ageMax: number | null }> {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '').replace(/歳/g, '');
  if (normalized === '') return ok({ ageMin: null, ageMax: null });
  const over = normalized.match(/^(\d{1,3})以上$/);
  if (over) return ok({ ageMin: Number(over[1]), ageMax: null });
  const range = normalized.match(/^(\d{1,3})?[-~〜ー－‐](\d{1,3})?$/);
  if (range && (range[1] || range[2])) {
    return ok({
      ageMin: range[1] ? Number(range[1]) : null,
      ageMax: range[2] ? Number(range[2]) : null,
    });
  }
  return fail(
    `「${text}」を読み取れません。「65-」（65歳以上）、「18-39」、「-18」（18歳まで）のように書いてください。`,
  );
}

export function countOf(text: string): Parsed<number | null> {
  const normalized = text.normalize('NFKC').replace(/[\s人名]/g, '');
  if (normalized === '') return ok(null);
  if (!/^\d{1,6}$/.test(normalized))
    return fail(`「${text}」は人数として読み取れません。数字で入力してください。`);
  return ok(Number(normalized));
}

export const FREE_WORD = '無料';

export function costOf(text: string): { free: boolean; costNote: string | null } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.normalize('NFKC') === FREE_WORD) return { free: true, costNote: null };
  return { free: false, costNote: trimmed };
}

/** Empty cells are null, as the screen's empty fields are. */
export const textOrNull = (text: string | undefined) => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
};
