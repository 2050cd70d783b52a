import { describe, expect, it } from 'vitest';
import { ZPlanContent } from './case-content';

const action = (key: string, organisationId: string) => ({
  key,
  goalKey: 'g1',
  text: '家計改善支援と家賃の分納相談',
  organisationId,
  frequency: '月2回',
  from: '2026-12-01',
  until: '2027-03-31',
});
const plan = (actions: ReturnType<typeof action>[]) => ({
  vision: '母と二人で家での暮らしを続ける',
  issues: ['家賃の滞納'],
  goals: [{ key: 'g1', text: '滞納を解消する', timeframe: '6か月' }],
  actions,
});
const jiritsu = '00000000-0000-4000-8000-000000000001';
const houkatsu = '00000000-0000-4000-8000-000000000002';
const messages = (content: unknown) =>
  ZPlanContent.safeParse(content).error?.issues.map((i) => i.message) ?? [];

describe('a plan', () => {
  it('takes actions of distinct keys', () => {
    expect(messages(plan([action('a1', jiritsu), action('a2', houkatsu)]))).toEqual([]);
  });

  it('refuses two actions of one key, which would be marked done together', () => {
    expect(messages(plan([action('a1', jiritsu), action('a1', houkatsu)]))).toEqual([
      '支援内容の識別子が重複しています。',
    ]);
  });
});
