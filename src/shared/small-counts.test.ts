import { describe, expect, it } from 'vitest';
import { formatSafeCount, safeCount, safeFunnel } from './small-counts';

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
