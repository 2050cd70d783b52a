import { describe, expect, it } from 'vitest';
import { inRounds, meanInterval, percentChange, ratioWithInterval } from './rounds';

describe('measurements in rounds of turns', () => {
  it('measure A, B, B, A in each round and keep each round apart', () => {
    const order: string[] = [];
    let n = 0;
    const rounds = inRounds(
      2,
      () => {
        order.push('a');
        return n++;
      },
      () => {
        order.push('b');
        return n++;
      },
    );
    expect(order.join('')).toBe('abbaabba');
    expect(rounds).toEqual([
      { a: [0, 3], b: [1, 2] },
      { a: [4, 7], b: [5, 6] },
    ]);
  });

  it("give the mean's 95 % interval by Student's t", () => {
    // mean 2, sample standard deviation 1, three values: t(2) = 4.303, half-width 4.303 / √3
    const { mean, low, high } = meanInterval([1, 2, 3]);
    expect(mean).toBe(2);
    expect(low).toBeCloseTo(2 - 4.303 / Math.sqrt(3), 3);
    expect(high).toBeCloseTo(2 + 4.303 / Math.sqrt(3), 3);
    expect(meanInterval([0.9])).toEqual({ mean: 0.9 });
  });

  it('print a change and a ratio with their intervals', () => {
    expect(percentChange([0.97, 0.99, 1.01])).toBe('−1.0 % (95 %: −6.0 to +4.0 %)');
    expect(percentChange([1.04])).toBe('+4.0 %');
    expect(ratioWithInterval([0.72, 0.74, 0.76])).toBe('0.74 (95 %: 0.69–0.79)');
  });
});
