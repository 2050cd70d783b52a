import { z } from 'zod';

/**
 * Counts that leave the case level never identify anyone: a count of people (or of what
 * happened to people) from 1 to 4 is shown as 「5件未満」, never as its number.
 */
export const SMALL_COUNT_THRESHOLD = 5;

export const ZSafeCount = z.object({ count: z.number().nullable(), belowThreshold: z.boolean() });
export type SafeCount = z.infer<typeof ZSafeCount>;

export function safeCount(n: number, threshold = SMALL_COUNT_THRESHOLD): SafeCount {
  return n > 0 && n < threshold ? { count: null, belowThreshold: true } : { count: n, belowThreshold: false };
}

export const formatSafeCount = (value: SafeCount, unit = '件') =>
  value.belowThreshold ? `${SMALL_COUNT_THRESHOLD}${unit}未満` : `${value.count ?? 0}${unit}`;

/**
 * Counts of the same people narrowing step by step (a funnel: proposed ⊇ visited ⊇ …). Each
 * step is small-count safe on its own, and so is its difference from the last step shown:
 * 7 proposed and 5 visited would tell that 2 never visited, so 5 is not shown.
 */
export function safeFunnel(values: number[], threshold = SMALL_COUNT_THRESHOLD): SafeCount[] {
  let lastShown: number | null = null;
  return values.map((n) => {
    const small = (k: number) => k > 0 && k < threshold;
    if (small(n) || (lastShown !== null && small(lastShown - n)))
      return { count: null, belowThreshold: true };
    lastShown = n;
    return { count: n, belowThreshold: false };
  });
}
