// Dates as Japanese offices write them: 和暦 first, the Western year available, fiscal
// years (年度) from April to March. All calendar arithmetic is in Japan time.

const TIME_ZONE = 'Asia/Tokyo';

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});

const westernFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('ja-JP', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);
const NINE_HOURS = 9 * 3_600_000;
/** 1952-01-01 in Japan; its summer time ended in 1951. */
const STEADY_JAPAN_TIME_FROM = Date.UTC(1951, 11, 31, 15);
const YEAR_10000 = Date.UTC(10000, 0, 1) - NINE_HOURS;

/** 令和7年4月1日 (the first year of an era is written 元年). */
export function formatWareki(value: Date | string): string {
  return warekiFormat.format(toDate(value)).replace(/^(\D+)1年/, '$1元年');
}

/** 2025-04-01 (a year before 1000 in four digits too, as ISO writes it: 0999-12-31) */
export function formatWestern(value: Date | string): string {
  const at = toDate(value).getTime();
  // Japan has kept +09:00 all year since 1952: plain arithmetic there, which is many times
  // cheaper than Intl (a case page formats a day for each entry of its timeline)
  if (at >= STEADY_JAPAN_TIME_FROM && at < YEAR_10000)
    return new Date(at + NINE_HOURS).toISOString().slice(0, 10);
  const day = westernFormat.format(at);
  return day.length >= 10 ? day : day.padStart(10, '0');
}

/** 令和7年4月1日 14:05 */
export function formatWarekiDateTime(value: Date | string): string {
  return `${formatWareki(value)} ${timeFormat.format(toDate(value))}`;
}

/** The calendar day (YYYY-MM-DD) so many days after another (negative: before). */
export function addDays(isoDate: string, days: number): string {
  return formatWestern(new Date(new Date(`${isoDate}T12:00:00+09:00`).getTime() + days * 86_400_000));
}

function japanYearMonth(value: Date): { year: number; month: number } {
  const [year, month] = formatWestern(value).split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1 };
}

/** The fiscal year (年度) a date falls in, named by the calendar year it starts in. */
export function fiscalYearOf(value: Date | string): number {
  const { year, month } = japanYearMonth(toDate(value));
  return month >= 4 ? year : year - 1;
}

/** 令和7年度（2025年度） */
export function fiscalYearLabel(fiscalYear: number): string {
  // Named by the era of May 1st: FY2019 began in 平成 but is officially 令和元年度.
  const era = formatWareki(new Date(Date.UTC(fiscalYear, 4, 1, 3))).replace(/\d+月\d+日$/, '');
  return `${era}度（${fiscalYear}年度）`;
}

/** First and last day of a fiscal year, as YYYY-MM-DD. */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** Whole years from a date of birth to a day (both YYYY-MM-DD). */
export function yearsBetween(birthDate: string, day: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = day.split('-').map(Number);
  if (!(by && bm && bd && ty && tm && td)) return null;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Age as offices write it: 82歳 from a date of birth, else the birth year or the age band. */
export function ageDescription(
  person: { birthDate: string | null; birthYear: number | null; ageBand: string | null },
  today: Date,
): string {
  const age = person.birthDate ? yearsBetween(person.birthDate, formatWestern(today)) : null;
  if (age !== null) return `${age}歳`;
  if (person.birthYear) return `${person.birthYear}年生まれ`;
  return person.ageBand ?? '年齢不明';
}
