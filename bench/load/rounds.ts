// Measurements in rounds of turns, and how sure their mean is. Absolute req/s on this machine
// move by about 20 % between runs, so "no lower at 200 connections than at 10" and "the app at
// 0.7 of its raw SQL" are judged on rounds of turns (A, B, B, A), each round a pair measured
// side by side, and on the 95 % interval of the rounds' mean.

/** Rounds of two measurements in turns, A, B, B, A each, so that a drift weighs on both alike. */
export function inRounds<T>(rounds: number, a: () => T, b: () => T): { a: T[]; b: T[] }[] {
  return Array.from({ length: rounds }, () => {
    const [a1, b1, b2, a2] = [a(), b(), b(), a()];
    return { a: [a1, a2], b: [b1, b2] };
  });
}

export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

// Student's t at 97.5 % for 1 to 10 degrees of freedom; beyond, the normal's 1.96 is near enough
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/** The mean of the values and its 95 % interval (none from a single value). */
export function meanInterval(values: readonly number[]): { mean: number; low?: number; high?: number } {
  const m = mean(values);
  if (values.length < 2) return { mean: m };
  const variance = values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
  const half = (T_975[values.length - 2] ?? 1.96) * Math.sqrt(variance / values.length);
  return { mean: m, low: m - half, high: m + half };
}

/** A change in per cent with its interval: "−1.5 % (95 %: −4.0 to +1.0 %)". */
export function percentChange(ratios: readonly number[]): string {
  const pct = (r: number) => `${r >= 1 ? '+' : '−'}${Math.abs((r - 1) * 100).toFixed(1)} %`;
  const { mean: m, low, high } = meanInterval(ratios);
  return low === undefined || high === undefined
    ? pct(m)
    : `${pct(m)} (95 %: ${pct(low).replace(' %', '')} to ${pct(high)})`;
}

/** A ratio with its interval: "0.74 (95 %: 0.71–0.77)". */
export function ratioWithInterval(ratios: readonly number[]): string {
  const { mean: m, low, high } = meanInterval(ratios);
  return low === undefined || high === undefined
    ? m.toFixed(2)
    : `${m.toFixed(2)} (95 %: ${low.toFixed(2)}–${high.toFixed(2)})`;
}
