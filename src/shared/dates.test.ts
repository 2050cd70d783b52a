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
