import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountTree,
  formatSafeCount,
  SENSITIVE_COUNT_THRESHOLD,
  safeCount,
  safeFunnel,
  safeRunningTotals,
  suppressTree,
} from './small-counts';

describe('counts that never identify anyone', () => {
  it('shows 1 to 4 as 「5件未満」, and 0 and 5 as they are', () => {
    expect([0, 1, 4, 5].map((n) => formatSafeCount(safeCount(n)))).toEqual([
      '0件',
      '5件未満',
      '5件未満',
      '5件',
    ]);
  });
  it('hides a step of a funnel whose difference from the step shown before it is small', () => {
    const shown = (values: number[]) => safeFunnel(values).map((c) => c.count);
    expect(shown([9, 7, 5, 5, 0])).toEqual([9, null, null, null, 0]);
    expect(shown([20, 12, 12, 6, 0])).toEqual([20, 12, 12, 6, 0]);
    expect(shown([20, 18, 12, 3, 0])).toEqual([20, null, 12, null, 0]);
  });
});

describe('suppression over sums of areas (市 = 圏域…, 圏域 = 地区…)', () => {
  const zone = (key: string, districts: number[]): CountTree => ({
    key,
    value: districts.reduce((a, b) => a + b, 0),
    parts: districts.map((value, i) => ({ key: `${key}-${i}`, value })),
  });
  const city = (...zones: CountTree[]): CountTree => ({
    key: 'city',
    value: zones.reduce((a, z) => a + z.value, 0),
    parts: zones,
  });

  it('hides a second district when one is hidden, so the zone total does not give it away', () => {
    const shown = suppressTree(city(zone('east', [3, 6, 9]), zone('west', [8, 7])));
    expect(shown.get('east-0')?.count).toBeNull();
    // 3 + 6 = 9 ≥ 5: hiding the smallest shown district is enough
    expect(shown.get('east-1')?.count).toBeNull();
    expect(shown.get('east-2')?.count).toBe(9);
    expect(shown.get('east')?.count).toBe(18);
    expect(shown.get('west-0')?.count).toBe(8);
  });

  it('uses 10 for sensitive categories', () => {
    const shown = suppressTree(city(zone('east', [12, 9]), zone('west', [0, 0])), SENSITIVE_COUNT_THRESHOLD);
    expect(shown.get('east-1')?.count).toBeNull();
    expect(formatSafeCount(shown.get('east-1') ?? safeCount(0), '件', SENSITIVE_COUNT_THRESHOLD)).toBe(
      '10件未満',
    );
  });

  it('never leaves a hidden count that sums and differences of shown counts reveal', () => {
    const tree = fc
      .array(fc.array(fc.nat({ max: 14 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
      .map((zones) => city(...zones.map((d, i) => zone(`z${i}`, d))));
    fc.assert(
      fc.property(tree, fc.constantFrom(5, 10), (root, threshold) => {
        const shown = suppressTree(root, threshold);
        const isHidden = (n: CountTree) => shown.get(n.key)?.count === null;
        const check = (node: CountTree) => {
          if (node.value > 0 && node.value < threshold) expect(isHidden(node)).toBe(true);
          const parts = node.parts ?? [];
          const hiddenParts = parts.filter(isHidden);
          if (parts.length > 0 && !isHidden(node)) {
            // one linear equation: one unknown would be solved, a small hidden sum told
            expect(hiddenParts.length).not.toBe(1);
            const hiddenSum = hiddenParts.reduce((s, p) => s + p.value, 0);
            expect(hiddenSum === 0 || hiddenSum >= threshold).toBe(true);
          }
          if (parts.length > 0 && isHidden(node) && parts.some((p) => p.value > 0)) {
            expect(hiddenParts.length).toBeGreaterThan(0);
          }
          for (const part of parts) {
            if (!isHidden(part)) expect(shown.get(part.key)?.count).toBe(part.value);
            check(part);
          }
        };
        check(root);
      }),
      { numRuns: 500 },
    );
  });
});

describe('totals to date, month by month', () => {
  const small = (k: number) => k > 0 && k < 5;
  it('never lets a count from 1 to 4 be had from a shown total or the step between two', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(9), { minLength: 1, maxLength: 12 }), (monthly) => {
        const totals = monthly.map((_, i) => monthly.slice(0, i + 1).reduce((a, b) => a + b, 0));
        const shown = safeRunningTotals(totals).flatMap((c, i) =>
          c.belowThreshold ? [] : [{ i, n: c.count ?? 0 }],
        );
        for (const s of shown) expect(s.n).toBe(totals[s.i]);
        for (const a of shown) {
          expect(small(a.n)).toBe(false);
          for (const b of shown) expect(small(Math.abs(a.n - b.n))).toBe(false);
        }
        const last = totals.at(-1) ?? 0;
        expect(shown.at(-1)?.i === totals.length - 1).toBe(!small(last));
      }),
    );
  });

  it('shows April 6, hides May (+2), shows June (+5 since April)', () => {
    expect(safeRunningTotals([6, 8, 11]).map((c) => c.count)).toEqual([6, null, 11]);
    expect(safeRunningTotals([0, 3, 3, 9]).map((c) => c.count)).toEqual([0, null, null, 9]);
  });
});
