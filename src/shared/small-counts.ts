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

export const formatSafeCount = (value: SafeCount, unit = '件', threshold = SMALL_COUNT_THRESHOLD) =>
  value.belowThreshold ? `${threshold}${unit}未満` : `${value.count ?? 0}${unit}`;

/** Sensitive issue categories (DV, 虐待, 依存, 精神, 再犯防止) never appear in counts below 10. */
export const SENSITIVE_COUNT_THRESHOLD = 10;
export const thresholdFor = (sensitive: boolean) =>
  sensitive ? SENSITIVE_COUNT_THRESHOLD : SMALL_COUNT_THRESHOLD;

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

/** A count and the counts it is the sum of (市 = 圏域…, 圏域 = 地区…). */
export type CountTree = { key: string; value: number; parts?: CountTree[] };

/**
 * Small-count suppression over a tree of sums, so that no hidden count can be had by
 * subtracting shown ones: every count from 1 to threshold − 1 is hidden, and within each
 * sum and its parts either nothing is hidden or the hidden counts cannot be worked out (at
 * least two are hidden, and when the sum is shown the hidden parts add up to at least the
 * threshold). Extra counts hidden for that are the smallest non-zero parts, else the sum.
 */
export function suppressTree(root: CountTree, threshold = SMALL_COUNT_THRESHOLD): Map<string, SafeCount> {
  const hidden = new Set<string>();
  const nodes: CountTree[] = [];
  const visit = (node: CountTree) => {
    nodes.push(node);
    if (node.value > 0 && node.value < threshold) hidden.add(node.key);
    for (const part of node.parts ?? []) visit(part);
  };
  visit(root);
  const hideSmallestShownPart = (node: CountTree) => {
    const candidates = (node.parts ?? []).filter((p) => !hidden.has(p.key) && p.value > 0);
    const smallest = candidates.sort((a, b) => a.value - b.value)[0];
    if (smallest) hidden.add(smallest.key);
    return Boolean(smallest);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of nodes) {
      const parts = node.parts ?? [];
      if (parts.length === 0) continue;
      const hiddenParts = parts.filter((p) => hidden.has(p.key));
      if (!hidden.has(node.key)) {
        const hiddenSum = hiddenParts.reduce((sum, p) => sum + p.value, 0);
        if (hiddenParts.length === 1 || (hiddenSum > 0 && hiddenSum < threshold)) {
          if (!hideSmallestShownPart(node)) hidden.add(node.key);
          changed = true;
        }
      } else if (hiddenParts.length === 0 && parts.some((p) => p.value > 0)) {
        // a hidden sum whose parts are all shown is their total
        hideSmallestShownPart(node);
        changed = true;
      }
    }
  }
  return new Map(
    nodes.map((n) => [
      n.key,
      hidden.has(n.key) ? { count: null, belowThreshold: true } : { count: n.value, belowThreshold: false },
    ]),
  );
}

/**
 * A count to date, month by month (cumulative: April, April–May, …). Each shown total is
 * small-count safe, and so is the difference between any two shown totals (it is what
 * happened in between): the latest total is kept when it can be, and an earlier month is
 * hidden when its total, or the step to the next shown total, is from 1 to threshold − 1.
 */
export function safeRunningTotals(totals: number[], threshold = SMALL_COUNT_THRESHOLD): SafeCount[] {
  const small = (k: number) => k > 0 && k < threshold;
  const result: SafeCount[] = totals.map(() => ({ count: null, belowThreshold: true }));
  let nextShown: number | null = null;
  for (let i = totals.length - 1; i >= 0; i--) {
    const n = totals[i] ?? 0;
    if (small(n) || (nextShown !== null && small(nextShown - n))) continue;
    result[i] = { count: n, belowThreshold: false };
    nextShown = n;
  }
  return result;
}
