import { describe, expect, it } from 'vitest';
import { nextOfficeDay } from './placements.service';

describe('follow-ups fall on days the office is open', () => {
  it('moves weekends, public holidays and the year-end closure to the next open day', () => {
    expect(nextOfficeDay('2026-12-02')).toBe('2026-12-02'); // a Wednesday
    expect(nextOfficeDay('2026-12-06')).toBe('2026-12-07'); // Sunday → Monday
    expect(nextOfficeDay('2026-12-29')).toBe('2027-01-04'); // 年末年始 → the first Monday open
    expect(nextOfficeDay('2027-01-09')).toBe('2027-01-12'); // Saturday, Sunday, 成人の日 (11 Jan)
    expect(nextOfficeDay('2026-11-23')).toBe('2026-11-24'); // 勤労感謝の日
  });
});
