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
