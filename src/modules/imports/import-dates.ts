// Dates as spreadsheets hold them: ISO and slashed Western dates (2024-04-01, 2024/4/1,
// 2024年4月1日), 和暦 (令和6年4月1日, 令和元年5月1日) and its short forms (R6.4.1, H31/4/30),
// optionally followed by a time (10:30). Full-width digits are read as digits.

const ERA_START_YEAR: Record<string, number> = {
  明治: 1867,
  大正: 1911,
  昭和: 1925,
  平成: 1988,
  令和: 2018,
  m: 1867,
  t: 1911,
  s: 1925,
  h: 1988,
  r: 2018,
};

const WESTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const ERA =
  /^(明治|大正|昭和|平成|令和|[mtshr])\s*(\d{1,2}|元)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const TIME = /\s+(\d{1,2}):(\d{2})(?::\d{2})?$/;

export type ReadDate = { date: string; time: string | null };

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  // four digits for the year: a year before 1000 is a date, which is then told it is too old
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The calendar day (and time, when written) of a cell's text, or null when it is not a date. */
export function readDate(text: string): ReadDate | null {
  let value = text.normalize('NFKC').trim().toLowerCase();
  let time: string | null = null;
  const timeMatch = value.match(TIME);
  if (timeMatch) {
    const hours = Number(timeMatch[1]);
    const minutes = Number(timeMatch[2]);
    if (hours > 23 || minutes > 59) return null;
    time = `${pad(hours)}:${pad(minutes)}`;
    value = value.slice(0, timeMatch.index).trim();
  }
  const western = value.match(WESTERN);
  if (western) {
    const date = validDate(Number(western[1]), Number(western[2]), Number(western[3]));
    return date ? { date, time } : null;
  }
  const era = value.match(ERA);
  if (era) {
    const start = ERA_START_YEAR[era[1] ?? ''];
    const year = era[2] === '元' ? 1 : Number(era[2]);
    if (start === undefined || year < 1) return null;
    const date = validDate(start + year, Number(era[3]), Number(era[4]));
    return date ? { date, time } : null;
  }
  return null;
}

/** A date cell of a workbook as the text it shows (exceljs gives the serial date in UTC). */
export function dateOfCell(value: Date): string {
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const hours = value.getUTCHours();
  const minutes = value.getUTCMinutes();
  return hours || minutes ? `${day} ${pad(hours)}:${pad(minutes)}` : day;
}

export const DATE_EXAMPLES = '2024/4/1・令和6年4月1日・R6.4.1 のように';
