import { describe, expect, it } from 'vitest';
import { readCount } from './numbers';

describe('numbers as a Japanese keyboard types them', () => {
  it('reads full-width digits, separators and a decimal point', () => {
    expect(readCount('１２', false)).toBe(12);
    expect(readCount('２８，１００', false)).toBe(28100);
    expect(readCount('61.5', true)).toBe(61.5);
    expect(readCount('６１。５', true)).toBe(61.5);
    expect(readCount('', false)).toBe('');
  });
  it('leaves what is not a number as typed, for the check to name', () => {
    expect(readCount('十二', false)).toBe('十二');
    expect(readCount('1.5', false)).toBe('1.5');
  });
});
