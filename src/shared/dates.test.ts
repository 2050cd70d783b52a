import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWareki,
  formatWarekiDateTime,
  formatWestern,
} from './dates';

describe('Japanese dates', () => {
  it('writes 和暦 with the Western date available', () => {
    expect(formatWareki('2025-04-01T00:00:00+09:00')).toBe('令和7年4月1日');
    expect(formatWestern('2025-04-01T00:00:00+09:00')).toBe('2025-04-01');
    expect(formatWestern('0999-12-31T00:00:00+09:00')).toBe('0999-12-31');
  });

  it('gives the day in Japan of any moment, summer time of 1948–1951 and years before 1000 included', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });
    const span = { min: Date.UTC(900, 0, 1), max: Date.UTC(9999, 11, 31) };
    fc.assert(
      fc.property(fc.integer(span), (at) => {
        expect(formatWestern(new Date(at))).toBe(intl.format(at).padStart(10, '0'));
      }),
      { numRuns: 20_000 },
    );
    // the last hour of a summer day in 1950 (+10:00) and the first moments after the switch
    expect(formatWestern('1950-07-01T14:30:00Z')).toBe('1950-07-02');
    expect(formatWestern('1951-12-31T14:59:59.999Z')).toBe('1951-12-31');
    expect(formatWestern('1951-12-31T15:00:00Z')).toBe('1952-01-01');
    expect(formatWestern('9999-12-31T14:59:59Z')).toBe('9999-12-31');
    expect(() => formatWestern('not a day')).toThrow(RangeError);
  });

  it('writes the first year of an era as 元年', () => {
    expect(formatWareki('2019-05-01T09:00:00+09:00')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30T09:00:00+09:00')).toBe('平成31年4月30日');
  });

  it('uses Japan time, not the server clock zone', () => {
    // 2025-03-31T15:30Z is already April 1st in Japan.
    expect(formatWareki('2025-03-31T15:30:00Z')).toBe('令和7年4月1日');
    expect(formatWarekiDateTime('2025-03-31T15:30:00Z')).toBe('令和7年4月1日 00:30');
  });

  it('puts January to March in the previous fiscal year', () => {
    expect(fiscalYearOf('2026-03-31T12:00:00+09:00')).toBe(2025);
    expect(fiscalYearOf('2026-04-01T00:00:00+09:00')).toBe(2026);
    expect(fiscalYearLabel(2025)).toBe('令和7年度（2025年度）');
    expect(fiscalYearLabel(2019)).toBe('令和元年度（2019年度）');
    expect(fiscalYearRange(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});
