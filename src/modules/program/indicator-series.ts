import { type SafeCount, safeRunningTotals } from '../../shared/small-counts';

export type MonthPoint = { month: number; toDate: SafeCount; inMonth: SafeCount };

const shown = (n: number): SafeCount => ({ count: n, belowThreshold: false });
const hidden: SafeCount = { count: null, belowThreshold: true };

/**
 * A count month by month up to the months elapsed: the total to date and what the month
 * added. For counts of people, the totals follow `safeRunningTotals` and a month's own
 * figure is shown only when the totals on both sides of it are.
 */
export function monthSeries(monthly: number[], elapsed: number, aboutPeople: boolean): MonthPoint[] {
  const totals: number[] = [];
  for (let i = 0; i < elapsed; i++) totals.push((totals[i - 1] ?? 0) + (monthly[i] ?? 0));
  const safeTotals = aboutPeople ? safeRunningTotals(totals) : totals.map(shown);
  return totals.map((_, i) => {
    const before = i === 0 ? shown(0) : (safeTotals[i - 1] ?? hidden);
    const toDate = safeTotals[i] ?? hidden;
    const inMonth =
      before.belowThreshold || toDate.belowThreshold
        ? hidden
        : shown((toDate.count ?? 0) - (before.count ?? 0));
    return { month: i + 1, toDate, inMonth };
  });
}

/** A typed indicator month by month: what was entered, and the total of what was entered so far. */
export function typedSeries(monthly: (number | null)[], elapsed: number) {
  let total = 0;
  return Array.from({ length: elapsed }, (_, i) => {
    const entered = monthly[i] ?? null;
    total += entered ?? 0;
    return { month: i + 1, value: total, inMonth: entered, notEntered: entered === null };
  });
}

/** A rate from two series' totals, shown where both are. */
export function ratioSeries(
  numerator: MonthPoint[],
  denominator: MonthPoint[],
  scale: (n: number, d: number, month: number) => number | null,
): { month: number; value: number | null }[] {
  return numerator.map((point, i) => {
    const d = denominator[i]?.toDate;
    if (point.toDate.belowThreshold || !d || d.belowThreshold) return { month: point.month, value: null };
    return { month: point.month, value: scale(point.toDate.count ?? 0, d.count ?? 0, point.month) };
  });
}
